/**
 * How the UI treats a status: `stable` statuses wait for a user, `transitional` ones change by
 * themselves (the console watches them), `error` ones need attention.
 */
export type StatusClass = 'stable' | 'transitional' | 'error';

/** Volume statuses Cinder Zed can report (objects/fields.py plus the few used outside the enum). */
export const VOLUME_STATUSES = [
  'creating',
  'available',
  'deleting',
  'error',
  'error_deleting',
  'error_managing',
  'managing',
  'attaching',
  'in-use',
  'detaching',
  'maintenance',
  'restoring-backup',
  'error_restoring',
  'reserved',
  'awaiting-transfer',
  'backing-up',
  'error_backing-up',
  'error_extending',
  'downloading',
  'uploading',
  'retyping',
  'extending',
  'reverting',
  'unmanaging',
  // Huawei EVS snapshot rollback.
  'rollbacking',
  'error_rollbacking',
] as const;
export type VolumeStatus = (typeof VOLUME_STATUSES)[number];

/** Snapshot statuses of Cinder Zed (`fields.SnapshotStatus`). */
export const SNAPSHOT_STATUSES = [
  'creating',
  'available',
  'deleting',
  'error',
  'error_deleting',
  'unmanaging',
  'backing-up',
  'restoring',
] as const;

/** Backup statuses of Cinder Zed (`fields.BackupStatus`). */
export const BACKUP_STATUSES = [
  'creating',
  'available',
  'deleting',
  'deleted',
  'error',
  'error_deleting',
  'restoring',
] as const;

const STABLE = new Set(['available', 'in-use', 'reserved', 'awaiting-transfer', 'maintenance']);

/**
 * Classifies any status string, including ones a vendor cloud invents: anything starting with
 * `error` is an error, the known resting states are stable, everything else is in motion.
 */
export function statusClass(status: string): StatusClass {
  const normalized = status.toLowerCase();
  if (normalized.startsWith('error')) return 'error';
  if (STABLE.has(normalized)) return 'stable';
  return 'transitional';
}
