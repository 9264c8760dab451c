import type { Backup } from '@cinder-console/cinder';
import { Anchor, Group } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { CopyId } from '../../components/copy-id';
import { formatDateTime } from '../../lib/format';
import { VolumeLink } from '../../resources/volumes/volume-names';

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

/** Every field of a backup worth reading, labelled in the user's language. */
export function backupFields(t: TFunction, language: string, b: Backup): Array<{ label: string; value: ReactNode }> {
  const yesNo = (value: boolean | undefined) => (value ? t('common.yes') : t('common.no'));
  return [
    { label: t('backups.columns.size'), value: t('backups.sizeGiB', { size: b.size }) },
    {
      label: t('backups.columns.volume'),
      value: (
        <Group gap="xs" wrap="nowrap">
          <VolumeLink id={b.volume_id} maw={320} />
          <CopyId id={b.volume_id} />
        </Group>
      ),
    },
    {
      label: t('backups.fields.snapshot'),
      value: b.snapshot_id ? (
        <Anchor component={Link} to={`/snapshots/${b.snapshot_id}`} size="sm">
          {b.snapshot_id}
        </Anchor>
      ) : (
        t('common.none')
      ),
    },
    { label: t('backups.columns.incremental'), value: yesNo(b.is_incremental) },
    { label: t('backups.columns.dependents'), value: yesNo(b.has_dependent_backups) },
    { label: t('backups.fields.description'), value: text(b.description) },
    { label: t('backups.columns.container'), value: text(b.container) },
    { label: t('backups.fields.objectCount'), value: text(b.object_count) },
    { label: t('backups.fields.availabilityZone'), value: text(b.availability_zone) },
    { label: t('backups.fields.failReason'), value: text(b.fail_reason) },
    { label: t('backups.fields.dataTimestamp'), value: formatDateTime(b.data_timestamp, language) },
    { label: t('backups.columns.created'), value: formatDateTime(b.created_at, language) },
    { label: t('backups.fields.updated'), value: formatDateTime(b.updated_at, language) },
  ];
}
