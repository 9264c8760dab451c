import express, { type Request, type Response } from 'express';
import { SNAPSHOT_LIFECYCLE, VOLUME_LIFECYCLE } from '@cinder-console/cinder';
import { transitionOf } from './gates.js';
import { jsonBody } from '../http/json-body.js';
import { badRequest, CinderFault, forbidden, notFound } from './errors.js';
import { markCinderResponse } from './faults.js';
import { listQuery, matchesMetadata, matchesTime, wantsAllTenants } from './list-query.js';
import { findVolume } from './lookups.js';
import { sendPage } from './pagination.js';
import type { VolumeRecord } from './records.js';
import { matchesLike, matchesName, resourceFilters } from './resource-filters.js';
import { boolQuery, callerOf, requireMember, versionAtLeast } from './request.js';
import { listingPrefix, type CinderService } from './service.js';
import { completeLater } from './transitions.js';
import { checkMetadata, checkNoExtraKeys, checkVolumeText, invalidField } from './validation.js';
import { createVolume } from './volume-create.js';
import { volumeDetail, volumeSummary } from './volume-views.js';
import { notifierFor } from '../notify/notifier.js';

const SERVER_ERROR = 'The server has either erred or is incapable of performing the requested operation.';

const DELETE_REFUSED =
  'must not be migrating, attached, belong to a group, have snapshots, awaiting a transfer, or be disassociated from snapshots after volume transfer.';

function matchesVolume(volume: VolumeRecord, key: string, value: string, res: Response) {
  // Only admins get here with "like" filters before 3.31. Unconverted, `name~` names the model's
  // `name` property, which the like-filter code skips, and `description~` names nothing at all, which
  // the database layer does not survive (both seen on the real rig).
  if (key === 'name~' && !versionAtLeast(res, 31)) return true;
  if (key === 'description~') {
    if (!versionAtLeast(res, 31)) throw new CinderFault(500, SERVER_ERROR);
    return matchesLike(volume.description, value);
  }
  const byName = matchesName(volume.name, key, value);
  if (byName !== undefined) return byName;
  switch (key) {
    case 'status':
      return volume.status === value;
    case 'bootable': {
      if (versionAtLeast(res, 2) && !['true', 'false', 'True', 'False', '1', '0'].includes(value)) {
        throw badRequest(`Invalid input received: 'bootable = ${value}'`);
      }
      return volume.bootable === ['true', 'True', '1'].includes(value);
    }
    case 'availability_zone':
      return volume.availabilityZone === value;
    case 'size':
      return volume.size === Number(value);
    case 'metadata':
      return matchesMetadata(volume.metadata, value);
    case 'migration_status':
      return volume.migrationStatus === value;
    case 'created_at':
      return matchesTime(volume.createdAt, value, res);
    case 'updated_at':
      return matchesTime(volume.updatedAt, value, res);
    case 'project_id':
      return volume.projectId === value;
    // The column is `volume_type_id`: an admin's `volume_type=…` names no column, so the list is
    // empty whatever the value (checked on the real rig, by name and by id).
    case 'volume_type_id':
      return volume.volumeTypeId === value;
    case 'group_id':
      return value === 'None' || value === '';
    case 'consumes_quota':
      return ['true', 'True', '1'].includes(value);
    case 'host':
      return volume.host === value;
    default:
      return undefined;
  }
}

const SORT_FIELDS: Record<string, (v: VolumeRecord) => string | number | null> = {
  id: (v) => v.id,
  name: (v) => v.name,
  display_name: (v) => v.name,
  status: (v) => v.status,
  size: (v) => v.size,
  created_at: (v) => v.createdAt.getTime(),
  updated_at: (v) => v.updatedAt?.getTime() ?? null,
  availability_zone: (v) => v.availabilityZone,
  bootable: (v) => Number(v.bootable),
  volume_type_id: (v) => v.volumeTypeId,
  project_id: (v) => v.projectId,
  user_id: (v) => v.userId,
};

/** Volume collection and item routes: list, summary, show, create, update, delete. */
export function volumesRouter(service: CinderService): express.Router {
  const { state } = service;
  const router = express.Router();

  const list = (detailed: boolean) => (req: Request, res: Response) => {
    const caller = callerOf(res);
    const all = wantsAllTenants(req, res);
    const candidates = [...state.volumes.values()].filter((v) => all || v.projectId === caller.projectId);
    const page = listQuery(req, res, candidates, {
      allowedFilters: resourceFilters(service.ctx, 'volume'),
      matches: (v, key, value, r) => matchesVolume(v, key, value, r),
      sortKeys: () => Object.keys(SORT_FIELDS),
      sortValue: (v, key) => SORT_FIELDS[key]?.(v),
      markerNotFound: (marker) => `Volume ${marker} could not be found.`,
    });
    sendPage(
      req,
      res,
      'volumes',
      page,
      (v) => (detailed ? volumeDetail(service, res, v, { extended: true }) : volumeSummary(service, v)),
      listingPrefix(service, caller.urlProjectId),
    );
  };

  router.get('/volumes', list(false));
  router.get('/volumes/detail', list(true));

  router.get('/volumes/summary', (req, res) => {
    if (!versionAtLeast(res, 12)) throw notFound('The resource could not be found.');
    const caller = callerOf(res);
    const all = wantsAllTenants(req, res);
    const volumes = [...state.volumes.values()].filter((v) => all || v.projectId === caller.projectId);
    const summary: Record<string, unknown> = {
      total_count: volumes.length,
      total_size: volumes.reduce((sum, v) => sum + v.size, 0),
    };
    if (versionAtLeast(res, 36)) {
      const metadata: Record<string, string[]> = {};
      for (const v of volumes) {
        for (const [k, value] of Object.entries(v.metadata)) {
          const values = (metadata[k] ??= []);
          if (!values.includes(value)) values.push(value);
        }
      }
      summary.metadata = metadata;
    }
    markCinderResponse(res);
    res.json({ 'volume-summary': summary });
  });

  router.get('/volumes/:id', (req, res) => {
    const volume = findVolume(service, res, req.params.id);
    markCinderResponse(res);
    res.json({ volume: volumeDetail(service, res, volume, { extended: true }) });
  });

  router.post('/volumes', jsonBody, (req, res) => {
    const volume = createVolume(service, req, res);
    service.ctx.persist();
    markCinderResponse(res);
    res.status(202).json({ volume: volumeDetail(service, res, volume, { extended: false }) });
  });

  router.put('/volumes/:id', jsonBody, (req, res) => {
    requireMember(res, 'volume:update');
    const volume = findVolume(service, res, req.params.id);
    const body = (req.body as Record<string, unknown>)?.volume;
    if (body === undefined) throw badRequest("'volume' is a required property");
    if (body === null || typeof body !== 'object')
      throw invalidField('volume', body, `${String(body)} is not of type 'object'`);
    const fields = body as Record<string, unknown>;
    checkNoExtraKeys('volume', fields, ['name', 'description', 'display_name', 'display_description', 'metadata']);
    if (versionAtLeast(res, 53) && Object.keys(fields).length === 0) {
      throw invalidField('volume', fields, '{} is not valid under any of the given schemas');
    }
    if (volume.status === 'maintenance')
      throw badRequest('Invalid volume: The volume cannot be updated during maintenance.');
    const notify = notifierFor(service, res);
    notify.volume(volume, 'update.start', 'api');
    if ('name' in fields || 'display_name' in fields)
      volume.name = checkVolumeText('name', fields.name ?? fields.display_name);
    if ('description' in fields || 'display_description' in fields) {
      volume.description = checkVolumeText('description', fields.description ?? fields.display_description);
    }
    if ('metadata' in fields) {
      if (fields.metadata === null) throw invalidField('metadata', null, "None is not of type 'object'");
      volume.metadata = checkMetadata('metadata', fields.metadata);
    }
    volume.updatedAt = new Date();
    notify.volume(volume, 'update.end', 'api');
    service.ctx.persist();
    markCinderResponse(res);
    res.json({ volume: volumeDetail(service, res, volume, { extended: false }) });
  });

  router.delete('/volumes/:id', (req, res) => {
    requireMember(res, 'volume:delete');
    // Cinder parses the flags before it looks the volume up.
    const cascade = boolQuery(req, 'cascade');
    const force = versionAtLeast(res, 23) && boolQuery(req, 'force');
    const volume = findVolume(service, res, req.params.id);
    if (force && !callerOf(res).isAdmin) throw forbidden('volume:force_delete');
    deleteVolume(service, res, volume, { cascade, force });
    res.status(202).end();
  });

  return router;
}

/** `API.delete`: synchronous checks with Cinder's one catch-all message, then `deleting` → gone. */
export function deleteVolume(
  service: CinderService,
  res: Response,
  volume: VolumeRecord,
  /** `unmanaged`: Cinder only forgets the volume (`os-unmanage`), then this runs. */
  options: { cascade: boolean; force: boolean; unmanaged?: () => void },
): void {
  const { state, ctx } = service;
  const statusOk = options.force || (VOLUME_LIFECYCLE.delete.from as readonly string[]).includes(volume.status);
  const snapshots = state.snapshotsOf(volume.id);
  // With cascade, a non-admin is refused while any snapshot row (deleted ones too, see
  // `volume_has_other_project_snp_filter`) belongs to another project than the volume.
  const foreignSnapshots =
    snapshots.some((s) => s.projectId !== volume.projectId) ||
    (volume.strandedSnapshotProjects ?? []).some((p) => p !== volume.projectId);
  const snapshotsOk = options.cascade
    ? snapshots.every((s) => ['available', 'error'].includes(s.status)) && (callerOf(res).isAdmin || !foreignSnapshots)
    : snapshots.length === 0;
  const blocked = volume.attachStatus === 'attached' || volume.migrationStatus === 'migrating' || !snapshotsOk;
  if (!statusOk || blocked || volume.status === 'awaiting-transfer') {
    // Cinder formats "Volume %(status)s must not be…"; a forced delete leaves the clause empty (two spaces).
    const statusClause = options.force
      ? ''
      : 'status must be available or error or error_restoring or error_extending or error_managing and';
    throw badRequest(`Invalid volume: Volume ${statusClause} ${DELETE_REFUSED}`);
  }
  const notify = notifierFor(service, res);
  // A volume that never reached a backend has nothing to clean up: it goes at once (cinder-api
  // sends both notifications; the row's status is `deleted` once destroyed).
  if (!volume.host) {
    notify.volume(volume, 'delete.start', 'api');
    state.volumes.delete(volume.id);
    notify.volume({ ...volume, status: 'deleted' }, 'delete.end', 'api');
    ctx.persist();
    return;
  }
  const steps = transitionOf(options.unmanaged ? VOLUME_LIFECYCLE.unmanage : VOLUME_LIFECYCLE.delete, volume.status);
  state.setStatus(volume, steps.during);
  for (const snapshot of snapshots) state.setStatus(snapshot, SNAPSHOT_LIFECYCLE.delete.transitional);
  notify.volume(volume, 'delete.start', 'volume');
  ctx.persist();
  completeLater(service, {
    operation: 'volume.delete',
    durationMs: ctx.durations.delete,
    projectId: volume.projectId,
    requestId: String(res.locals.requestId),
    succeed: () => {
      for (const snapshot of snapshots) state.snapshots.delete(snapshot.id);
      state.volumes.delete(volume.id);
      notify.volume({ ...volume, status: 'deleted' }, 'delete.end', 'volume');
      options.unmanaged?.();
    },
    fail: () => state.setStatus(volume, steps.failure),
    failure: {
      resourceType: 'VOLUME',
      resourceUuid: volume.id,
      eventId: 'VOLUME_VOLUME_001_001',
      userMessage: 'delete volume:An unknown error occurred.',
    },
  });
}
