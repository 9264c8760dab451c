import type { Snapshot } from '@cinder-console/cinder';
import { Radio, Select, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { displayName } from '../../../lib/display-name';

export type BackupSource = 'volume' | 'snapshot';
export type BackupMode = 'full' | 'incremental';

/** What to copy: the volume as it is now, or one of its available snapshots. */
export function BackupSourceFields({
  source,
  onSourceChange,
  snapshots,
  snapshotId,
  snapshotError,
  onSnapshotChange,
}: {
  source: BackupSource;
  onSourceChange: (source: BackupSource) => void;
  /** The volume's snapshots that can be backed up (available); undefined while they load. */
  snapshots: Snapshot[] | undefined;
  snapshotId: string;
  snapshotError: string | undefined;
  onSnapshotChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const noSnapshots = snapshots !== undefined && snapshots.length === 0;
  return (
    <Stack gap="xs">
      <Radio.Group
        label={t('backups.create.source')}
        value={source}
        onChange={(value) => onSourceChange(value as BackupSource)}
      >
        <Stack gap={6} mt={4}>
          <Radio value="volume" label={t('backups.create.sources.volume')} />
          <Radio
            value="snapshot"
            label={t('backups.create.sources.snapshot')}
            disabled={noSnapshots}
            description={noSnapshots ? t('backups.create.noSnapshots') : undefined}
          />
        </Stack>
      </Radio.Group>
      {source === 'snapshot' && (
        <Select
          label={t('backups.create.snapshot')}
          required
          searchable
          data={(snapshots ?? []).map((snapshot) => ({ value: snapshot.id, label: displayName(snapshot) }))}
          value={snapshotId || null}
          onChange={(value) => onSnapshotChange(value ?? '')}
          error={snapshotError}
          nothingFoundMessage={t('backups.create.noSnapshots')}
        />
      )}
    </Stack>
  );
}

/**
 * Full or incremental. An incremental backup stores only what changed since the volume's newest
 * available backup, so Cinder refuses one for a volume that has none yet.
 */
export function BackupModeField({
  mode,
  onChange,
  hasParent,
}: {
  mode: BackupMode;
  onChange: (mode: BackupMode) => void;
  /** Whether the volume has an available backup to build on; undefined while that loads. */
  hasParent: boolean | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group label={t('backups.create.mode')} value={mode} onChange={(value) => onChange(value as BackupMode)}>
      <Stack gap={6} mt={4}>
        <Radio value="full" label={t('backups.create.modes.full')} description={t('backups.create.modes.fullHint')} />
        <Radio
          value="incremental"
          label={t('backups.create.modes.incremental')}
          disabled={hasParent !== true}
          description={
            hasParent === false
              ? t('backups.create.modes.incrementalNeedsFull')
              : t('backups.create.modes.incrementalHint')
          }
        />
      </Stack>
    </Radio.Group>
  );
}
