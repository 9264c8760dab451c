import { refuseAction, VOLUME_LIFECYCLE } from '@cinder-console/cinder';
import { transitionOf } from './gates.js';
import express from 'express';
import { jsonBody } from '../http/json-body.js';
import { badRequest } from './errors.js';
import { markCinderResponse } from './faults.js';
import { findSnapshot, findVolume } from './lookups.js';
import { bodyObject, callerOf, requireMember, versionOf } from './request.js';
import type { CinderService } from './service.js';
import { completeLater } from './transitions.js';
import { checkUuid, checkVolumeText } from './validation.js';

/**
 * Huawei EVS's snapshot rollback, `POST /os-vendor-snapshots/{snapshot_id}/rollback`: unlike
 * upstream revert, any of the volume's snapshots may be rolled back onto it, not just the latest.
 */
export function vendorRollbackRouter(service: CinderService): express.Router {
  const { state, ctx } = service;
  const router = express.Router();
  router.post('/os-vendor-snapshots/:id/rollback', jsonBody, (req, res) => {
    requireMember(res, 'volume:rollback_snapshot');
    const body = bodyObject(req, 'rollback');
    const snapshot = findSnapshot(service, res, req.params.id);
    const volume = findVolume(service, res, checkUuid('volume_id', body.volume_id, { nullable: false })!);
    const name = checkVolumeText('name', body.name);
    if (snapshot.volumeId !== volume.id) {
      throw badRequest(`Invalid snapshot: Snapshot ${snapshot.id} does not belong to volume ${volume.id}.`);
    }
    if (snapshot.status !== 'available')
      throw badRequest(`Invalid snapshot: Snapshot ${snapshot.id} status must be available.`);
    const refusal = refuseAction(VOLUME_LIFECYCLE.rollback, {
      status: volume.status,
      minor: versionOf(res).minor,
      isAdmin: callerOf(res).isAdmin,
    });
    if (refusal) {
      throw badRequest(
        `Invalid volume: Volume ${volume.id} status must be available or error_rollbacking, but current status is: ${volume.status}.`,
      );
    }
    if (name) volume.name = name;
    const steps = transitionOf(VOLUME_LIFECYCLE.rollback, volume.status);
    state.setStatus(volume, steps.during);
    completeLater(service, {
      operation: 'volume.rollback',
      durationMs: ctx.durations.rollback,
      projectId: volume.projectId,
      requestId: String(res.locals.requestId),
      succeed: () => state.setStatus(volume, steps.end),
      fail: () => state.setStatus(volume, steps.failure),
      failure: {
        resourceType: 'VOLUME',
        resourceUuid: volume.id,
        eventId: 'VOLUME_VOLUME_013_001',
        userMessage: 'rollback snapshot:An unknown error occurred.',
      },
    });
    ctx.persist();
    markCinderResponse(res);
    res.status(202).json({ rollback: { volume_id: volume.id } });
  });
  return router;
}
