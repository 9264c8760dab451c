import { GROUP_TYPE_RULE } from '@cinder-console/cinder';
import { Group, Loader, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ActionMenu } from '../../components/action-menu';
import { ErrorAlert } from '../../components/error-alert';
import { GatedButton } from '../../components/gated-button';
import { RequireAdmin } from '../../components/require-admin';
import { useActionGate } from '../../lib/action-gate';
import { openDialog } from '../../lib/open-dialog';
import { groupTypeQueries } from '../../resources/group-types/api';
import { GroupTypeForm } from '../../resources/group-types/dialogs/group-type-form';
import { useGroupTypeActions } from '../../resources/group-types/group-type-actions';
import { NeedsMicroversion } from '../../resources/groups/group-version-notice';

function GroupTypesTable() {
  const { t } = useTranslation();
  const types = useQuery(groupTypeQueries.list(true));
  const actionsOf = useGroupTypeActions();
  if (types.isPending) return <Loader aria-label={t('app.loading')} />;
  if (types.error) return <ErrorAlert error={types.error} title={t('groupTypes.loadFailed')} />;
  return (
    <Table aria-label={t('groupTypes.title')} striped highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('groupTypes.fields.name')}</Table.Th>
          <Table.Th scope="col">{t('groupTypes.fields.description')}</Table.Th>
          <Table.Th scope="col">{t('groupTypes.fields.visibility')}</Table.Th>
          <Table.Th scope="col">{t('groupTypes.fields.specs')}</Table.Th>
          <Table.Th scope="col">{t('groupTypes.fields.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {types.data.map((type) => (
          <Table.Tr key={type.id}>
            <Table.Td>{type.name}</Table.Td>
            <Table.Td>{type.description || '—'}</Table.Td>
            <Table.Td>{type.is_public === false ? t('groupTypes.private') : t('groupTypes.public')}</Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>
              {Object.entries(type.group_specs ?? {})
                .map(([key, value]) => `${key}=${value}`)
                .join(', ') || '—'}
            </Table.Td>
            <Table.Td>
              <ActionMenu name={type.name} actions={actionsOf(type)} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Group types for admins (3.11): every type, public or private, with its group specs. */
export function GroupTypesPage() {
  const { t } = useTranslation();
  const gate = useActionGate()(GROUP_TYPE_RULE, '');
  return (
    <RequireAdmin title={t('groupTypes.title')}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={1} size="h2">
            {t('groupTypes.title')}
          </Title>
          <GatedButton
            gate={gate}
            onClick={() => openDialog(t('groupTypes.form.createTitle'), (close) => <GroupTypeForm close={close} />)}
          >
            {t('groupTypes.form.create')}
          </GatedButton>
        </Group>
        <NeedsMicroversion minor={11}>
          <GroupTypesTable />
        </NeedsMicroversion>
      </Stack>
    </RequireAdmin>
  );
}

export default GroupTypesPage;
