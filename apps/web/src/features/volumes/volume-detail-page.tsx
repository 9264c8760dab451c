import { Anchor, Group, Loader, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ActionBar } from '../../components/action-bar';
import { CopyId } from '../../components/copy-id';
import { DetailFields } from '../../components/detail-fields';
import { ErrorAlert } from '../../components/error-alert';
import { StatusBadge } from '../../components/status-badge';
import { ApiError } from '../../lib/api-error';
import { formatDateTime } from '../../lib/format';
import { auditListQueries } from '../../resources/audit/api';
import { AuditTable } from '../../resources/audit/audit-table';
import { ResourceMessages } from '../../resources/project/resource-messages';
import { volumeQueries } from '../../resources/volumes/api';
import { displayName } from '../../lib/display-name';
import { useVolumeMenu } from './use-volume-menu';
import { volumeFields } from './volume-fields';

/** One volume: every field, its snapshots, backups, Cinder's messages and the console's audit trail. */
export function VolumeDetailPage() {
  const { volumeId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const language = i18n.resolvedLanguage ?? 'en';
  const volume = useQuery(volumeQueries.detail(volumeId));
  const actionsOf = useVolumeMenu(() => void navigate('/volumes'));
  if (volume.isPending) return <Loader aria-label={t('app.loading')} />;
  if (volume.error) {
    const missing = volume.error instanceof ApiError && volume.error.status === 404;
    return (
      <Stack>
        <ErrorAlert
          error={volume.error}
          title={missing ? t('volumes.detail.notFound') : t('volumes.detail.loadFailed')}
        />
        <Anchor component={Link} to="/volumes">
          {t('volumes.detail.back')}
        </Anchor>
      </Stack>
    );
  }
  const v = volume.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/volumes" size="sm">
        {t('volumes.detail.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={1} size="h2">
              {displayName(v)}
            </Title>
            <StatusBadge status={v.status} />
          </Group>
          <CopyId id={v.id} />
        </Stack>
      </Group>
      <ActionBar actions={actionsOf(v)} label={t('volumes.detail.actions')} />
      <DetailFields fields={volumeFields(t, language, v)} />
      <Tabs defaultValue="snapshots" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="snapshots">{t('volumes.detail.tabs.snapshots')}</Tabs.Tab>
          <Tabs.Tab value="backups">{t('volumes.detail.tabs.backups')}</Tabs.Tab>
          <Tabs.Tab value="metadata">{t('volumes.detail.tabs.metadata')}</Tabs.Tab>
          <Tabs.Tab value="messages">{t('volumes.detail.tabs.messages')}</Tabs.Tab>
          <Tabs.Tab value="audit">{t('volumes.detail.tabs.audit')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="snapshots" pt="sm">
          <RelatedList kind="snapshots" query={volumeQueries.snapshotsOf(v.id)} language={language} />
        </Tabs.Panel>
        <Tabs.Panel value="backups" pt="sm">
          <RelatedList kind="backups" query={volumeQueries.backupsOf(v.id)} language={language} />
        </Tabs.Panel>
        <Tabs.Panel value="metadata" pt="sm">
          <KeyValues values={{ ...v.metadata }} title={t('volumes.detail.metadata')} />
          <KeyValues
            values={(v.volume_image_metadata as Record<string, string> | undefined) ?? {}}
            title={t('volumes.detail.imageMetadata')}
          />
        </Tabs.Panel>
        <Tabs.Panel value="messages" pt="sm">
          <ResourceMessages id={v.id} />
        </Tabs.Panel>
        <Tabs.Panel value="audit" pt="sm">
          <AuditTrail id={v.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

type RelatedQuery = ReturnType<typeof volumeQueries.snapshotsOf> | ReturnType<typeof volumeQueries.backupsOf>;

function RelatedList({
  kind,
  query,
  language,
}: {
  kind: 'snapshots' | 'backups';
  query: RelatedQuery;
  language: string;
}) {
  const { t } = useTranslation();
  const related = useQuery(query as ReturnType<typeof volumeQueries.snapshotsOf>);
  if (related.isPending) return <Loader size="sm" aria-label={t('app.loading')} />;
  if (related.error)
    return <ErrorAlert error={related.error} title={t('table.loadFailed', { what: t(`nav.${kind}`) })} />;
  const items = related.data.items;
  if (items.length === 0) return <Text c="dimmed">{t(`volumes.detail.no.${kind}`)}</Text>;
  return (
    <Table aria-label={t(`volumes.detail.tabs.${kind}`)}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('volumes.columns.name')}</Table.Th>
          <Table.Th scope="col">{t('volumes.columns.status')}</Table.Th>
          <Table.Th scope="col">{t('volumes.columns.size')}</Table.Th>
          <Table.Th scope="col">{t('volumes.columns.created')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.id}>
            <Table.Td>
              <Anchor component={Link} to={`/${kind}/${item.id}`} size="sm">
                {displayName(item)}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <StatusBadge status={item.status} />
            </Table.Td>
            <Table.Td>{t('volumes.sizeGiB', { size: item.size })}</Table.Td>
            <Table.Td>{formatDateTime(item.created_at, language)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function KeyValues({ values, title }: { values: Record<string, string>; title: string }) {
  const { t } = useTranslation();
  const entries = Object.entries(values);
  return (
    <Stack gap={4} mb="md">
      <Title order={2} size="h5">
        {title}
      </Title>
      {entries.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('metadata.empty')}
        </Text>
      ) : (
        <Table aria-label={title}>
          <Table.Tbody>
            {entries.map(([key, value]) => (
              <Table.Tr key={key}>
                <Table.Th scope="row">{key}</Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function AuditTrail({ id }: { id: string }) {
  const { t } = useTranslation();
  const audit = useQuery(auditListQueries.forTarget(id));
  if (audit.error) return <ErrorAlert error={audit.error} title={t('volumes.detail.auditFailed')} />;
  if (!audit.data?.length) return <Text c="dimmed">{t('volumes.detail.noAudit')}</Text>;
  return <AuditTable entries={audit.data} label={t('volumes.detail.tabs.audit')} compact />;
}

export default VolumeDetailPage;
