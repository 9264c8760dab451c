import { GROUP_TYPE_RULE } from '@cinder-console/cinder';
import { Loader, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SimpleTable } from '../../components/simple-table';
import { typeColumns } from '../../components/type-columns';
import { ErrorAlert } from '../../components/error-alert';
import { GatedButton } from '../../components/gated-button';
import { PageHeader } from '../../components/page-header';
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
  const shared = typeColumns(
    t,
    'groupTypes',
    { header: t('groupTypes.fields.specs'), of: (type) => type.group_specs },
    actionsOf,
  );
  return (
    <SimpleTable
      label={t('groupTypes.title')}
      highlightOnHover
      rows={types.data}
      rowKey={(type) => type.id}
      columns={[
        { id: 'name', header: t('groupTypes.fields.name'), cell: (type) => type.name },
        shared.description,
        shared.visibility,
        shared.specs,
        shared.actions,
      ]}
    />
  );
}

/** Group types for admins (3.11): every type, public or private, with its group specs. */
function GroupTypesPage() {
  const { t } = useTranslation();
  const gate = useActionGate()(GROUP_TYPE_RULE, '');
  return (
    <RequireAdmin title={t('groupTypes.title')}>
      <Stack gap="md">
        <PageHeader title={t('groupTypes.title')}>
          <GatedButton
            gate={gate}
            onClick={() => openDialog(t('groupTypes.form.createTitle'), (close) => <GroupTypeForm close={close} />)}
          >
            {t('groupTypes.form.create')}
          </GatedButton>
        </PageHeader>
        <NeedsMicroversion minor={11}>
          <GroupTypesTable />
        </NeedsMicroversion>
      </Stack>
    </RequireAdmin>
  );
}

export default GroupTypesPage;
