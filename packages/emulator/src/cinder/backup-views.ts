import type { Response } from 'express';
import { cinderTime } from '../http/time.js';
import type { BackupRecord } from './records.js';
import { callerOf, versionAtLeast } from './request.js';
import { itemLinks, type CinderService } from './service.js';

/** `{id, name, links}`: the list summary and, oddly, what create and update return. */
export function backupSummary(service: CinderService, backup: BackupRecord) {
  return { id: backup.id, name: backup.name, links: itemLinks(service, backup.projectId, 'backups', backup.id) };
}

/** The detail view (`api/views/backups.py`), with the microversioned and admin-only fields. */
export function backupDetail(service: CinderService, res: Response, backup: BackupRecord, hasDependents: boolean) {
  const detail: Record<string, unknown> = {
    id: backup.id,
    status: backup.status,
    size: backup.size,
    object_count: backup.objectCount,
    availability_zone: backup.availabilityZone,
    container: backup.container,
    created_at: cinderTime(backup.createdAt),
    updated_at: backup.updatedAt ? cinderTime(backup.updatedAt) : null,
    name: backup.name,
    description: backup.description,
    fail_reason: backup.failReason,
    volume_id: backup.volumeId,
    links: itemLinks(service, backup.projectId, 'backups', backup.id),
    is_incremental: backup.isIncremental,
    has_dependent_backups: hasDependents,
    snapshot_id: backup.snapshotId,
    data_timestamp: cinderTime(backup.dataTimestamp),
  };
  const isAdmin = callerOf(res).isAdmin;
  if (versionAtLeast(res, 18) && isAdmin) detail['os-backup-project-attr:project_id'] = backup.projectId;
  if (versionAtLeast(res, 43)) detail.metadata = backup.metadata;
  if (versionAtLeast(res, 56) && isAdmin) detail.user_id = backup.userId;
  return detail;
}
