import express, { type Response } from 'express';
import { refuseAction, SNAPSHOT_LIFECYCLE, VOLUME_LIFECYCLE } from '@cinder-console/cinder';
import { jsonBody } from '../http/json-body.js';
import { allows, transitionOf } from './gates.js';
import { actionOf } from './actions.js';
import { backendOf, poolHost, scheduleBackend } from './backend.js';
import { badRequest, conflict, notFound } from './errors.js';
import { findSnapshot, findUsableType, findVolume } from './lookups.js';
import { checkQuota } from './quota.js';
import type { VolumeRecord } from './records.js';
import { callerOf, requireMember, versionAtLeast, versionOf } from './request.js';
import type { CinderService } from './service.js';
import { completeLater } from './transitions.js';
import { checkBoolean, invalidField, pyRepr } from './validation.js';
import { adminAction, ADMIN_ACTIONS } from './volume-admin-actions.js';
import { attachAction, ATTACH_ACTIONS } from './volume-attach.js';
import { IMAGE_METADATA_ACTIONS, imageMetadataAction } from './volume-image-metadata.js';
import { uploadToImage } from './volume-upload.js';
import { notifierFor } from '../notify/notifier.js';

const MEMBER_ACTIONS = [
  'os-extend',
  'revert',
  'os-retype',
  'os-set_bootable',
  'os-update_readonly_flag',
  'os-volume_upload_image',
];

function extend(service: CinderService, res: Response, volume: VolumeRecord, args: Record<string, unknown>) {
  const raw = args.new_size;
  const newSize = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof newSize !== 'number' || !Number.isInteger(newSize)) {
    throw invalidField('new_size', raw, `${pyRepr(raw)} is not of type 'integer', 'string'`);
  }
  if (newSize < 1) throw invalidField('new_size', raw, `${newSize} is less than the minimum of 1`);
  if (newSize <= volume.size) {
    throw badRequest(
      `Invalid input received: New size for extend must be greater than current size. (current: ${volume.size}, extended: ${newSize}).`,
    );
  }
  const minor = versionOf(res).minor;
  const refusal = refuseAction(VOLUME_LIFECYCLE.extend, {
    status: volume.status,
    minor,
    isAdmin: callerOf(res).isAdmin,
  });
  if (refusal) {
    // Cinder prints the expected-status dict here, a long-standing quirk kept for fidelity.
    throw badRequest(
      `Invalid volume: Volume ${volume.id} status must be '{'status': 'available'}' to extend, currently ${volume.status}.`,
    );
  }
  const type = service.state.volumeTypes.get(volume.volumeTypeId)!;
  const delta = newSize - volume.size;
  checkQuota(service.state, volume.projectId, { gigabytes: delta, [`gigabytes_${type.name}`]: delta });
  const steps = transitionOf(VOLUME_LIFECYCLE.extend, volume.status);
  const notify = notifierFor(service, res);
  service.state.setStatus(volume, steps.during);
  notify.volume(volume, 'resize.start', 'volume');
  completeLater(service, {
    operation: 'volume.extend',
    durationMs: service.ctx.durations.extend,
    projectId: volume.projectId,
    requestId: String(res.locals.requestId),
    succeed: () => {
      volume.size = newSize;
      service.state.setStatus(volume, steps.end);
      notify.volume(volume, 'resize.end', 'volume', { size: newSize });
    },
    fail: () => service.state.setStatus(volume, steps.failure),
    failure: {
      resourceType: 'VOLUME',
      resourceUuid: volume.id,
      eventId: 'VOLUME_VOLUME_007_010',
      userMessage: 'extend volume:Volume Driver failed to extend volume.',
    },
  });
}

function revert(service: CinderService, res: Response, volume: VolumeRecord, args: Record<string, unknown>) {
  if (!versionAtLeast(res, 40)) throw notFound('The resource could not be found.');
  const snapshots = service.state.snapshotsOf(volume.id);
  if (snapshots.length === 0) throw badRequest(`Volume ${volume.id} doesn't have any snapshots.`);
  const snapshotId = String(args.snapshot_id);
  const latest = [...snapshots].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0]!;
  if (latest.id !== snapshotId) {
    throw badRequest(`Specified snapshot ${snapshotId} is None or not the latest one of volume ${volume.id}.`);
  }
  const snapshot = findSnapshot(service, res, snapshotId);
  const prefix = `Can't revert volume ${volume.id} to its latest snapshot ${snapshot.id}.`;
  if (volume.size !== snapshot.size) throw badRequest(`${prefix} The volume size must be equal to the snapshot size.`);
  if (!allows(VOLUME_LIFECYCLE.revert, volume.status))
    throw conflict(`Invalid volume: ${prefix} Volume's status must be 'available'.`);
  if (snapshot.status !== 'available')
    throw conflict(`Invalid snapshot: ${prefix} Snapshot's status must be 'available'.`);
  const notify = notifierFor(service, res);
  const volumeSteps = transitionOf(VOLUME_LIFECYCLE.revert, volume.status);
  const snapshotSteps = transitionOf(SNAPSHOT_LIFECYCLE.revertTo, snapshot.status);
  service.state.setStatus(volume, volumeSteps.during);
  service.state.setStatus(snapshot, snapshotSteps.during);
  notify.volume(volume, 'revert.start', 'volume');
  notify.snapshot(snapshot, 'revert.start', 'volume');
  completeLater(service, {
    operation: 'volume.revert',
    durationMs: service.ctx.durations.revert,
    projectId: volume.projectId,
    requestId: String(res.locals.requestId),
    succeed: () => {
      service.state.setStatus(volume, volumeSteps.end);
      service.state.setStatus(snapshot, snapshotSteps.end);
      notify.volume(volume, 'revert.end', 'volume');
      notify.snapshot(snapshot, 'revert.end', 'volume');
    },
    fail: () => {
      service.state.setStatus(volume, volumeSteps.failure);
      service.state.setStatus(snapshot, snapshotSteps.failure);
    },
    failure: {
      resourceType: 'VOLUME',
      resourceUuid: volume.id,
      eventId: 'VOLUME_VOLUME_013_001',
      userMessage: 'revert to snapshot:An unknown error occurred.',
    },
  });
}

function retype(service: CinderService, res: Response, volume: VolumeRecord, args: Record<string, unknown>) {
  const type = findUsableType(service, res, String(args.new_type ?? ''));
  const policy = args.migration_policy ?? 'never';
  if (!['never', 'on-demand'].includes(String(policy))) {
    throw invalidField('migration_policy', policy, `${pyRepr(policy)} is not one of ['on-demand', 'never']`);
  }
  const current = service.state.volumeTypes.get(volume.volumeTypeId)!;
  if (
    !allows(VOLUME_LIFECYCLE.retype, volume.status) ||
    type.id === current.id ||
    volume.migrationStatus === 'migrating'
  ) {
    throw badRequest(
      'Invalid volume: Retype needs volume to be in available or in-use state, not be part of an active migration or a consistency group, requested type has to be different that the one from the volume, and for in-use volumes front-end qos specs cannot change.',
    );
  }
  if (volume.status !== 'available' && (type.extraSpecs.multiattach ?? '') !== (current.extraSpecs.multiattach ?? '')) {
    throw badRequest(
      `Invalid input received: Invalid volume_type passed, retypes affecting multiattach are only allowed on available volumes, the specified volume however currently has a status of: ${volume.status}.`,
    );
  }
  checkQuota(service.state, volume.projectId, { [`volumes_${type.name}`]: 1, [`gigabytes_${type.name}`]: volume.size });
  const steps = transitionOf(VOLUME_LIFECYCLE.retype, volume.status);
  const notify = notifierFor(service, res);
  // The scheduler's find_retype_host: the volume's own backend if it suits the new type; else
  // another one, which means a migration (allowed by `on-demand` only, for a volume without
  // snapshots, as the volume manager checks); else no valid host. Either failure leaves the volume.
  const { state, ctx } = service;
  const target = scheduleBackend(state, type);
  const moves = target !== undefined && target !== backendOf(volume.host);
  const migrates = moves && policy === 'on-demand' && state.snapshotsOf(volume.id).length === 0 && !volume.groupId;
  state.setStatus(volume, steps.during);
  if (migrates) {
    volume.migrationStatus = 'starting';
    ctx.scheduler.after(ctx.durations.retype / 3, () => {
      if (volume.migrationStatus === 'starting') volume.migrationStatus = 'migrating';
    });
  }
  completeLater(service, {
    operation: 'volume.retype',
    durationMs: ctx.durations.retype,
    projectId: volume.projectId,
    requestId: String(res.locals.requestId),
    mustFail: !target || (moves && !migrates),
    succeed: () => {
      volume.volumeTypeId = type.id;
      if (migrates) {
        volume.host = poolHost(target);
        volume.migrationStatus = 'success';
      }
      state.setStatus(volume, steps.end);
      // One event, at the end, as the volume manager's retype sends it.
      notify.volume(volume, 'retype', 'volume', { volume_type: type.id });
    },
    fail: () => {
      if (migrates) volume.migrationStatus = 'error';
      state.setStatus(volume, steps.failure);
    },
    failure: {
      resourceType: 'VOLUME',
      resourceUuid: volume.id,
      eventId: 'VOLUME_VOLUME_011_001',
      userMessage: 'retype volume:An unknown error occurred.',
    },
  });
}

/** `POST /volumes/{id}/action`: the member actions here, admin and attach actions in their modules. */
export function volumeActionsRouter(service: CinderService): express.Router {
  const router = express.Router();
  router.post('/volumes/:id/action', jsonBody, (req, res) => {
    const { name, args } = actionOf(req, [
      ...MEMBER_ACTIONS,
      ...ADMIN_ACTIONS,
      ...ATTACH_ACTIONS,
      ...IMAGE_METADATA_ACTIONS,
    ]);
    // These validate their body before looking the volume up.
    if (IMAGE_METADATA_ACTIONS.includes(name)) return imageMetadataAction(service, req, res, name);
    const volume = findVolume(service, res, req.params.id);
    if (ADMIN_ACTIONS.includes(name)) {
      adminAction(service, res, volume, name, args);
    } else if (ATTACH_ACTIONS.includes(name)) {
      requireMember(res, `volume:${name.replace('os-', '')}`);
      attachAction(service, volume, name, args, notifierFor(service, res));
    } else {
      requireMember(res, `volume:${name.replace('os-', '')}`);
      if (name === 'os-extend') extend(service, res, volume, args);
      else if (name === 'revert') revert(service, res, volume, args);
      else if (name === 'os-retype') retype(service, res, volume, args);
      else if (name === 'os-set_bootable') {
        const bootable = checkBoolean('bootable', args.bootable);
        if (volume.status === 'maintenance')
          throw badRequest('Invalid volume: The volume cannot be updated during maintenance.');
        volume.bootable = bootable;
        volume.updatedAt = new Date();
        service.ctx.persist();
        res.status(200).end();
        return;
      } else if (name === 'os-update_readonly_flag') {
        const readonly = checkBoolean('readonly', args.readonly);
        if (!allows(VOLUME_LIFECYCLE.updateReadonly, volume.status)) {
          throw badRequest(
            `Invalid volume: Volume ${volume.id} status must be available to update readonly flag, but current status is: ${volume.status}.`,
          );
        }
        volume.readonly = readonly;
        volume.updatedAt = new Date();
      } else if (name === 'os-volume_upload_image') {
        const body = uploadToImage(service, res, volume, args);
        service.ctx.persist();
        res.status(202).json({ 'os-volume_upload_image': body });
        return;
      }
    }
    service.ctx.persist();
    res.status(202).end();
  });
  return router;
}
