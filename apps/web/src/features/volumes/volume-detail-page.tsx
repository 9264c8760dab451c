import { Anchor, Loader, Stack, Table, Tabs, Text } from '@mantine/core';
import type { Volume } from '@cinder-console/cinder';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { DetailFields } from '../../components/detail-fields';
import { DetailFrame } from '../../components/detail-frame';
import { KeyValueSection } from '../../components/key-value-section';
import { ErrorAlert } from '../../components/error-alert';
import { StatusBadge } from '../../components/status-badge';
import { formatDateTime } from '../../lib/format';
import { auditListQueries } from '../../resources/audit/api';
import { AuditTable } from '../../resources/audit/audit-table';
import { ResourceMessages } from '../../resources/project/resource-messages';
import { volumeQueries } from '../../resources/volumes/api';
import { displayName } from '../../lib/display-name';
import { useVolumeMenu } from './use-volume-menu';
import { volumeFields } from './volume-fields';

/** One volume: every field, its snapshots, backups, Cinder's messages and the console's audit trail. */
function VolumeDetailPage() {
  const { volumeId = '' } = useParams();
  const { i18n } = useTranslation();
  const navigate = useNavigate();
  const language = i18n.resolvedLanguage ?? 'en';
  const volume = useQuery(volumeQueries.detail(volumeId));
  const actionsOf = useVolumeMenu(() => void navigate('/volumes'));
  return (
    <DetailFrame query={volume} back="/volumes" id={volumeId} kind="volumes" actionsOf={actionsOf}>
      {(v) => <VolumeParts volume={v} language={language} />}
    </DetailFrame>
  );
}

/** Below the frame: every field, then tabs for its snapshots, backups, metadata, messages and audit trail. */
function VolumeParts({ volume: v, language }: { volume: Volume; language: string }) {
  const { t } = useTranslation();
  return (
    <>
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
          <Stack gap="md">
            <KeyValueSection size="h5" title={t('volumes.detail.metadata')} values={{ ...v.metadata }} />
            <KeyValueSection
              size="h5"
              title={t('volumes.detail.imageMetadata')}
              values={(v.volume_image_metadata as Record<string, string> | undefined) ?? {}}
            />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="messages" pt="sm">
          <ResourceMessages id={v.id} />
        </Tabs.Panel>
        <Tabs.Panel value="audit" pt="sm">
          <AuditTrail id={v.id} />
        </Tabs.Panel>
      </Tabs>
    </>
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

function AuditTrail({ id }: { id: string }) {
  const { t } = useTranslation();
  const audit = useQuery(auditListQueries.forTarget(id));
  if (audit.error) return <ErrorAlert error={audit.error} title={t('volumes.detail.auditFailed')} />;
  if (!audit.data?.length) return <Text c="dimmed">{t('volumes.detail.noAudit')}</Text>;
  return <AuditTable entries={audit.data} label={t('volumes.detail.tabs.audit')} compact />;
}

export default VolumeDetailPage;
