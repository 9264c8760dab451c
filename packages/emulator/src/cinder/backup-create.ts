import type { Request, Response } from 'express';
import { BACKUP_LIFECYCLE, SNAPSHOT_LIFECYCLE, VOLUME_LIFECYCLE } from '@cinder-console/cinder';
import { allows, transitionOf } from './gates.js';
import { objectCountOf, startCopy } from './backup-chunks.js';
import { badRequest } from './errors.js';
import { findSnapshot, findVolume } from './lookups.js';
import { checkQuota } from './quota.js';
import type { BackupRecord } from './records.js';
import { bodyObject, callerOf, requireMember, versionAtLeast } from './request.js';
import type { CinderService } from './service.js';
import { completeLater } from './transitions.js';
import { notifierFor } from '../notify/notifier.js';
import { checkBoolean, checkMetadata, checkNoExtraKeys, checkText, checkUuid, invalidField } from './validation.js';

const BACKUP_KEYS = [
  'volume_id',
  'container',
  'description',
  'name',
  'incremental',
  'force',
  'snapshot_id',
  'metadata',
  'availability_zone',
];

/** Backups run for a time proportional to the volume's size, as real backup drivers do. */
export function backupDuration(service: CinderService, size: number): number {
  return service.ctx.durations.backupBase + service.ctx.durations.backupPerGiB * size;
}

/**
 * `POST /backups` (backup/api.py `create`): volume or snapshot checks, the incremental parent,
 * quota, then the volume goes `backing-up` and the backup `creating` until the copy completes.
 */
export function createBackup(service: CinderService, req: Request, res: Response): BackupRecord {
  requireMember(res, 'backup:create');
  const { state } = service;
  const body = bodyObject(req, 'backup');
  checkNoExtraKeys('backup', body, BACKUP_KEYS);
  if (!('volume_id' in body)) throw invalidField('backup', body, "'volume_id' is a required property");
  const volumeId = checkUuid('volume_id', body.volume_id, { nullable: false })!;
  const name = checkText('name', body.name);
  const description = checkText('description', body.description);
  const container = checkText('container', body.container);
  const incremental = body.incremental === undefined ? false : checkBoolean('incremental', body.incremental);
  const force = body.force === undefined ? false : checkBoolean('force', body.force);
  const snapshotId = checkUuid('snapshot_id', body.snapshot_id, { nullable: true });
  const metadata = versionAtLeast(res, 43) ? checkMetadata('metadata', body.metadata) : {};
  const zone =
    versionAtLeast(res, 51) && typeof body.availability_zone === 'string' ? body.availability_zone : undefined;

  const volume = findVolume(service, res, volumeId);
  const snapshot = snapshotId ? findSnapshot(service, res, snapshotId) : undefined;
  if (snapshot) {
    if (snapshot.volumeId !== volume.id)
      throw badRequest(`Invalid snapshot: Snapshot ${snapshot.id} does not belong to volume ${volume.id}.`);
    if (snapshot.status !== 'available') {
      throw badRequest(
        `Invalid snapshot: Snapshot to be backed up must be available, but the current status is "${snapshot.status}".`,
      );
    }
  } else {
    if (!allows(VOLUME_LIFECYCLE.backup, volume.status, { force: true })) {
      throw badRequest(
        `Invalid volume: Volume to be backed up must be available or in-use, but the current status is "${volume.status}".`,
      );
    }
    if (volume.status === 'in-use' && !force)
      throw badRequest('Invalid volume: Backing up an in-use volume must use the force flag.');
  }
  // The parent comes from the caller's own backups of the volume only (backup/api.py filters on
  // the context's project), so an admin cannot chain onto a member's backup, nor the reverse.
  const parent = [...state.backups.values()]
    .filter((b) => b.volumeId === volume.id && b.status === 'available' && b.projectId === callerOf(res).projectId)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  if (incremental && !parent) throw badRequest('Invalid backup: No backups available to do an incremental backup.');
  const caller = callerOf(res);
  checkQuota(state, caller.projectId, { backups: 1, backup_gigabytes: volume.size });

  const backup = state.addBackup({
    projectId: caller.projectId,
    userId: caller.userId,
    volumeId: volume.id,
    snapshotId,
    size: volume.size,
    name,
    description,
    container: container ?? 'volumebackups',
    metadata,
    volumeName: volume.name,
    volumeDescription: volume.description,
    volumeMetadata: { ...volume.metadata },
    status: 'creating',
    isIncremental: incremental,
    parentId: incremental ? parent!.id : null,
    // Cinder leaves a backup's zone empty unless the request names one (3.51).
    availabilityZone: zone ?? null,
    dataTimestamp: snapshot?.createdAt ?? new Date(),
    serviceMetadata: null,
  });
  const source = snapshot ?? volume;
  const sourceSteps = transitionOf(snapshot ? SNAPSHOT_LIFECYCLE.backup : VOLUME_LIFECYCLE.backup, source.status);
  const backupSteps = transitionOf(BACKUP_LIFECYCLE.create, backup.status);
  state.setStatus(source, sourceSteps.during);
  const notify = notifierFor(service, res);
  notify.backup(backup, 'create.start');
  const progress = startCopy(backup);
  notify.backupProgress(backup, progress.start);
  completeLater(service, {
    operation: 'backup.create',
    durationMs: backupDuration(service, volume.size),
    projectId: caller.projectId,
    requestId: String(res.locals.requestId),
    succeed: () => {
      backup.objectCount = objectCountOf(backup.size);
      for (const step of progress.rest) notify.backupProgress(backup, step);
      state.setStatus(backup, backupSteps.end);
      state.setStatus(source, sourceSteps.end);
      notify.backup(backup, 'create.end');
    },
    fail: () => {
      backup.failReason = 'Backup driver reported an error while copying the volume.';
      state.setStatus(backup, backupSteps.failure);
      state.setStatus(source, sourceSteps.failure);
    },
    failure: {
      resourceType: 'BACKUP',
      resourceUuid: backup.id,
      eventId: 'VOLUME_BACKUP_014_001',
      userMessage: 'create backup:An unknown error occurred.',
    },
  });
  return backup;
}
