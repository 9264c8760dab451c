import { z } from 'zod';
import type { ActionRule } from './lifecycle.js';

/**
 * Generic volume groups (Cinder 3.11+): group types, groups of volumes and group snapshots, as the
 * detail views of Zed answer them. Loose: clouds add fields by microversion.
 */

/** A group type from `GET /group_types` (3.11). `group_specs` only for admins. */
export const groupTypeSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable().optional(),
  is_public: z.boolean().optional(),
  group_specs: z.record(z.string(), z.string()).optional(),
});
export type GroupType = z.infer<typeof groupTypeSchema>;
export const groupTypeListSchema = z.object({ group_types: z.array(groupTypeSchema) });
export const groupTypeEnvelopeSchema = z.object({ group_type: groupTypeSchema });

/** A group from `GET /groups/detail` or `GET /groups/{id}` (3.13); `volumes` with `list_volume=true` from 3.25. */
export const groupSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullable(),
  status: z.string(),
  description: z.string().nullable().optional(),
  availability_zone: z.string().nullable().optional(),
  created_at: z.string(),
  group_type: z.string(),
  volume_types: z.array(z.string()),
  volumes: z.array(z.string()).optional(),
  group_snapshot_id: z.string().nullable().optional(),
  source_group_id: z.string().nullable().optional(),
  project_id: z.string().optional(),
});
export type VolumeGroup = z.infer<typeof groupSchema>;
export const groupListSchema = z.looseObject({ groups: z.array(groupSchema) });
export const groupEnvelopeSchema = z.object({ group: groupSchema });
/** `POST /groups` and `POST /groups/action` answer only the new group's id and name. */
export const groupCreatedSchema = z.object({ group: z.looseObject({ id: z.string(), name: z.string().nullable() }) });

/** A group snapshot from `GET /group_snapshots/detail` or `GET /group_snapshots/{id}` (3.14). */
export const groupSnapshotSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullable(),
  status: z.string(),
  description: z.string().nullable().optional(),
  group_id: z.string(),
  group_type_id: z.string().optional(),
  created_at: z.string(),
  project_id: z.string().optional(),
});
export type GroupSnapshot = z.infer<typeof groupSnapshotSchema>;
export const groupSnapshotListSchema = z.looseObject({ group_snapshots: z.array(groupSnapshotSchema) });
export const groupSnapshotEnvelopeSchema = z.object({ group_snapshot: groupSnapshotSchema });
export const groupSnapshotCreatedSchema = z.object({
  group_snapshot: z.looseObject({ id: z.string(), name: z.string().nullable() }),
});

/** Statuses of `fields.GroupStatus` (Zed), the targets an admin may reset a group to. */
export const GROUP_STATUSES = [
  'creating',
  'available',
  'deleting',
  'error',
  'error_deleting',
  'updating',
  'in-use',
] as const;
/** Statuses of `fields.GroupSnapshotStatus` (Zed). */
export const GROUP_SNAPSHOT_STATUSES = ['creating', 'available', 'deleting', 'error', 'error_deleting'] as const;

/**
 * The lifecycle of groups (`group/api.py`, Zed), in the shape of the one table (lifecycle.ts):
 * the API itself exists from 3.13 (groups), 3.14 (group snapshots, create from a source) and
 * reset status from 3.20 (groups) and 3.19 (group snapshots).
 */
export const GROUP_LIFECYCLE = {
  create: { from: [], minVersion: 13, transitional: 'creating', end: 'available', failure: 'error' },
  /** Rename, add or remove volumes: `Group status must be available`. Volume changes pass through `updating`. */
  update: { from: ['available'], minVersion: 13, transitional: 'updating', end: 'available', failure: 'available' },
  /** Without `delete-volumes`: available or error; with it, any status (`API.delete`). */
  delete: {
    from: ['available', 'error'],
    minVersion: 13,
    transitional: 'deleting',
    end: 'deleted',
    failure: 'error_deleting',
  },
  deleteWithVolumes: { from: [], minVersion: 13, transitional: 'deleting', end: 'deleted', failure: 'error_deleting' },
  /** A group snapshot needs the group available (`create_group_snapshot`). */
  snapshot: { from: ['available'], minVersion: 14, transitional: 'previous', end: 'previous', failure: 'previous' },
  /** A new group cloned from this one (`create_from_src`, `source_group_id`). */
  clone: { from: ['available'], minVersion: 14, transitional: 'previous', end: 'previous', failure: 'previous' },
  resetStatus: {
    from: [],
    minVersion: 20,
    adminOnly: true,
    transitional: 'previous',
    end: 'previous',
    failure: 'previous',
  },
} as const satisfies Record<string, ActionRule>;

export const GROUP_SNAPSHOT_LIFECYCLE = {
  create: { from: [], minVersion: 14, transitional: 'creating', end: 'available', failure: 'error' },
  delete: {
    from: ['available', 'error'],
    minVersion: 14,
    transitional: 'deleting',
    end: 'deleted',
    failure: 'error_deleting',
  },
  /** A new group from this snapshot (`create_from_src`, `group_snapshot_id`). */
  createGroup: { from: ['available'], minVersion: 14, transitional: 'previous', end: 'previous', failure: 'previous' },
  resetStatus: {
    from: [],
    minVersion: 19,
    adminOnly: true,
    transitional: 'previous',
    end: 'previous',
    failure: 'previous',
  },
} as const satisfies Record<string, ActionRule>;

/** Group types are admin business, from 3.11. */
export const GROUP_TYPE_RULE: ActionRule = {
  from: [],
  minVersion: 11,
  adminOnly: true,
  transitional: 'previous',
  end: 'previous',
  failure: 'previous',
};
