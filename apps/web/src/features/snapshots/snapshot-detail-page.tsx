import { Anchor, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { CopyId } from '../../components/copy-id';
import { DetailFields } from '../../components/detail-fields';
import { ErrorAlert } from '../../components/error-alert';
import { StatusBadge } from '../../components/status-badge';
import { ApiError } from '../../lib/api-error';
import { ResourceMessages } from '../../resources/project/resource-messages';
import { snapshotQueries } from '../../resources/snapshots/api';
import { volumeQueries } from '../../resources/volumes/api';
import { displayName } from '../../lib/display-name';
import { SnapshotActionBar } from './snapshot-action-bar';
import { snapshotFields } from './snapshot-fields';

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/snapshots" size="sm">
      {t('snapshots.detail.back')}
    </Anchor>
  );
}

function MetadataTable({ metadata }: { metadata: Record<string, string> | undefined }) {
  const { t } = useTranslation();
  const entries = Object.entries(metadata ?? {});
  if (entries.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('metadata.empty')}
      </Text>
    );
  return (
    <Table aria-label={t('metadata.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('metadata.key')}</Table.Th>
          <Table.Th scope="col">{t('metadata.value')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map(([key, value]) => (
          <Table.Tr key={key}>
            <Table.Th scope="row">{key}</Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** One snapshot: every field, its volume, its metadata, Cinder's messages about it, and its actions. */
export function SnapshotDetailPage() {
  const { snapshotId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const language = i18n.resolvedLanguage ?? 'en';
  const snapshot = useQuery(snapshotQueries.detail(snapshotId));
  const volumeId = snapshot.data?.volume_id;
  const volume = useQuery({ ...volumeQueries.detail(volumeId ?? ''), enabled: volumeId !== undefined });

  if (snapshot.isPending) return <Loader aria-label={t('app.loading')} />;
  if (snapshot.error) {
    const missing = snapshot.error instanceof ApiError && snapshot.error.status === 404;
    return (
      <Stack gap="md" align="flex-start">
        <BackLink />
        <Title order={1} size="h2">
          {missing ? t('snapshots.detail.notFound') : t('snapshots.detail.loadFailed')}
        </Title>
        {missing ? (
          <Text>{t('snapshots.detail.notFoundBody', { id: snapshotId })}</Text>
        ) : (
          <ErrorAlert
            error={snapshot.error}
            title={t('snapshots.detail.loadFailed')}
            onRetry={() => void snapshot.refetch()}
          />
        )}
      </Stack>
    );
  }
  const s = snapshot.data;
  return (
    <Stack gap="md">
      <BackLink />
      <Stack gap={4}>
        <Group gap="sm">
          <Title order={1} size="h2">
            {displayName(s)}
          </Title>
          <StatusBadge status={s.status} />
        </Group>
        <CopyId id={s.id} />
      </Stack>
      <SnapshotActionBar snapshot={s} onDeleted={() => void navigate('/snapshots')} />
      <DetailFields fields={snapshotFields(t, language, s, volume.data)} />
      <Stack gap={4} component="section" aria-labelledby="snapshot-metadata-heading">
        <Title order={2} size="h4" id="snapshot-metadata-heading">
          {t('metadata.title')}
        </Title>
        <MetadataTable metadata={s.metadata} />
      </Stack>
      <Stack gap={4} component="section" aria-labelledby="snapshot-messages-heading">
        <Title order={2} size="h4" id="snapshot-messages-heading">
          {t('snapshots.detail.messages')}
        </Title>
        <ResourceMessages id={s.id} />
      </Stack>
    </Stack>
  );
}

export default SnapshotDetailPage;
