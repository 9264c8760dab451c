import { z } from 'zod';
import { uuid } from './request-fields.js';

/**
 * Bodies the console sends for generic volume groups (`api/schemas/groups.py`,
 * `group_snapshots.py`, `group_types.py`, `group_specs.py` of Zed), checked by the BFF before they go
 * upstream. Registered in `CINDER_REQUEST_SCHEMAS` (requests.ts).
 */

const text = z.string().max(255, 'at most 255 characters').nullable().optional();
const requiredName = z
  .string()
  .min(1, 'enter a name')
  .max(255, 'at most 255 characters')
  .refine((value) => value.trim() !== '', { message: 'must not be only spaces', params: { i18n: 'required' } });
/** Comma-separated volume ids, as `add_volumes` and `remove_volumes` take them. */
const volumeIdList = z
  .string()
  .max(65_535)
  .refine(
    (value) => value.split(',').every((id) => uuid.safeParse(id.trim()).success),
    'must be volume ids, comma-separated',
  )
  .nullable()
  .optional();
const groupSpecs = z.record(
  z.string().regex(/^[a-zA-Z0-9-_:. /]{1,255}$/, 'keys are 1-255 letters, digits or - _ : . / and spaces'),
  z.string().max(255, 'values are at most 255 characters'),
);

export const groupCreateSchema = z.object({
  group: z.strictObject({
    group_type: z.string().min(1, 'choose a group type').max(255),
    volume_types: z.array(z.string().min(1).max(255)).min(1, 'choose at least one volume type'),
    name: text,
    description: text,
    availability_zone: z.string().min(1).max(255).nullable().optional(),
  }),
});

export const groupUpdateSchema = z.object({
  group: z
    .strictObject({ name: text, description: text, add_volumes: volumeIdList, remove_volumes: volumeIdList })
    .refine((group) => Object.keys(group).length > 0, 'name, description, add_volumes or remove_volumes'),
});

export const groupCreateFromSourceSchema = z.object({
  'create-from-src': z
    .strictObject({
      name: text,
      description: text,
      group_snapshot_id: uuid.optional(),
      source_group_id: uuid.optional(),
    })
    .refine(
      (body) => !body.group_snapshot_id !== !body.source_group_id,
      'name a group snapshot or a source group, not both',
    ),
});

/** `POST /groups/{id}/action`: delete (with or without its volumes) or reset status (admin). */
export const groupActionSchema = z.union([
  z.strictObject({ delete: z.strictObject({ 'delete-volumes': z.boolean().optional() }) }),
  z.strictObject({ reset_status: z.strictObject({ status: z.string().min(1).max(255) }) }),
]);

export const groupSnapshotCreateSchema = z.object({
  group_snapshot: z.strictObject({ group_id: uuid, name: text, description: text }),
});

export const groupSnapshotActionSchema = z.strictObject({
  reset_status: z.strictObject({ status: z.string().min(1).max(255) }),
});

export const groupTypeCreateSchema = z.object({
  group_type: z.strictObject({
    name: requiredName,
    description: text,
    is_public: z.boolean().optional(),
    group_specs: groupSpecs.optional(),
  }),
});

export const groupTypeUpdateSchema = z.object({
  group_type: z.strictObject({
    name: requiredName.nullable().optional(),
    description: text,
    is_public: z.boolean().optional(),
  }),
});

export const groupSpecsBodySchema = z.object({ group_specs: groupSpecs });

/** Which schema checks which group call, relative to the project endpoint. */
export const GROUP_REQUEST_SCHEMAS: Array<{ method: string; path: RegExp; schema: z.ZodType }> = [
  { method: 'POST', path: /^\/groups$/, schema: groupCreateSchema },
  { method: 'POST', path: /^\/groups\/action$/, schema: groupCreateFromSourceSchema },
  { method: 'PUT', path: /^\/groups\/[^/]+$/, schema: groupUpdateSchema },
  { method: 'POST', path: /^\/groups\/(?!action$)[^/]+\/action$/, schema: groupActionSchema },
  { method: 'POST', path: /^\/group_snapshots$/, schema: groupSnapshotCreateSchema },
  { method: 'POST', path: /^\/group_snapshots\/[^/]+\/action$/, schema: groupSnapshotActionSchema },
  { method: 'POST', path: /^\/group_types$/, schema: groupTypeCreateSchema },
  { method: 'PUT', path: /^\/group_types\/[^/]+$/, schema: groupTypeUpdateSchema },
  { method: 'POST', path: /^\/group_types\/[^/]+\/group_specs$/, schema: groupSpecsBodySchema },
];
