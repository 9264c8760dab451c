import { snapshotProgress, type Snapshot } from '@cinder-console/cinder';
import { Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/status-badge';

/** The status, and while the snapshot is being made, how far along it is as Cinder reports it. */
export function SnapshotStatus({ snapshot }: { snapshot: Snapshot }) {
  const { t } = useTranslation();
  const progress = snapshot.status === 'creating' ? snapshotProgress(snapshot) : undefined;
  return (
    <Group gap={6} wrap="nowrap">
      <StatusBadge status={snapshot.status} />
      {progress !== undefined && (
        <>
          <Progress
            value={progress}
            size="sm"
            w={60}
            animated
            aria-label={t('snapshots.progress', { percent: progress })}
          />
          <Text size="xs" c="dimmed" aria-hidden>
            {t('snapshots.percent', { percent: progress })}
          </Text>
        </>
      )}
    </Group>
  );
}
