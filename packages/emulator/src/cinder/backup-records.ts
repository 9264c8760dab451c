import express from 'express';
import { jsonBody } from '../http/json-body.js';
import { BACKUP_DRIVER, serviceMetadataOf } from './backup-chunks.js';
import { backupSummary } from './backup-views.js';
import { BACKEND } from './backend.js';
import { badRequest } from './errors.js';
import { markCinderResponse } from './faults.js';
import { findBackup } from './lookups.js';
import type { BackupRecord } from './records.js';
import { bodyObject, callerOf, requireAdmin } from './request.js';
import type { CinderService } from './service.js';
import { completeLater } from './transitions.js';

const utc = (date: Date | null) => (date ? new Date(date).toISOString().replace(/\.\d{3}Z$/, 'Z') : null);

/** `Backup.encode_record`: the backup's row as JSON, base64-encoded, in Cinder's field names. */
function encodeRecord(backup: BackupRecord): string {
  const record = {
    driver_info: {},
    id: backup.id,
    user_id: backup.userId,
    project_id: backup.projectId,
    volume_id: backup.volumeId,
    host: BACKEND.nodeHost,
    availability_zone: backup.availabilityZone,
    container: backup.container,
    parent_id: backup.parentId,
    status: backup.status,
    fail_reason: backup.failReason,
    size: backup.size,
    display_name: backup.name,
    display_description: backup.description,
    service_metadata: serviceMetadataOf(backup),
    service: BACKUP_DRIVER,
    object_count: backup.objectCount,
    temp_volume_id: null,
    temp_snapshot_id: null,
    num_dependent_backups: 0,
    snapshot_id: backup.snapshotId,
    data_timestamp: utc(backup.dataTimestamp),
    restore_volume_id: null,
    metadata: backup.metadata,
    encryption_key_id: null,
    created_at: utc(backup.createdAt),
    updated_at: utc(backup.updatedAt),
    deleted_at: null,
    deleted: false,
    // What the emulator's restore needs beyond Cinder's row (its driver keeps these in the backup data).
    'emulator:volume': {
      name: backup.volumeName,
      description: backup.volumeDescription,
      metadata: backup.volumeMetadata ?? {},
    },
  };
  return Buffer.from(JSON.stringify(record)).toString('base64');
}

function decodeRecord(url: unknown): Record<string, unknown> {
  try {
    const decoded = JSON.parse(Buffer.from(String(url), 'base64').toString('utf8')) as unknown;
    if (decoded && typeof decoded === 'object' && !Array.isArray(decoded)) return decoded as Record<string, unknown>;
  } catch {
    // Falls through to Cinder's message.
  }
  throw badRequest("Invalid input received: Can't parse backup record.");
}

const text = (value: unknown) => (typeof value === 'string' ? value : null);

/**
 * `GET /backups/{id}/export_record` and `POST /backups/import_record` (admin): a backup's database
 * row travels out and back in, keeping its id, so a cloud that lost its database can find its
 * backups again. The import is the importer's project's, `creating` until cinder-backup checks it.
 */
export function backupRecordsRouter(service: CinderService): express.Router {
  const { state, ctx } = service;
  const router = express.Router();

  router.get('/backups/:id/export_record', (req, res) => {
    requireAdmin(res, 'backup:export-import');
    const backup = findBackup(service, res, req.params.id);
    if (backup.status !== 'available')
      throw badRequest('Invalid backup: Backup status must be available and not restoring.');
    markCinderResponse(res);
    res.json({ 'backup-record': { backup_service: BACKUP_DRIVER, backup_url: encodeRecord(backup) } });
  });

  router.post('/backups/import_record', jsonBody, (req, res) => {
    requireAdmin(res, 'backup:backup-import');
    const body = bodyObject(req, 'backup-record');
    if (typeof body.backup_service !== 'string' || typeof body.backup_url !== 'string')
      throw badRequest('Invalid input received: Incorrect request body format.');
    const record = decodeRecord(body.backup_url);
    const id = text(record.id);
    if (!id) throw badRequest("Invalid input received: Can't parse backup record.");
    if (state.backups.has(id)) throw badRequest('Invalid backup: Backup already exists in database.');
    const caller = callerOf(res);
    const volume = (record['emulator:volume'] ?? {}) as {
      name?: string;
      description?: string;
      metadata?: Record<string, string>;
    };
    const backup = state.addBackup({
      id,
      projectId: caller.projectId,
      userId: caller.userId,
      volumeId: text(record.volume_id) ?? '0000-0000-0000-0000',
      size: Number(record.size ?? 0),
      status: 'creating',
      name: null,
      objectCount: Number(record.object_count ?? 0),
      container: text(record.container),
      parentId: text(record.parent_id),
      isIncremental: text(record.parent_id) !== null,
      snapshotId: text(record.snapshot_id),
      metadata: (record.metadata as Record<string, string> | undefined) ?? {},
      volumeName: volume.name ?? null,
      volumeDescription: volume.description ?? null,
      volumeMetadata: volume.metadata ?? {},
    });
    ctx.persist();
    const summary = backupSummary(service, backup);
    completeLater(service, {
      operation: 'backup.create',
      durationMs: ctx.durations.backupBase,
      projectId: caller.projectId,
      requestId: String(res.locals.requestId),
      // cinder-backup's import_record takes the exported fields but not the owner or the name key.
      succeed: () => {
        backup.name = text(record.display_name);
        backup.description = text(record.display_description);
        backup.availabilityZone = state.defaultZone;
        state.setStatus(backup, text(record.status) ?? 'available');
      },
      fail: () => state.setStatus(backup, 'error'),
      failure: {
        resourceType: 'BACKUP',
        resourceUuid: backup.id,
        eventId: 'VOLUME_BACKUP_001_002',
        userMessage: 'create backup:An unknown error occurred.',
      },
    });
    markCinderResponse(res);
    res.status(201).json({ backup: summary });
  });

  return router;
}
