import { Anchor, Badge, Button, Group, Loader, Stack, Tabs } from '@mantine/core';
import { PageHeader } from '../../components/page-header';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { SimpleTable } from '../../components/simple-table';
import { typeColumns } from '../../components/type-columns';
import { ErrorAlert } from '../../components/error-alert';
import { RequireAdmin } from '../../components/require-admin';
import { capabilitiesQuery, useCloudAbilities } from '../../lib/capabilities';
import { openDialog } from '../../lib/open-dialog';
import { qosQueries } from '../../resources/qos/api';
import { volumeTypeQueries } from '../../resources/volume-types/api';
import { TypeForm } from '../../resources/volume-types/dialogs/type-form';
import { useTypeActions } from '../../resources/volume-types/type-actions';
import { ProjectDefaults } from './project-defaults';

function TypesTable() {
  const { t } = useTranslation();
  const types = useQuery(volumeTypeQueries.list());
  const fallback = useQuery(volumeTypeQueries.defaultType());
  const qos = useQuery(qosQueries.list());
  const actionsOf = useTypeActions();
  if (types.isPending) return <Loader aria-label={t('app.loading')} />;
  if (types.error) return <ErrorAlert error={types.error} title={t('volumeTypes.loadFailed')} />;
  const qosNames = new Map((qos.data ?? []).map((q) => [q.id, q.name]));
  const shared = typeColumns(
    t,
    'volumeTypes',
    { header: t('volumeTypes.fields.extraSpecs'), of: (type) => type.extra_specs },
    actionsOf,
  );
  return (
    <SimpleTable
      label={t('volumeTypes.title')}
      highlightOnHover
      rows={types.data}
      rowKey={(type) => type.id}
      columns={[
        {
          id: 'name',
          header: t('volumeTypes.fields.name'),
          cell: (type) => (
            <Group gap="xs" wrap="nowrap">
              <Anchor component={Link} to={`/volume-types/${type.id}`}>
                {type.name}
              </Anchor>
              {fallback.data?.id === type.id && (
                <Badge size="xs" variant="light">
                  {t('volumeTypes.default')}
                </Badge>
              )}
            </Group>
          ),
        },
        shared.description,
        shared.visibility,
        shared.specs,
        {
          id: 'qos',
          header: t('volumeTypes.fields.qos'),
          cell: (type) => (type.qos_specs_id ? (qosNames.get(type.qos_specs_id) ?? type.qos_specs_id) : '—'),
        },
        shared.actions,
      ]}
    />
  );
}

/** Volume types for admins: every type, public or private, and (from 3.62) each project's default. */
function VolumeTypesPage() {
  const { t } = useTranslation();
  const abilities = useCloudAbilities();
  return (
    <RequireAdmin title={t('volumeTypes.title')}>
      <Stack gap="md">
        <PageHeader title={t('volumeTypes.title')}>
          <Button onClick={() => openDialog(t('volumeTypes.form.createTitle'), (close) => <TypeForm close={close} />)}>
            {t('volumeTypes.form.create')}
          </Button>
        </PageHeader>
        <Tabs defaultValue="types" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="types">{t('volumeTypes.tabs.types')}</Tabs.Tab>
            {abilities?.features.defaultTypes && <Tabs.Tab value="defaults">{t('volumeTypes.tabs.defaults')}</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value="types" pt="sm">
            <TypesTable />
          </Tabs.Panel>
          <Tabs.Panel value="defaults" pt="sm">
            <ProjectDefaults />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </RequireAdmin>
  );
}

export default VolumeTypesPage;

/** Starts the type list ahead of a click on a link here (app/route-modules.ts); the page is an admin's. */
export const prefetch = (queryClient: QueryClient) =>
  queryClient.getQueryData(capabilitiesQuery().queryKey)?.admin
    ? queryClient.prefetchQuery(volumeTypeQueries.list())
    : Promise.resolve();
