import { Button, Loader, Stack, Table, Text } from '@mantine/core';
import { PageHeader } from '../../components/page-header';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ActionMenu, type MenuAction } from '../../components/action-menu';
import { ErrorAlert } from '../../components/error-alert';
import { RequireAdmin } from '../../components/require-admin';
import { openDialog, useRestorableDialogOpener } from '../../lib/open-dialog';
import { qosQueries, type QosSpecs } from '../../resources/qos/api';
import { AssociateQosForm } from '../../resources/qos/dialogs/associate-qos';
import { CREATE_QOS_DRAFT, CreateQosForm } from '../../resources/qos/dialogs/create-qos';
import { DeleteQosForm } from '../../resources/qos/dialogs/delete-qos';
import { EditQosForm } from '../../resources/qos/dialogs/edit-qos';
import { volumeTypeQueries } from '../../resources/volume-types/api';

const allowed = { allowed: true, reason: undefined };

function QosTable() {
  const { t } = useTranslation();
  const qos = useQuery(qosQueries.list());
  const types = useQuery(volumeTypeQueries.list());
  if (qos.isPending) return <Loader aria-label={t('app.loading')} />;
  if (qos.error) return <ErrorAlert error={qos.error} title={t('qos.loadFailed')} />;
  if (qos.data.length === 0) return <Text c="dimmed">{t('qos.none')}</Text>;
  const actionsOf = (q: QosSpecs): MenuAction[] => [
    {
      key: 'edit',
      label: t('qos.actions.edit'),
      gate: allowed,
      run: () => openDialog(t('qos.edit.title', { name: q.name }), (close) => <EditQosForm qos={q} close={close} />),
    },
    {
      key: 'associate',
      label: t('qos.actions.associate'),
      gate: allowed,
      run: () =>
        openDialog(t('qos.associate.title', { name: q.name }), (close) => <AssociateQosForm qos={q} close={close} />),
    },
    {
      key: 'delete',
      label: t('qos.actions.delete'),
      gate: allowed,
      danger: true,
      run: () =>
        openDialog(t('qos.delete.title', { name: q.name }), (close) => <DeleteQosForm qos={q} close={close} />),
    },
  ];
  return (
    <Table aria-label={t('qos.title')} striped highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('qos.fields.name')}</Table.Th>
          <Table.Th scope="col">{t('qos.fields.consumer')}</Table.Th>
          <Table.Th scope="col">{t('qos.fields.specs')}</Table.Th>
          <Table.Th scope="col">{t('qos.fields.types')}</Table.Th>
          <Table.Th scope="col">{t('qos.fields.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {qos.data.map((q) => (
          <Table.Tr key={q.id}>
            <Table.Td>{q.name}</Table.Td>
            <Table.Td>{t(`qos.consumers.${q.consumer}`, { defaultValue: q.consumer })}</Table.Td>
            <Table.Td ff="monospace" style={{ overflowWrap: 'anywhere' }}>
              {Object.entries(q.specs ?? {})
                .map(([key, value]) => `${key}=${value}`)
                .join(', ') || '—'}
            </Table.Td>
            <Table.Td>
              {(types.data ?? [])
                .filter((type) => type.qos_specs_id === q.id)
                .map((type) => type.name)
                .join(', ') || '—'}
            </Table.Td>
            <Table.Td>
              <ActionMenu name={q.name} actions={actionsOf(q)} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** QoS specs (admins): limits applied by the back end, the hypervisor (front-end) or both. */
function QosPage() {
  const { t } = useTranslation();
  const openCreate = useRestorableDialogOpener(CREATE_QOS_DRAFT, t('qos.form.title'), (close, restored) => (
    <CreateQosForm close={close} restored={restored} />
  ));
  return (
    <RequireAdmin title={t('qos.title')}>
      <Stack gap="md">
        <PageHeader title={t('qos.title')}>
          <Button onClick={openCreate}>{t('qos.form.create')}</Button>
        </PageHeader>
        <QosTable />
      </Stack>
    </RequireAdmin>
  );
}

export default QosPage;
