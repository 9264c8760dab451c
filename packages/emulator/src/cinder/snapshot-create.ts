import { SNAPSHOT_LIFECYCLE } from '@cinder-console/cinder';
import type { Request, Response } from 'express';
import { badRequest } from './errors.js';
import { findVolume } from './lookups.js';
import { checkQuota } from './quota.js';
import type { SnapshotRecord } from './records.js';
import { bodyObject, callerOf, requireMember, versionAtLeast } from './request.js';
import type { CinderService } from './service.js';
import { completeLater } from './transitions.js';
import { notifierFor } from '../notify/notifier.js';
import { checkBoolean, checkMetadata, checkNoExtraKeys, checkText, checkUuid, invalidField } from './validation.js';

const SNAPSHOT_KEYS = ['volume_id', 'name', 'display_name', 'description', 'display_description', 'force', 'metadata'];

/** The volume-side conditions of `_create_snapshot_in_db_validate`, with Cinder's messages. */
function checkVolumeForSnapshot(
  volume: { id: string; status: string; host: string | null; migrationStatus: string | null },
  allowInUse: boolean,
) {
  if (!volume.host)
    throw badRequest(
      'Invalid volume: The snapshot cannot be created because volume has not been scheduled to any host.',
    );
  if (volume.status === 'maintenance')
    throw badRequest('Invalid volume: The snapshot cannot be created when the volume is in maintenance mode.');
  if (volume.migrationStatus === 'migrating')
    throw badRequest('Invalid volume: Snapshot cannot be created while volume is migrating.');
  if (volume.status === 'error')
    throw badRequest('Invalid volume: The snapshot cannot be created when the volume is in error status.');
  const allowed = allowInUse ? ['available', 'in-use'] : ['available'];
  if (!allowed.includes(volume.status)) {
    throw badRequest(
      `Invalid volume: Volume ${volume.id} status must be ${allowed.join(', ')}, but current status is: ${volume.status}.`,
    );
  }
}

/** `POST /snapshots`: schema, volume checks, the vendor per-volume limit and quota, then `creating` → `available`. */
export function createSnapshot(service: CinderService, req: Request, res: Response): SnapshotRecord {
  requireMember(res, 'volume:create_snapshot');
  const { state, ctx } = service;
  const body = bodyObject(req, 'snapshot');
  checkNoExtraKeys('snapshot', body, SNAPSHOT_KEYS);
  if (!('volume_id' in body)) throw invalidField('snapshot', body, "'volume_id' is a required property");
  const volumeId = checkUuid('volume_id', body.volume_id, { nullable: true });
  const name = checkText('name', body.name ?? body.display_name);
  const description = checkText('description', body.description ?? body.display_description);
  const metadata = checkMetadata('metadata', body.metadata);
  const force = body.force === undefined ? undefined : checkBoolean('force', body.force);
  if (versionAtLeast(res, 66) && force === false) {
    throw badRequest(
      "Since microversion 3.66 the 'force' flag is invalid for this request.  For backward compatability, however, when the 'force' flag is passed with a value evaluating to True, it is silently ignored.",
    );
  }
  const volume = findVolume(service, res, volumeId ?? 'None');
  checkVolumeForSnapshot(volume, force === true || versionAtLeast(res, 66));
  const limit = state.maxSnapshotsPerVolume;
  if (limit !== undefined && state.snapshotsOf(volume.id).length >= limit) {
    throw badRequest(`Invalid volume: Volume ${volume.id} already has ${limit} snapshots, the most this cloud allows.`);
  }
  const caller = callerOf(res);
  const type = state.volumeTypes.get(volume.volumeTypeId)!;
  checkQuota(state, caller.projectId, {
    snapshots: 1,
    gigabytes: volume.size,
    [`snapshots_${type.name}`]: 1,
    [`gigabytes_${type.name}`]: volume.size,
  });
  const snapshot = state.addSnapshot({
    projectId: caller.projectId,
    userId: caller.userId,
    volumeId: volume.id,
    size: volume.size,
    name,
    description,
    metadata,
    status: 'creating',
    progress: '0%',
  });
  const notify = notifierFor(service, res);
  notify.snapshot(snapshot, 'create.start', 'volume');
  ctx.scheduler.after(ctx.durations.snapshotCreate / 2, () => {
    if (snapshot.status === 'creating') snapshot.progress = '50%';
  });
  completeLater(service, {
    operation: 'snapshot.create',
    durationMs: ctx.durations.snapshotCreate,
    projectId: caller.projectId,
    requestId: String(res.locals.requestId),
    succeed: () => {
      snapshot.progress = '100%';
      state.setStatus(snapshot, SNAPSHOT_LIFECYCLE.create.end);
      notify.snapshot(snapshot, 'create.end', 'volume');
    },
    fail: () => state.setStatus(snapshot, SNAPSHOT_LIFECYCLE.create.failure),
    failure: {
      resourceType: 'SNAPSHOT',
      resourceUuid: snapshot.id,
      eventId: 'VOLUME_SNAPSHOT_009_001',
      userMessage: 'create snapshot:An unknown error occurred.',
    },
  });
  return snapshot;
}
