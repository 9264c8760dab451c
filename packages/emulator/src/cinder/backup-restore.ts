import type { Response } from 'express';
import { BACKUP_LIFECYCLE, VOLUME_LIFECYCLE } from '@cinder-console/cinder';
import { allows, transitionOf } from './gates.js';
import { badRequest } from './errors.js';
import { findVolume } from './lookups.js';
import { checkQuota } from './quota.js';
import type { BackupRecord, VolumeRecord } from './records.js';
import { callerOf } from './request.js';
import type { CinderService } from './service.js';
import { completeLater } from './transitions.js';
import { notifierFor } from '../notify/notifier.js';
import { checkText, checkUuid } from './validation.js';

/**
 * `POST /backups/{id}/restore` (backup/api.py `restore`). Into a new volume, the API creates
 * `restore_backup_<id>` and waits until it leaves `creating` before answering, as Cinder does.
 * Then the volume is `restoring-backup` and the backup `restoring` until the data is back.
 */
export async function restoreBackup(
  service: CinderService,
  res: Response,
  backup: BackupRecord,
  args: Record<string, unknown>,
) {
  const { state, ctx } = service;
  const volumeId = checkUuid('volume_id', args.volume_id, { nullable: true });
  const name = checkText('name', args.name);
  if (!allows(BACKUP_LIFECYCLE.restore, backup.status))
    throw badRequest('Invalid backup: Backup status must be available');
  const caller = callerOf(res);
  const notify = notifierFor(service, res);
  let volume: VolumeRecord;
  let created = false;
  if (volumeId) {
    volume = findVolume(service, res, volumeId);
    if (!allows(VOLUME_LIFECYCLE.restoreBackup, volume.status)) {
      throw badRequest('Invalid volume: Volume to be restored to must be available');
    }
    if (volume.size < backup.size) {
      throw badRequest(
        `Invalid volume: volume size ${volume.size} is too small to restore backup of size ${backup.size}.`,
      );
    }
  } else {
    const type = state.defaultTypeFor(caller.projectId);
    // The handler catches the quota error itself, so this 413 has no exception-class prefix.
    checkQuota(
      state,
      caller.projectId,
      { volumes: 1, gigabytes: backup.size, [`volumes_${type.name}`]: 1, [`gigabytes_${type.name}`]: backup.size },
      { withoutPrefix: true },
    );
    volume = state.addVolume({
      projectId: caller.projectId,
      userId: caller.userId,
      size: backup.size,
      name: name ?? `restore_backup_${backup.id}`,
      description: 'auto-created_from_restore_from_backup',
      status: 'creating',
      availabilityZone: backup.availabilityZone ?? state.defaultZone,
      volumeTypeId: type.id,
    });
    created = true;
    // The new volume goes through Cinder's create flow before the restore begins.
    notify.volume(volume, 'create.start', 'pool');
    await ctx.scheduler.wait(ctx.durations.create);
    notify.volume({ ...volume, status: 'available' }, 'create.end', 'pool');
  }
  const volumeSteps = transitionOf(VOLUME_LIFECYCLE.restoreBackup, volume.status);
  const backupSteps = transitionOf(BACKUP_LIFECYCLE.restore, backup.status);
  state.setStatus(volume, volumeSteps.during);
  state.setStatus(backup, backupSteps.during);
  notify.backup(backup, 'restore.start');
  ctx.persist();
  completeLater(service, {
    operation: 'backup.restore',
    durationMs: ctx.durations.restoreBase + ctx.durations.restorePerGiB * backup.size,
    projectId: caller.projectId,
    requestId: String(res.locals.requestId),
    succeed: () => {
      // The backup driver merges the source volume's metadata back (`_restore_vol_meta`), keeping the target's other keys.
      volume.metadata = { ...volume.metadata, ...backup.volumeMetadata };
      if (volume.id !== backup.volumeId) volume.metadata.src_backup_id = backup.id;
      // The backup carries the volume's name and description. Cinder writes them back only onto a
      // volume that looks made for this restore (no name, or `restore_backup_…`), never over a
      // name the user gave (backup/driver.py `_restore_vol_base_meta`).
      const madeForRestore = !volume.name || volume.name.startsWith('restore_backup_');
      if (backup.volumeName && madeForRestore) {
        volume.name = backup.volumeName;
        volume.description = backup.volumeDescription;
      }
      state.setStatus(volume, volumeSteps.end);
      state.setStatus(backup, backupSteps.end);
      notify.backup(backup, 'restore.end');
    },
    fail: () => {
      // A volume made for this restore fails as a failed create does (backup manager `restore_backup`).
      state.setStatus(volume, created ? VOLUME_LIFECYCLE.create.failure : volumeSteps.failure);
      state.setStatus(backup, backupSteps.failure);
    },
    failure: {
      resourceType: 'BACKUP',
      resourceUuid: backup.id,
      eventId: 'VOLUME_BACKUP_015_001',
      userMessage: 'restore backup:An unknown error occurred.',
    },
  });
  return { backup_id: backup.id, volume_id: volume.id, volume_name: volume.name };
}
