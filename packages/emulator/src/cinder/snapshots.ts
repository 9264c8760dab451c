import express, { type Request, type Response } from 'express';
import { SNAPSHOT_LIFECYCLE } from '@cinder-console/cinder';
import { allows } from './gates.js';
import { jsonBody } from '../http/json-body.js';
import { actionOf } from './actions.js';
import { badRequest, notFound } from './errors.js';
import { markCinderResponse } from './faults.js';
import { listQuery, matchesMetadata, wantsAllTenants } from './list-query.js';
import { findSnapshot } from './lookups.js';
import { unmanageSnapshot } from './manageable.js';
import { addMetadataRoutes } from './metadata-routes.js';
import { sendPage } from './pagination.js';
import type { SnapshotRecord } from './records.js';
import { callerOf, requireAdmin, requireMember, versionAtLeast, visibleTo } from './request.js';
import { matchesName, resourceFilters } from './resource-filters.js';
import { listingPrefix, type CinderService } from './service.js';
import { createSnapshot } from './snapshot-create.js';
import { deleteSnapshot } from './snapshot-delete.js';
import { snapshotDetail, snapshotSummary } from './snapshot-views.js';
import { notifierFor } from '../notify/notifier.js';
import { checkNoExtraKeys, checkText, invalidField } from './validation.js';

const SNAPSHOT_STATUSES = [
  'error',
  'available',
  'creating',
  'deleting',
  'deleted',
  'updating',
  'error_deleting',
  'unmanaging',
  'backing-up',
  'restoring',
];

/** Snapshot routes: list, show, create, update, delete, metadata and the admin actions. */
export function snapshotsRouter(service: CinderService): express.Router {
  const { state, ctx } = service;
  const router = express.Router();

  const list = (detailed: boolean) => (req: Request, res: Response) => {
    const caller = callerOf(res);
    const all = wantsAllTenants(req, res);
    const candidates = [...state.snapshots.values()].filter((s) => all || s.projectId === caller.projectId);
    const page = listQuery(req, res, candidates, {
      allowedFilters: resourceFilters(ctx, 'snapshot'),
      matches: (s, key, value) => {
        const byName = matchesName(s.name, key, value);
        if (byName !== undefined) return byName;
        if (key === 'status') return s.status === value;
        if (key === 'volume_id') return s.volumeId === value;
        if (key === 'metadata') return matchesMetadata(s.metadata, value);
        if (key === 'project_id') return s.projectId === value;
        if (key === 'availability_zone') return state.volumes.get(s.volumeId)?.availabilityZone === value;
        if (key === 'consumes_quota') return ['true', 'True', '1'].includes(value);
        return undefined;
      },
      sortKeys: (r) => [...SORT_KEYS, ...(versionAtLeast(r, 30) ? ['name'] : [])],
      sortValue: (s, key) => snapshotSortValue(s, key),
      markerNotFound: (marker) => `Snapshot ${marker} could not be found.`,
    });
    sendPage(
      req,
      res,
      'snapshots',
      page,
      (s) => (detailed ? snapshotDetail(res, s, { extended: true }) : snapshotSummary(s)),
      listingPrefix(service, caller.urlProjectId),
    );
  };
  router.get('/snapshots', list(false));
  router.get('/snapshots/detail', list(true));

  router.get('/snapshots/:id', (req, res) => {
    const snapshot = findSnapshot(service, res, req.params.id);
    markCinderResponse(res);
    res.json({ snapshot: snapshotDetail(res, snapshot, { extended: true }) });
  });

  router.post('/snapshots', jsonBody, (req, res) => {
    const snapshot = createSnapshot(service, req, res);
    ctx.persist();
    markCinderResponse(res);
    res.status(202).json({ snapshot: snapshotDetail(res, snapshot, { extended: false }) });
  });

  router.put('/snapshots/:id', jsonBody, (req, res) => {
    requireMember(res, 'volume:update_snapshot');
    const snapshot = findSnapshot(service, res, req.params.id);
    const body = (req.body as Record<string, unknown>)?.snapshot;
    if (!body || typeof body !== 'object') throw badRequest("'snapshot' is a required property");
    const fields = body as Record<string, unknown>;
    const keys = ['name', 'description', 'display_name', 'display_description'];
    checkNoExtraKeys('snapshot', fields, keys);
    if (!keys.some((k) => k in fields))
      throw invalidField('snapshot', fields, '{} is not valid under any of the given schemas');
    const notify = notifierFor(service, res);
    notify.snapshot(snapshot, 'update.start', 'api');
    if ('name' in fields || 'display_name' in fields)
      snapshot.name = checkText('name', fields.name ?? fields.display_name);
    if ('description' in fields || 'display_description' in fields) {
      snapshot.description = checkText('description', fields.description ?? fields.display_description);
    }
    snapshot.updatedAt = new Date();
    notify.snapshot(snapshot, 'update.end', 'api');
    ctx.persist();
    markCinderResponse(res);
    res.json({ snapshot: snapshotDetail(res, snapshot, { extended: false }) });
  });

  router.delete('/snapshots/:id', (req, res) => {
    requireMember(res, 'volume:delete_snapshot');
    const snapshot = findSnapshot(service, res, req.params.id);
    // `assert_not_frozen` loads the volume in the caller's project: after a `no_snapshots`
    // transfer the snapshot's owner no longer sees it (checked on the real rig).
    const volume = state.volumes.get(snapshot.volumeId);
    if (volume && !visibleTo(res, volume.projectId)) throw notFound(`Volume ${volume.id} could not be found.`);
    if (!allows(SNAPSHOT_LIFECYCLE.delete, snapshot.status)) {
      throw badRequest('Invalid snapshot: Snapshot status must be available or error and must not be part of a group.');
    }
    deleteSnapshot(service, res, snapshot);
    res.status(202).end();
  });

  router.post('/snapshots/:id/action', jsonBody, (req, res) => {
    const { name, args } = actionOf(req, [
      'os-reset_status',
      'os-force_delete',
      'os-update_snapshot_status',
      'os-unmanage',
    ]);
    const snapshot = findSnapshot(service, res, req.params.id);
    if (name === 'os-update_snapshot_status') {
      updateSnapshotStatus(service, snapshot, args, res);
      ctx.persist();
      return void res.status(202).end();
    }
    if (name === 'os-unmanage') {
      requireAdmin(res, 'snapshot_extension:snapshot_unmanage');
      unmanageSnapshot(service, res, snapshot);
      return void res.status(202).end();
    }
    requireAdmin(res, `volume_extension:snapshot_admin_actions:${name.replace('os-', '')}`);
    if (name === 'os-force_delete') {
      deleteSnapshot(service, res, snapshot);
    } else {
      const status = String(args.status ?? '');
      if (!SNAPSHOT_STATUSES.includes(status)) {
        throw badRequest(
          `Snapshot status: ${status} is invalid, valid statuses are: (${SNAPSHOT_STATUSES.map((s) => `'${s}'`).join(', ')}).`,
        );
      }
      state.setStatus(snapshot, status);
      ctx.persist();
    }
    res.status(202).end();
  });

  addMetadataRoutes(router, {
    collection: 'snapshots',
    label: 'Snapshot',
    find: (res, id) => findSnapshot(service, res, id),
    persist: () => ctx.persist(),
  });
  return router;
}

/** The transitions `os-update_snapshot_status` allows (snapshot_actions.py's `status_map`). */
const UPDATE_STATUS_MAP: Record<string, string[]> = {
  creating: ['creating', 'available', 'error'],
  deleting: ['deleting', 'error_deleting'],
};

/**
 * `os-update_snapshot_status`: the project member's action a volume driver outside Cinder
 * (Nova's assisted snapshots) uses to report progress; not an admin action, and only from
 * `creating` or `deleting`, storing `progress` ("73%") when given.
 */
function updateSnapshotStatus(
  service: CinderService,
  snapshot: SnapshotRecord,
  args: Record<string, unknown>,
  res: Response,
): void {
  requireMember(res, 'snapshot_extension:snapshot_actions:update_snapshot_status');
  const status = String(args.status ?? '');
  const allowed = UPDATE_STATUS_MAP[snapshot.status];
  if (!allowed) throw badRequest(`Snapshot status ${snapshot.status} not allowed for update_snapshot_status`);
  if (!allowed.includes(status))
    throw badRequest(`Provided snapshot status ${status} not allowed for snapshot with status ${snapshot.status}.`);
  const progress = args.progress;
  if (progress !== undefined && progress !== null && progress !== '') {
    const text = String(progress);
    const percent = Number.parseInt(text.slice(0, -1), 10);
    if (!/^-?\d+%$/.test(text) || percent < 0 || percent > 100)
      throw badRequest('progress must be an integer percentage');
    snapshot.progress = text;
  }
  service.state.setStatus(snapshot, status);
}

/** Sort keys at every microversion (`name` joins later, see the router). */
const SORT_KEYS = ['id', 'status', 'size', 'created_at', 'updated_at', 'volume_id', 'display_name', 'project_id'];

function snapshotSortValue(s: SnapshotRecord, key: string) {
  const fields: Record<string, () => string | number | null> = {
    id: () => s.id,
    status: () => s.status,
    size: () => s.size,
    created_at: () => s.createdAt.getTime(),
    updated_at: () => s.updatedAt?.getTime() ?? null,
    volume_id: () => s.volumeId,
    display_name: () => s.name,
    name: () => s.name,
    project_id: () => s.projectId,
  };
  return fields[key]?.();
}
