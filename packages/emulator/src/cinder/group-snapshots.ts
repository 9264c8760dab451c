import { randomUUID } from 'node:crypto';
import { GROUP_LIFECYCLE } from '@cinder-console/cinder';
import express, { type Response } from 'express';
import { cinderTime } from '../http/time.js';
import { jsonBody } from '../http/json-body.js';
import { badRequest, notFound } from './errors.js';
import { markCinderResponse } from './faults.js';
import type { GroupSnapshotRecord } from './group-records.js';
import { requireGroupVersion } from './group-types.js';
import { addGroup, findGroup, groupSummary, groupVolumes, settleGroup } from './groups.js';
import {
  bodyObject,
  boolQuery,
  callerOf,
  param,
  requireAdmin,
  requireMember,
  versionAtLeast,
  visibleTo,
} from './request.js';
import type { CinderService } from './service.js';
import { checkText } from './validation.js';

const SNAPSHOT_STATUSES = ['creating', 'available', 'deleting', 'error', 'error_deleting', 'deleted'];

function findGroupSnapshot(service: CinderService, res: Response, id: string): GroupSnapshotRecord {
  const snapshot = service.state.groupSnapshots.get(id);
  if (!snapshot || !visibleTo(res, snapshot.projectId)) throw notFound(`GroupSnapshot ${id} could not be found.`);
  return snapshot;
}

function detail(res: Response, snapshot: GroupSnapshotRecord) {
  return {
    id: snapshot.id,
    group_id: snapshot.groupId,
    group_type_id: snapshot.groupTypeId,
    status: snapshot.status,
    created_at: cinderTime(snapshot.createdAt),
    name: snapshot.name,
    description: snapshot.description,
    ...(versionAtLeast(res, 58) ? { project_id: snapshot.projectId } : {}),
  };
}

/**
 * `/group_snapshots` (3.14): a snapshot of every volume of a group at once, list/show/delete,
 * reset status (3.19); and `POST /groups/action` `create-from-src`, a new group cloned from a
 * group snapshot or from another group.
 */
export function groupSnapshotsRouter(service: CinderService): express.Router {
  const { state, ctx } = service;
  const router = express.Router();
  const send = (res: Response, status: number, body: unknown) => {
    markCinderResponse(res);
    res.status(status).json(body);
  };
  const later = (task: () => void) =>
    ctx.scheduler.after(ctx.durations.snapshotCreate, () => {
      task();
      ctx.persist();
    });

  const list = (full: boolean) => (req: express.Request, res: Response) => {
    requireGroupVersion(res, 14);
    const caller = callerOf(res);
    const all = caller.isAdmin && boolQuery(req, 'all_tenants');
    const snapshots = [...state.groupSnapshots.values()]
      .filter((s) => all || s.projectId === caller.projectId)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    send(res, 200, { group_snapshots: snapshots.map((s) => (full ? detail(res, s) : { id: s.id, name: s.name })) });
  };
  router.get('/group_snapshots', list(false));
  router.get('/group_snapshots/detail', list(true));

  router.get('/group_snapshots/:id', (req, res) => {
    requireGroupVersion(res, 14);
    send(res, 200, { group_snapshot: detail(res, findGroupSnapshot(service, res, param(req, 'id'))) });
  });

  router.post('/group_snapshots', jsonBody, (req, res) => {
    requireGroupVersion(res, 14);
    requireMember(res, 'group:create_group_snapshot');
    const body = bodyObject(req, 'group_snapshot');
    if (typeof body.group_id !== 'string') throw badRequest("'group_id' is a required property");
    const group = findGroup(service, res, body.group_id);
    const volumes = groupVolumes(service, group.id);
    // Zed's conditional update: one refusal for an empty group and one still being created or changed.
    if (volumes.length === 0 || group.status === 'creating' || group.status === 'updating')
      throw badRequest(
        "Invalid Group: Source group cannot be empty or in 'creating' or 'updating' state. No group snapshot will be created.",
      );
    if (group.status !== 'available')
      throw badRequest(`Invalid group: Group status must be available, but current status is: ${group.status}.`);
    const caller = callerOf(res);
    const snapshot: GroupSnapshotRecord = {
      id: randomUUID(),
      projectId: caller.projectId,
      userId: caller.userId,
      groupId: group.id,
      groupTypeId: group.groupTypeId,
      name: checkText('name', body.name ?? null),
      description: checkText('description', body.description ?? null),
      status: 'creating',
      createdAt: new Date(),
      updatedAt: null,
    };
    state.groupSnapshots.set(snapshot.id, snapshot);
    const members = volumes.map((volume) =>
      state.addSnapshot({
        projectId: caller.projectId,
        userId: caller.userId,
        volumeId: volume.id,
        size: volume.size,
        status: 'creating',
        name: `snapshot-${snapshot.id}`,
        groupSnapshotId: snapshot.id,
      }),
    );
    ctx.persist();
    later(() => {
      for (const member of members) if (member.status === 'creating') state.setStatus(member, 'available');
      if (snapshot.status === 'creating') state.setStatus(snapshot, 'available');
    });
    send(res, 202, { group_snapshot: { id: snapshot.id, name: snapshot.name, group_type_id: snapshot.groupTypeId } });
  });

  router.delete('/group_snapshots/:id', (req, res) => {
    requireGroupVersion(res, 14);
    requireMember(res, 'group:delete_group_snapshot');
    const snapshot = findGroupSnapshot(service, res, param(req, 'id'));
    if (!['available', 'error'].includes(snapshot.status))
      throw badRequest(
        `Invalid GroupSnapshot: Group snapshot status must be available or error, but current status is: ${snapshot.status}.`,
      );
    const members = [...state.snapshots.values()].filter((s) => s.groupSnapshotId === snapshot.id);
    state.setStatus(snapshot, 'deleting');
    for (const member of members) state.setStatus(member, 'deleting');
    ctx.persist();
    later(() => {
      for (const member of members) state.snapshots.delete(member.id);
      state.groupSnapshots.delete(snapshot.id);
    });
    res.status(202).end();
  });

  router.post('/group_snapshots/:id/action', jsonBody, (req, res) => {
    requireGroupVersion(res, 19);
    requireAdmin(res, 'group:reset_group_snapshot_status');
    const snapshot = findGroupSnapshot(service, res, param(req, 'id'));
    const reset = (req.body as Record<string, unknown> | undefined)?.reset_status as
      Record<string, unknown> | undefined;
    if (!reset) throw badRequest('Invalid input received: Unknown action.');
    const status = String(reset.status ?? '');
    if (!SNAPSHOT_STATUSES.includes(status))
      throw badRequest(`Invalid input received: Group snapshot status: ${status} is invalid.`);
    state.setStatus(snapshot, status);
    ctx.persist();
    res.status(202).end();
  });

  router.post('/groups/action', jsonBody, (req, res) => {
    requireGroupVersion(res, 14);
    requireMember(res, 'group:create');
    const body = bodyObject(req, 'create-from-src');
    const snapshotId = typeof body.group_snapshot_id === 'string' ? body.group_snapshot_id : undefined;
    const sourceId = typeof body.source_group_id === 'string' ? body.source_group_id : undefined;
    if (!snapshotId === !sourceId)
      throw badRequest(
        "Invalid input received: Either 'group_snapshot_id' or 'source_group_id' must be provided to create group, but not both.",
      );
    const source = sourceId ? findGroup(service, res, sourceId) : undefined;
    const groupSnapshot = snapshotId ? findGroupSnapshot(service, res, snapshotId) : undefined;
    const template = source ?? findGroup(service, res, groupSnapshot!.groupId);
    if (source && source.status !== 'available')
      throw badRequest(
        `Invalid group: Source group status must be available, but current status is: ${source.status}.`,
      );
    if (groupSnapshot && groupSnapshot.status !== 'available')
      throw badRequest(
        `Invalid GroupSnapshot: Group snapshot status must be available, but current status is: ${groupSnapshot.status}.`,
      );
    const group = addGroup(service, res, {
      name: checkText('name', body.name ?? null),
      description: checkText('description', body.description ?? null),
      availabilityZone: template.availabilityZone,
      groupTypeId: template.groupTypeId,
      volumeTypeIds: [...template.volumeTypeIds],
      groupSnapshotId: snapshotId ?? null,
      sourceGroupId: sourceId ?? null,
    });
    // One new volume per source volume, or per snapshot of the group snapshot.
    const origins = source
      ? groupVolumes(service, source.id).map((v) => ({
          size: v.size,
          type: v.volumeTypeId,
          snapshotId: null,
          sourceVolid: v.id,
        }))
      : [...state.snapshots.values()]
          .filter((s) => s.groupSnapshotId === groupSnapshot!.id)
          .map((s) => ({
            size: s.size,
            type: state.volumes.get(s.volumeId)?.volumeTypeId ?? template.volumeTypeIds[0]!,
            snapshotId: s.id,
            sourceVolid: null,
          }));
    const caller = callerOf(res);
    const volumes = origins.map((origin) =>
      state.addVolume({
        projectId: caller.projectId,
        userId: caller.userId,
        size: origin.size,
        volumeTypeId: origin.type,
        availabilityZone: group.availabilityZone,
        status: 'creating',
        snapshotId: origin.snapshotId,
        sourceVolid: origin.sourceVolid,
        groupId: group.id,
      }),
    );
    later(() => {
      for (const volume of volumes) if (volume.status === 'creating') state.setStatus(volume, 'available');
    });
    settleGroup(service, group, GROUP_LIFECYCLE.create);
    send(res, 202, { group: groupSummary(group) });
  });

  return router;
}
