import { BACKUP_DRIVER, serviceMetadataOf } from '../cinder/backup-chunks.js';
import type { BackupRecord, SnapshotRecord, VolumeRecord } from '../cinder/records.js';
import type { CinderState } from '../cinder/state.js';

// The payloads of Cinder Zed's usage notifications, key for key as cinder/volume/volume_utils.py
// builds them (`_usage_from_volume`, `_usage_from_snapshot`, `_usage_from_backup`), so that a
// consumer written against the emulator reads a real cloud's messages the same way. The rig's
// messages are recorded in packages/emulator/fixtures/notifications-rig.json.

/** Python's `datetime.isoformat()` of a timezone-aware UTC datetime, as Cinder's objects hold them. */
export function pyIsoformat(date: Date): string {
  const iso = date.toISOString().slice(0, 19);
  const ms = date.getUTCMilliseconds();
  return `${iso}${ms ? `.${String(ms * 1000).padStart(6, '0')}` : ''}+00:00`;
}

/** `str(timeutils.utcnow())`: oslo.messaging's message timestamp, naive, a space between date and time. */
export function pyUtcnow(date = new Date()): string {
  const [day, time] = date.toISOString().slice(0, 23).split('T');
  return `${day} ${time}000`;
}

/** Cinder's `null_safe_str`: '' for anything falsy ({} included), else Python's `str()` of it. */
function nullSafeStr(value: Record<string, string> | boolean): string {
  if (typeof value === 'boolean') return value ? 'True' : '';
  const entries = Object.entries(value);
  if (entries.length === 0) return '';
  return `{${entries.map(([k, v]) => `'${k}': '${v}'`).join(', ')}}`;
}

/** The rows `db.volume_attachment_get_all_by_volume_id` returns, serialised to plain dicts. */
function attachmentRows(volume: VolumeRecord) {
  return volume.attachments.map((a) => ({
    id: a.attachmentId,
    volume_id: volume.id,
    instance_uuid: a.serverId,
    attached_host: a.hostName,
    mountpoint: a.device,
    attach_time: pyIsoformat(a.attachedAt),
    detach_time: null,
    attach_mode: 'rw',
    attach_status: 'attached',
    connection_info: null,
    connector: null,
    deleted: false,
    deleted_at: null,
    created_at: pyIsoformat(a.attachedAt),
    updated_at: null,
  }));
}

/** `_usage_from_volume`, with `extra` (`extra_usage_info`) laid over it. */
export function volumeUsage(volume: VolumeRecord, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const now = new Date();
  // launched_at is set when the volume first becomes available; until then Cinder sends "now".
  const launchedAt = volume.status === 'creating' ? now : volume.createdAt;
  const usage: Record<string, unknown> = {
    tenant_id: volume.projectId,
    host: volume.host,
    user_id: volume.userId,
    availability_zone: volume.availabilityZone,
    volume_id: volume.id,
    volume_type: volume.volumeTypeId,
    display_name: volume.name,
    launched_at: pyIsoformat(launchedAt),
    created_at: pyIsoformat(volume.createdAt),
    status: volume.status,
    snapshot_id: volume.snapshotId,
    size: volume.size,
    replication_status: null,
    replication_extended_status: null,
    replication_driver_data: null,
    metadata: volume.metadata,
    ...extra,
    volume_attachment: attachmentRows(volume),
  };
  if (volume.imageMetadata) usage.glance_metadata = volume.imageMetadata;
  return usage;
}

/** `_usage_from_snapshot`: the volume's zone is read even when the volume is gone (read_deleted). */
export function snapshotUsage(
  state: CinderState,
  snapshot: SnapshotRecord,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const volume = state.volumes.get(snapshot.volumeId);
  return {
    tenant_id: snapshot.projectId,
    user_id: snapshot.userId,
    availability_zone: volume?.availabilityZone ?? state.defaultZone,
    volume_id: snapshot.volumeId,
    volume_size: snapshot.size,
    snapshot_id: snapshot.id,
    display_name: snapshot.name,
    created_at: pyIsoformat(snapshot.createdAt),
    status: snapshot.status,
    deleted: nullSafeStr(snapshot.status === 'deleted'),
    metadata: nullSafeStr(snapshot.metadata),
    ...extra,
  };
}

/** `_usage_from_backup`. */
export function backupUsage(
  state: CinderState,
  backup: BackupRecord,
  host: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const dependents = [...state.backups.values()].filter((b) => b.parentId === backup.id).length;
  const serviceMetadata = serviceMetadataOf(backup);
  return {
    tenant_id: backup.projectId,
    user_id: backup.userId,
    availability_zone: backup.availabilityZone,
    backup_id: backup.id,
    host,
    display_name: backup.name,
    created_at: pyIsoformat(backup.createdAt),
    status: backup.status,
    volume_id: backup.volumeId,
    size: backup.size,
    service_metadata: serviceMetadata,
    service: serviceMetadata === null ? null : BACKUP_DRIVER,
    fail_reason: backup.failReason,
    parent_id: backup.parentId,
    num_dependent_backups: dependents,
    snapshot_id: backup.snapshotId,
    ...extra,
  };
}
