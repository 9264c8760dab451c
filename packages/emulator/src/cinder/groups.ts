import { randomUUID } from 'node:crypto';
import { GROUP_LIFECYCLE, VOLUME_LIFECYCLE, type ActionRule } from '@cinder-console/cinder';
import express, { type Response } from 'express';
import { cinderTime } from '../http/time.js';
import { jsonBody } from '../http/json-body.js';
import { badRequest, notFound } from './errors.js';
import { markCinderResponse } from './faults.js';
import type { GroupRecord } from './group-records.js';
import { findGroupType, requireGroupVersion } from './group-types.js';
import { findUsableType } from './lookups.js';
import type { VolumeRecord, VolumeTypeRecord } from './records.js';
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

const GROUP_STATUSES = [
  'creating',
  'available',
  'deleting',
  'error',
  'error_deleting',
  'updating',
  'in-use',
  'deleted',
];

export function findGroup(service: CinderService, res: Response, id: string): GroupRecord {
  const group = service.state.groups.get(id);
  if (!group || !visibleTo(res, group.projectId)) throw notFound(`Group ${id} could not be found.`);
  return group;
}

export function groupVolumes(service: CinderService, groupId: string): VolumeRecord[] {
  return [...service.state.volumes.values()].filter((v) => v.groupId === groupId);
}

/** `POST /volumes` with `group_id` (3.13): the group must be available and allow the volume's type. */
export function checkGroupMembership(
  service: CinderService,
  res: Response,
  groupId: string,
  type: VolumeTypeRecord,
): void {
  const group = findGroup(service, res, groupId);
  if (!group.volumeTypeIds.includes(type.id))
    throw badRequest(
      `Invalid input received: Invalid volume_type provided: ${type.id} (requested type is not compatible; recommend omitting the type argument).`,
    );
  if (group.status !== 'available')
    throw badRequest(`Invalid group: Group status must be available, but current status is: ${group.status}.`);
}

function groupDetail(service: CinderService, res: Response, group: GroupRecord, listVolumes: boolean) {
  return {
    id: group.id,
    status: group.status,
    availability_zone: group.availabilityZone,
    created_at: cinderTime(group.createdAt),
    name: group.name,
    description: group.description,
    group_type: group.groupTypeId,
    volume_types: group.volumeTypeIds,
    ...(versionAtLeast(res, 14)
      ? { group_snapshot_id: group.groupSnapshotId, source_group_id: group.sourceGroupId }
      : {}),
    ...(versionAtLeast(res, 25) && listVolumes ? { volumes: groupVolumes(service, group.id).map((v) => v.id) } : {}),
    ...(versionAtLeast(res, 38) ? { replication_status: 'disabled' } : {}),
    ...(versionAtLeast(res, 58) ? { project_id: group.projectId } : {}),
  };
}

export function groupSummary(group: GroupRecord) {
  return { id: group.id, name: group.name };
}

/** Adds a group in `creating`; it becomes `available` once `ready` (its volumes) are. */
export function addGroup(
  service: CinderService,
  res: Response,
  input: Omit<GroupRecord, 'id' | 'projectId' | 'userId' | 'status' | 'createdAt' | 'updatedAt'>,
) {
  const caller = callerOf(res);
  const group: GroupRecord = {
    id: randomUUID(),
    projectId: caller.projectId,
    userId: caller.userId,
    status: GROUP_LIFECYCLE.create.transitional,
    createdAt: new Date(),
    updatedAt: null,
    ...input,
  };
  service.state.groups.set(group.id, group);
  service.ctx.persist();
  return group;
}

/**
 * Ends a group's create or update: after the backend's time for it, the group moves from the rule's
 * transitional status to its end, unless something else moved it first.
 */
export function settleGroup(service: CinderService, group: GroupRecord, rule: ActionRule): void {
  service.ctx.scheduler.after(service.ctx.durations.create, () => {
    if (group.status === rule.transitional && service.state.groups.has(group.id)) {
      service.state.setStatus(group, rule.end);
      service.ctx.persist();
    }
  });
}

/** `/groups` (3.13): create, list, show, update (name, description, add/remove volumes), delete and reset status. */
export function groupsRouter(service: CinderService): express.Router {
  const { state, ctx } = service;
  const router = express.Router();
  const send = (res: Response, status: number, body: unknown) => {
    markCinderResponse(res);
    res.status(status).json(body);
  };

  const list = (detail: boolean) => (req: express.Request, res: Response) => {
    requireGroupVersion(res, 13);
    const caller = callerOf(res);
    const all = caller.isAdmin && boolQuery(req, 'all_tenants');
    const groups = [...state.groups.values()]
      .filter((g) => (all ? true : g.projectId === caller.projectId))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    const listVolumes = boolQuery(req, 'list_volume');
    send(res, 200, {
      groups: groups.map((g) => (detail ? groupDetail(service, res, g, listVolumes) : groupSummary(g))),
    });
  };
  router.get('/groups', list(false));
  router.get('/groups/detail', list(true));

  router.get('/groups/:id', (req, res) => {
    requireGroupVersion(res, 13);
    const group = findGroup(service, res, param(req, 'id'));
    send(res, 200, { group: groupDetail(service, res, group, boolQuery(req, 'list_volume')) });
  });

  router.post('/groups', jsonBody, (req, res) => {
    requireGroupVersion(res, 13);
    requireMember(res, 'group:create');
    const body = bodyObject(req, 'group');
    if (body.group_type === undefined) throw badRequest("'group_type' is a required property");
    if (body.volume_types === undefined) throw badRequest("'volume_types' is a required property");
    const groupType = findGroupType(service, res, String(body.group_type));
    const refs = typeof body.volume_types === 'string' ? body.volume_types.split(',') : body.volume_types;
    if (!Array.isArray(refs) || refs.length === 0)
      throw badRequest(`Invalid input for field/attribute volume_types. Value: ${JSON.stringify(body.volume_types)}.`);
    const volumeTypeIds = refs.map((ref) => findUsableType(service, res, String(ref)).id);
    const zone = typeof body.availability_zone === 'string' ? body.availability_zone : state.defaultZone;
    if (!state.availabilityZones.includes(zone)) throw badRequest(`Availability zone '${zone}' is invalid.`);
    const group = addGroup(service, res, {
      name: checkText('name', body.name ?? null),
      description: checkText('description', body.description ?? null),
      availabilityZone: zone,
      groupTypeId: groupType.id,
      volumeTypeIds,
      groupSnapshotId: null,
      sourceGroupId: null,
    });
    settleGroup(service, group, GROUP_LIFECYCLE.create);
    send(res, 202, { group: groupSummary(group) });
  });

  router.put('/groups/:id', jsonBody, (req, res) => {
    requireGroupVersion(res, 13);
    requireMember(res, 'group:update');
    const group = findGroup(service, res, param(req, 'id'));
    const body = bodyObject(req, 'group');
    const ids = (value: unknown) =>
      typeof value === 'string' && value.length > 0
        ? value
            .split(',')
            .map((id) => id.trim())
            .filter(Boolean)
        : [];
    const add = ids(body.add_volumes);
    const remove = ids(body.remove_volumes);
    if (body.name === undefined && body.description === undefined && add.length === 0 && remove.length === 0)
      throw badRequest('Name, description, add_volumes, and remove_volumes can not be all empty in the request body.');
    if (group.status !== 'available')
      throw badRequest(`Invalid group: Group status must be available, but current status is: ${group.status}.`);
    const adding = add.map((id) => {
      const volume = state.volumes.get(id);
      if (!volume || !visibleTo(res, volume.projectId)) throw notFound(`Volume ${id} could not be found.`);
      if (volume.groupId === group.id) return volume;
      if (volume.groupId) throw badRequest(`Invalid volume: Volume ${id} is already in a group.`);
      if (!group.volumeTypeIds.includes(volume.volumeTypeId))
        throw badRequest(
          `Invalid volume: Cannot add volume ${id} to group ${group.id} because volume type ${volume.volumeTypeId} is not supported by the group.`,
        );
      if (!['available', 'in-use'].includes(volume.status))
        throw badRequest(
          `Invalid volume: Cannot add volume ${id} to group ${group.id} because volume is in an invalid state: ${volume.status}. Valid states are: ('available', 'in-use').`,
        );
      return volume;
    });
    const removing = remove.map((id) => {
      const volume = state.volumes.get(id);
      if (!volume || volume.groupId !== group.id)
        throw badRequest(
          `Invalid volume: Cannot remove volume ${id} from group ${group.id} because it is not in the group.`,
        );
      return volume;
    });
    if (body.name !== undefined) group.name = checkText('name', body.name);
    if (body.description !== undefined) group.description = checkText('description', body.description);
    for (const volume of adding) volume.groupId = group.id;
    for (const volume of removing) volume.groupId = null;
    if (adding.length + removing.length > 0) {
      state.setStatus(group, GROUP_LIFECYCLE.update.transitional);
      settleGroup(service, group, GROUP_LIFECYCLE.update);
    } else {
      group.updatedAt = new Date();
    }
    ctx.persist();
    res.status(202).end();
  });

  router.post('/groups/:id/action', jsonBody, (req, res) => {
    requireGroupVersion(res, 13);
    const group = findGroup(service, res, param(req, 'id'));
    const body = (req.body ?? {}) as Record<string, unknown>;
    if ('reset_status' in body) {
      requireGroupVersion(res, 20);
      requireAdmin(res, 'group:reset_status');
      const status = String((body.reset_status as Record<string, unknown> | null)?.status ?? '');
      if (!GROUP_STATUSES.includes(status))
        throw badRequest(`Invalid input received: Group status: ${status} is invalid.`);
      state.setStatus(group, status);
      ctx.persist();
      return void res.status(202).end();
    }
    if (!('delete' in body)) throw badRequest('Invalid input received: Unknown action.');
    requireMember(res, 'group:delete');
    const options = (body.delete ?? {}) as Record<string, unknown>;
    const raw = options['delete-volumes'];
    const deleteVolumes = raw === true || ['true', 'yes', '1', 'on'].includes(String(raw ?? 'false').toLowerCase());
    // `group/api.py: delete`: the status matters only without delete-volumes.
    if (!deleteVolumes && !['available', 'error'].includes(group.status))
      throw badRequest(
        `Invalid group: Group status must be available or error, but current status is: ${group.status}`,
      );
    const snapshots = [...state.groupSnapshots.values()].filter((s) => s.groupId === group.id);
    if (snapshots.length > 0) throw badRequest(`Invalid group: Group ${group.id} has existing group snapshots.`);
    const volumes = groupVolumes(service, group.id);
    if (volumes.length > 0 && !deleteVolumes)
      throw badRequest(
        `Invalid group: Group ${group.id} still contains volumes. The delete-volumes flag is required to delete it.`,
      );
    for (const volume of volumes) {
      if (volume.attachments.length > 0)
        throw badRequest(`Invalid group: Volume in group ${group.id} is attached. Need to detach first.`);
      if ([...state.snapshots.values()].some((snapshot) => snapshot.volumeId === volume.id))
        throw badRequest('Invalid group: Volume in group still has dependent snapshots.');
    }
    state.setStatus(group, GROUP_LIFECYCLE.delete.transitional);
    for (const volume of volumes) state.setStatus(volume, VOLUME_LIFECYCLE.delete.transitional);
    ctx.persist();
    ctx.scheduler.after(ctx.durations.delete, () => {
      for (const volume of volumes) state.volumes.delete(volume.id);
      state.groups.delete(group.id);
      ctx.persist();
    });
    res.status(202).end();
  });

  return router;
}
