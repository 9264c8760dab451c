// How the emulator's backup backend cuts a volume into objects: as the rig's (and Debian's default)
// cinder.backup.drivers.posix.PosixBackupDriver does, a ChunkedBackupDriver with its defaults. What
// a backup's `object_count` says and what its `backup.createprogress` notifications carry follow
// from it (backup/chunkeddriver.py `backup`, `_send_progress_notification`, `_send_progress_end`).
import { createHash } from 'node:crypto';
import type { BackupRecord } from './records.js';

export const BACKUP_DRIVER = 'cinder.backup.drivers.posix.PosixBackupDriver';
/** `backup_file_size`: the posix driver's object size. */
const CHUNK_BYTES = 1_999_994_880;
/** `backup_object_number_per_notification`. */
const CHUNKS_PER_NOTIFICATION = 10;
const GIB = 1024 ** 3;

/** The objects a backup of `sizeGiB` is written as. */
export function objectCountOf(sizeGiB: number): number {
  return Math.max(1, Math.ceil((sizeGiB * GIB) / CHUNK_BYTES));
}

/** `_generate_object_name_prefix` of the posix driver: `volume_<id>_<YYYYmmddHHMMSS>_backup_<id>`. */
function objectPrefix(volumeId: string, backupId: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `volume_${volumeId}_${stamp}_backup_${backupId}`;
}

/** The backup's `service_metadata`, its objects' prefix: null while no copy has started. */
export function serviceMetadataOf(backup: BackupRecord): string | null {
  return backup.serviceMetadata === undefined
    ? objectPrefix(backup.volumeId, backup.id, backup.createdAt)
    : backup.serviceMetadata;
}

/** The `object_meta` a progress notification adds to the backup's usage, with its `backup_percent`. */
export type ProgressInfo = Record<string, unknown>;

/**
 * Starts the copy of `backup` (its objects get their prefix) and gives the `backup.createprogress`
 * payload extras the driver sends, in order: the progress timer's first tick as the copy starts
 * (0 %), one after every tenth object (with the driver's own arithmetic, which counts ten "blocks"
 * an object), and 100 % once every object is written.
 */
export function startCopy(backup: BackupRecord): { start: ProgressInfo; rest: ProgressInfo[] } {
  const prefix = objectPrefix(backup.volumeId, backup.id, new Date());
  backup.serviceMetadata = prefix;
  const volumeBytes = backup.size * GIB;
  const objects: Record<string, unknown>[] = [];
  const meta = (percent: number) => ({
    id: objects.length + 1,
    list: [...objects],
    prefix,
    volume_meta: null,
    backup_percent: percent,
  });
  const start = meta(0);
  const rest: ProgressInfo[] = [];
  const count = objectCountOf(backup.size);
  for (let index = 0; index < count; index++) {
    const offset = index * CHUNK_BYTES;
    const name = `${prefix}-${String(index + 1).padStart(5, '0')}`;
    const md5 = createHash('md5').update(name).digest('hex');
    objects.push({ [name]: { offset, length: Math.min(CHUNK_BYTES, volumeBytes - offset), compression: 'zlib', md5 } });
    if ((index + 1) % CHUNKS_PER_NOTIFICATION === 0)
      rest.push(meta(((index + 1) * CHUNKS_PER_NOTIFICATION * 100) / volumeBytes));
  }
  rest.push(meta(100));
  return { start, rest };
}
