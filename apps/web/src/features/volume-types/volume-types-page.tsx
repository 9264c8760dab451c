import { Anchor, Badge, Button, Group, Loader, Stack, Table, Tabs, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ActionMenu } from '../../components/action-menu';
import { ErrorAlert } from '../../components/error-alert';
import { RequireAdmin } from '../../components/require-admin';
import { useCloudAbilities } from '../../lib/capabilities';
import { openDialog } from '../../lib/open-dialog';
import { qosQueries } from '../../resources/qos/api';
import { volumeTypeQueries } from '../../resources/volume-types/api';
import { TypeForm } from '../../resources/volume-types/dialogs/type-form';
import { useTypeActions } from '../../resources/volume-types/type-actions';
import { ProjectDefaults } from './project-defaults';

/** `key=value, …` of a type's extra specs, short enough for a table cell. */
export function specsSummary(specs: Record<string, string> | undefined): string {
  return Object.entries(specs ?? {})
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
}

function TypesTable() {
  const { t } = useTranslation();
  const types = useQuery(volumeTypeQueries.list());
  const fallback = useQuery(volumeTypeQueries.defaultType());
  const qos = useQuery(qosQueries.list());
  const actionsOf = useTypeActions();
  if (types.isPending) return <Loader aria-label={t('app.loading')} />;
  if (types.error) return <ErrorAlert error={types.error} title={t('volumeTypes.loadFailed')} />;
  const qosNames = new Map((qos.data ?? []).map((q) => [q.id, q.name]));
  return (
    <Table aria-label={t('volumeTypes.title')} striped highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('volumeTypes.fields.name')}</Table.Th>
          <Table.Th scope="col">{t('volumeTypes.fields.description')}</Table.Th>
          <Table.Th scope="col">{t('volumeTypes.fields.visibility')}</Table.Th>
          <Table.Th scope="col">{t('volumeTypes.fields.extraSpecs')}</Table.Th>
          <Table.Th scope="col">{t('volumeTypes.fields.qos')}</Table.Th>
          <Table.Th scope="col">{t('volumeTypes.fields.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {types.data.map((type) => (
          <Table.Tr key={type.id}>
            <Table.Td>
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
            </Table.Td>
            <Table.Td>{type.description || '—'}</Table.Td>
            <Table.Td>{type.is_public === false ? t('volumeTypes.private') : t('volumeTypes.public')}</Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{specsSummary(type.extra_specs) || '—'}</Table.Td>
            <Table.Td>{type.qos_specs_id ? (qosNames.get(type.qos_specs_id) ?? type.qos_specs_id) : '—'}</Table.Td>
            <Table.Td>
              <ActionMenu name={type.name} actions={actionsOf(type)} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Volume types for admins: every type, public or private, and (from 3.62) each project's default. */
export function VolumeTypesPage() {
  const { t } = useTranslation();
  const abilities = useCloudAbilities();
  return (
    <RequireAdmin title={t('volumeTypes.title')}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={1} size="h2">
            {t('volumeTypes.title')}
          </Title>
          <Button onClick={() => openDialog(t('volumeTypes.form.createTitle'), (close) => <TypeForm close={close} />)}>
            {t('volumeTypes.form.create')}
          </Button>
        </Group>
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
