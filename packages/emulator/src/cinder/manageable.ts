import { SNAPSHOT_LIFECYCLE, VOLUME_LIFECYCLE } from '@cinder-console/cinder';
import express, { type Request, type Response } from 'express';
import { jsonBody } from '../http/json-body.js';
import { backendOf, poolHost, type Backend, type UnmanagedItem } from './backend.js';
import { badRequest, CinderFault, notFound, WebobNotFound } from './errors.js';
import { markCinderResponse } from './faults.js';
import { findUsableType, findVolume } from './lookups.js';
import type { SnapshotRecord, VolumeRecord } from './records.js';
import { bodyObject, callerOf, requireAdmin, versionAtLeast } from './request.js';
import type { CinderService } from './service.js';
import { snapshotDetail } from './snapshot-views.js';
import { deleteSnapshot } from './snapshot-delete.js';
import { completeLater } from './transitions.js';
import { volumeDetail } from './volume-views.js';
import { deleteVolume } from './volumes.js';
import { checkMetadata, checkText, checkVolumeText, optionalBoolean } from './validation.js';

/** `common.get_cluster_host`: exactly one of host and cluster (3.16 for manage, 3.17 for the lists). */
function hostOf(res: Response, params: Record<string, unknown>, clusterMinor: number): Backend {
  const withCluster = versionAtLeast(res, clusterMinor);
  const host = typeof params.host === 'string' && params.host ? params.host : undefined;
  const cluster = withCluster && typeof params.cluster === 'string' && params.cluster ? params.cluster : undefined;
  if (Boolean(host) === Boolean(cluster)) {
    throw badRequest(
      `Invalid input received: ${withCluster ? 'One and only one of cluster and host must be set.' : 'Host field is missing.'}`,
    );
  }
  const backend = backendOf(host);
  if (!backend) throw notFound(`Service ${host ?? cluster} could not be found.`);
  return backend;
}

/**
 * The backend a manage names (volume_manage.py): an unknown host is "Host 'x' not found", a
 * disabled service "Service is unavailable at this time.", both 400.
 */
function manageTarget(service: CinderService, res: Response, body: Record<string, unknown>): Backend {
  let backend: Backend;
  try {
    backend = hostOf(res, body, 16);
  } catch (error) {
    if (error instanceof CinderFault && error.status === 404) throw badRequest(`Host '${String(body.host)}' not found`);
    throw error;
  }
  const row = [...service.state.services.values()].find((s) => s.host === backend.serviceHost);
  if (row?.disabled) throw badRequest('Service is unavailable at this time.');
  return backend;
}

/** What the LVM driver lists: unmanaged volumes are safe to manage, Cinder's own are not. */
function volumeRows(service: CinderService, backend: Backend, detail: boolean) {
  const managed = [...service.state.volumes.values()]
    .filter((v) => backendOf(v.host) === backend)
    .map((v) => ({ name: `volume-${v.id}`, size: v.size, cinderId: v.id }));
  const free = [...service.state.unmanagedVolumes.values()]
    .filter((u) => u.host === backend.serviceHost)
    .map((u) => ({ name: u.name, size: u.size, cinderId: null }));
  return [...free, ...managed]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((row) => ({
      reference: { 'source-name': row.name },
      size: row.size,
      safe_to_manage: row.cinderId === null,
      ...(detail
        ? { reason_not_safe: row.cinderId ? 'already managed' : null, cinder_id: row.cinderId, extra_info: null }
        : {}),
    }));
}

function snapshotRows(service: CinderService, backend: Backend, detail: boolean) {
  const { state } = service;
  const managed = [...state.snapshots.values()]
    .filter((s) => backendOf(state.volumes.get(s.volumeId)?.host) === backend)
    .map((s) => ({ name: `snapshot-${s.id}`, size: s.size, source: `volume-${s.volumeId}`, cinderId: s.id }));
  const free = [...state.unmanagedSnapshots.values()]
    .filter((u) => u.host === backend.serviceHost)
    .map((u) => ({ name: u.name, size: u.size, source: u.source ?? '', cinderId: null }));
  return [...free, ...managed]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((row) => ({
      reference: { 'source-name': row.name },
      size: row.size,
      safe_to_manage: row.cinderId === null,
      source_reference: { 'source-name': row.source },
      ...(detail
        ? { reason_not_safe: row.cinderId ? 'already managed' : null, cinder_id: row.cinderId, extra_info: null }
        : {}),
    }));
}

/** The reference's name: `{"source-name": …}` (the only kind the emulated driver understands). */
function referenceName(ref: unknown): string {
  if (!ref || typeof ref !== 'object' || Array.isArray(ref))
    throw badRequest("Invalid input for field/attribute ref. Value: None. None is not of type 'object', 'string'");
  const name = (ref as Record<string, unknown>)['source-name'];
  return typeof name === 'string' ? name : '';
}

function listRoute(
  router: express.Router,
  path: string,
  key: string,
  rows: (service: CinderService, backend: Backend, detail: boolean) => unknown[],
  service: CinderService,
  minVersion: number,
) {
  for (const detail of [false, true]) {
    router.get(`${path}${detail ? '/detail' : ''}`, (req, res) => {
      if (minVersion > 0 && !versionAtLeast(res, minVersion)) throw new WebobNotFound();
      requireAdmin(res, 'volume_extension:list_manageable');
      const backend = hostOf(res, req.query as Record<string, unknown>, 17);
      const all = rows(service, backend, detail);
      const offset = Number.parseInt(String(req.query.offset ?? '0'), 10) || 0;
      const limit = req.query.limit === undefined ? all.length : Number.parseInt(String(req.query.limit), 10);
      markCinderResponse(res);
      res.json({ [key]: all.slice(offset, offset + limit) });
    });
  }
}

function manageVolume(service: CinderService, req: Request, res: Response): VolumeRecord {
  requireAdmin(res, 'volume_extension:volume_manage');
  const { state, ctx } = service;
  const body = bodyObject(req, 'volume');
  const name = referenceName(body.ref);
  const backend = manageTarget(service, res, body);
  const managedId = /^volume-([0-9a-f-]{36})$/.exec(name)?.[1];
  if (managedId && state.volumes.has(managedId))
    throw badRequest('Invalid volume: Unable to manage existing volume. The volume is already managed');
  const displayName = checkVolumeText('name', body.name);
  const description = checkVolumeText('description', body.description);
  const type = typeof body.volume_type === 'string' ? findUsableType(service, res, body.volume_type) : undefined;
  const metadata = body.metadata === undefined ? {} : checkMetadata('metadata', body.metadata);
  const bootable = optionalBoolean('bootable', body.bootable, false);
  const zone = typeof body.availability_zone === 'string' ? body.availability_zone : state.defaultZone;
  if (!state.availabilityZones.includes(zone)) throw badRequest(`Availability zone '${zone}' is invalid.`);
  const key = `${backend.serviceHost}/${name}`;
  const found = state.unmanagedVolumes.get(key);
  const caller = callerOf(res);
  const volume = state.addVolume({
    projectId: caller.projectId,
    userId: caller.userId,
    name: displayName,
    description,
    size: found?.size ?? 0,
    metadata,
    bootable,
    availabilityZone: zone,
    status: VOLUME_LIFECYCLE.manage.transitional,
    host: poolHost(backend),
    ...(type ? { volumeTypeId: type.id } : {}),
  });
  if (found) state.unmanagedVolumes.delete(key);
  ctx.persist();
  completeLater(service, {
    operation: 'volume.manage',
    durationMs: ctx.durations.create,
    projectId: volume.projectId,
    requestId: String(res.locals.requestId),
    mustFail: !found,
    succeed: () => state.setStatus(volume, VOLUME_LIFECYCLE.manage.end),
    fail: () => {
      if (found) state.unmanagedVolumes.set(key, found);
      state.setStatus(volume, VOLUME_LIFECYCLE.manage.failure);
    },
    failure: {
      resourceType: 'VOLUME',
      resourceUuid: volume.id,
      eventId: 'VOLUME_VOLUME_001_006',
      userMessage: 'manage existing volume:An unknown error occurred.',
    },
  });
  return volume;
}

function manageSnapshot(service: CinderService, req: Request, res: Response): SnapshotRecord {
  requireAdmin(res, 'snapshot_extension:snapshot_manage');
  const { state, ctx } = service;
  const body = bodyObject(req, 'snapshot');
  const name = referenceName(body.ref);
  if (typeof body.volume_id !== 'string')
    throw badRequest("Invalid input received: 'volume_id' is a required property");
  const volume = findVolume(service, res, body.volume_id);
  const backend = backendOf(volume.host);
  const key = `${backend?.serviceHost ?? ''}/${name}`;
  const found = state.unmanagedSnapshots.get(key);
  const caller = callerOf(res);
  const snapshot = state.addSnapshot({
    projectId: volume.projectId,
    userId: caller.userId,
    volumeId: volume.id,
    size: found?.size ?? volume.size,
    name: checkText('name', body.name),
    description: checkText('description', body.description),
    metadata: body.metadata === undefined ? {} : checkMetadata('metadata', body.metadata),
    status: SNAPSHOT_LIFECYCLE.manage.transitional,
    progress: '0%',
  });
  if (found) state.unmanagedSnapshots.delete(key);
  ctx.persist();
  completeLater(service, {
    operation: 'volume.manage',
    durationMs: ctx.durations.snapshotCreate,
    projectId: snapshot.projectId,
    requestId: String(res.locals.requestId),
    mustFail: !found,
    succeed: () => {
      snapshot.progress = '100%';
      state.setStatus(snapshot, SNAPSHOT_LIFECYCLE.manage.end);
    },
    fail: () => {
      if (found) state.unmanagedSnapshots.set(key, found);
      state.setStatus(snapshot, SNAPSHOT_LIFECYCLE.manage.failure);
    },
    failure: {
      resourceType: 'SNAPSHOT',
      resourceUuid: snapshot.id,
      eventId: 'VOLUME_SNAPSHOT_001_006',
      userMessage: 'manage existing snapshot:An unknown error occurred.',
    },
  });
  return snapshot;
}

/**
 * `os-unmanage` on a volume (admin): Cinder forgets it as a delete would, the data stays on the
 * backend as `volume-<id>`, which the manageable list then offers again.
 */
export function unmanageVolume(service: CinderService, res: Response, volume: VolumeRecord): void {
  const backend = backendOf(volume.host);
  const item: UnmanagedItem = { host: backend?.serviceHost ?? '', name: `volume-${volume.id}`, size: volume.size };
  deleteVolume(service, res, volume, {
    cascade: false,
    force: false,
    unmanaged: () => void service.state.unmanagedVolumes.set(`${item.host}/${item.name}`, item),
  });
}

/** `os-unmanage` on a snapshot (admin): Cinder forgets it; its data stays, listed as `snapshot-<id>`. */
export function unmanageSnapshot(service: CinderService, res: Response, snapshot: SnapshotRecord): void {
  const { state } = service;
  if (!['available', 'error'].includes(snapshot.status))
    throw badRequest('Invalid snapshot: Volume Snapshot status must be available or error.');
  const backend = backendOf(state.volumes.get(snapshot.volumeId)?.host);
  const item: UnmanagedItem = {
    host: backend?.serviceHost ?? '',
    name: `snapshot-${snapshot.id}`,
    size: snapshot.size,
    source: `volume-${snapshot.volumeId}`,
  };
  deleteSnapshot(service, res, snapshot, () => void state.unmanagedSnapshots.set(`${item.host}/${item.name}`, item));
}

/**
 * Existing storage Cinder does not know yet (admin): `/manageable_volumes` and
 * `/manageable_snapshots` (3.8) list what a backend holds, and a POST there (or to the older
 * `/os-volume-manage` and `/os-snapshot-manage`) brings one under Cinder's management.
 */
export function manageableRouter(service: CinderService): express.Router {
  const router = express.Router();
  listRoute(router, '/manageable_volumes', 'manageable-volumes', volumeRows, service, 8);
  listRoute(router, '/os-volume-manage', 'manageable-volumes', volumeRows, service, 0);
  listRoute(router, '/manageable_snapshots', 'manageable-snapshots', snapshotRows, service, 8);
  listRoute(router, '/os-snapshot-manage', 'manageable-snapshots', snapshotRows, service, 0);
  for (const path of ['/manageable_volumes', '/os-volume-manage']) {
    router.post(path, jsonBody, (req, res) => {
      if (path === '/manageable_volumes' && !versionAtLeast(res, 8)) throw new WebobNotFound();
      const volume = manageVolume(service, req, res);
      markCinderResponse(res);
      res.status(202).json({ volume: volumeDetail(service, res, volume, { extended: false }) });
    });
  }
  for (const path of ['/manageable_snapshots', '/os-snapshot-manage']) {
    router.post(path, jsonBody, (req, res) => {
      if (path === '/manageable_snapshots' && !versionAtLeast(res, 8)) throw new WebobNotFound();
      const snapshot = manageSnapshot(service, req, res);
      markCinderResponse(res);
      res.status(202).json({ snapshot: snapshotDetail(res, snapshot, { extended: false }) });
    });
  }
  return router;
}
