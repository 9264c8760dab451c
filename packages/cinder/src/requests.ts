import { z } from 'zod';
import { GROUP_REQUEST_SCHEMAS } from './group-requests.js';
import { description, name, uuid } from './request-fields.js';
import { STORAGE_REQUEST_SCHEMAS, STORAGE_VOLUME_ACTION_SCHEMAS } from './storage-requests.js';

/**
 * Bodies the console sends to Cinder, checked by the BFF before they go upstream with the same
 * limits Cinder's own schemas enforce, so a bad field is named at once. Only what the console sends
 * is described; the cloud remains the judge of everything else.
 */

const size = z.number().int('must be a whole number of GiB').min(1, 'must be at least 1 GiB').max(2_147_483_647);
export const metadataSchema = z
  .record(
    // Cinder's own rule is one pattern (^[a-zA-Z0-9-_:. /]{1,255}$); split in two so a key that is
    // only too long is told so rather than told its characters are wrong.
    z
      .string()
      .max(255, 'keys are at most 255 characters')
      .regex(/^[a-zA-Z0-9-_:. /]+$/, 'keys are 1-255 letters, digits or - _ : . / and spaces'),
    z.string().max(255, 'values are at most 255 characters'),
  )
  .refine((m) => Object.keys(m).length <= 100, 'at most 100 metadata items');

/** A resource's name and description as every create and update body takes them. */
export const nameAndDescriptionSchema = z.object({ name, description });

export const volumeCreateSchema = z.object({
  volume: z.looseObject({
    size: size.nullable().optional(),
    name,
    description,
    volume_type: z.string().max(255).nullable().optional(),
    availability_zone: z.string().min(1).max(255).nullable().optional(),
    metadata: metadataSchema.optional(),
    snapshot_id: uuid.nullable().optional(),
    source_volid: uuid.nullable().optional(),
    backup_id: uuid.nullable().optional(),
    imageRef: z.string().max(255).nullable().optional(),
  }),
});

export const volumeUpdateSchema = z.object({
  volume: z.strictObject({ name, description, metadata: metadataSchema.optional() }),
});

/** Volume actions the console offers, by the action's key (an action body has exactly one key). */
export const VOLUME_ACTION_SCHEMAS: Record<string, z.ZodType> = {
  'os-extend': z.strictObject({ new_size: size }),
  revert: z.strictObject({ snapshot_id: uuid }),
  'os-retype': z.strictObject({
    new_type: z.string().min(1).max(255),
    migration_policy: z.enum(['never', 'on-demand']).optional(),
  }),
  'os-set_bootable': z.strictObject({ bootable: z.boolean() }),
  'os-update_readonly_flag': z.strictObject({ readonly: z.boolean() }),
  'os-volume_upload_image': z.looseObject({
    image_name: z.string().min(1).max(255),
    force: z.boolean().optional(),
    disk_format: z.enum(['raw', 'qcow2', 'vmdk', 'vdi', 'vhd', 'vhdx', 'ploop']).optional(),
    container_format: z.enum(['bare', 'ovf', 'ova', 'docker']).optional(),
    visibility: z.enum(['public', 'private', 'shared', 'community']).optional(),
    protected: z.boolean().optional(),
  }),
  'os-reset_status': z
    .strictObject({
      status: z.string().max(255).optional(),
      attach_status: z.enum(['attached', 'detached']).optional(),
      migration_status: z.string().max(255).optional(),
    })
    .refine((a) => Object.keys(a).length > 0, 'name a status, attach_status or migration_status'),
  'os-force_delete': z.strictObject({}),
  'os-set_image_metadata': z.strictObject({ metadata: metadataSchema }),
  'os-unset_image_metadata': z.strictObject({ key: z.string().min(1).max(255) }),
  ...STORAGE_VOLUME_ACTION_SCHEMAS,
};

export const snapshotCreateSchema = z.object({
  snapshot: z.strictObject({
    volume_id: uuid,
    name,
    description,
    force: z.boolean().optional(),
    metadata: metadataSchema.optional(),
  }),
});

export const snapshotUpdateSchema = z.object({ snapshot: z.strictObject({ name, description }) });

export const backupCreateSchema = z.object({
  backup: z.strictObject({
    volume_id: uuid,
    name,
    description,
    container: z.string().max(255).nullable().optional(),
    incremental: z.boolean().optional(),
    force: z.boolean().optional(),
    snapshot_id: uuid.nullable().optional(),
    metadata: metadataSchema.optional(),
    availability_zone: z.string().max(255).nullable().optional(),
  }),
});

export const backupUpdateSchema = z.object({
  backup: z.strictObject({ name, description, metadata: metadataSchema.optional() }),
});

export const backupRestoreSchema = z.object({
  restore: z.strictObject({ volume_id: uuid.nullable().optional(), name }).nullable(),
});

/** `PUT` replaces every item, `POST` merges: the same body either way. */
export const metadataBodySchema = z.object({ metadata: metadataSchema });

export const transferCreateSchema = z.object({
  transfer: z.strictObject({
    volume_id: uuid,
    // Cinder refuses a blank name; `no_snapshots` only on /volume-transfers from 3.55.
    name: z.string().trim().min(1, 'must not be blank').max(255, 'at most 255 characters').nullable().optional(),
    no_snapshots: z.boolean().optional(),
  }),
});

/** `PUT /(volumes|snapshots)/{id}/metadata/{key}`: exactly one item. */
export const metadataItemSchema = z.object({
  meta: metadataSchema.refine((m) => Object.keys(m).length === 1, 'exactly one item'),
});

export const transferAcceptSchema = z.object({
  accept: z.strictObject({ auth_key: z.string().min(1, 'enter the authorisation key').max(255) }),
});

/** A volume type's encryption. Cinder stores only these four columns (and fails on others in an update). */
const encryptionFields = {
  provider: z.string().trim().min(1, 'name a provider, such as luks').max(255, 'at most 255 characters'),
  cipher: z.string().max(255, 'at most 255 characters').nullable().optional(),
  key_size: z.number().int('must be a whole number of bits').min(0, 'must be 0 or more').nullable().optional(),
  control_location: z.enum(['front-end', 'back-end']),
};
export const typeEncryptionCreateSchema = z.object({ encryption: z.strictObject(encryptionFields) });
export const typeEncryptionUpdateSchema = z.object({ encryption: z.strictObject(encryptionFields).partial() });

/** A name Cinder requires (its `name` format): 1-255 characters, not only spaces. */
const requiredName = z
  .string()
  .min(1, 'enter a name')
  .max(255, 'at most 255 characters')
  .refine((value) => value.trim() !== '', { message: 'must not be only spaces', params: { i18n: 'required' } });
/** Extra specs as Cinder's `extra_specs` parameter type: the metadata key pattern, string values. */
export const extraSpecsSchema = z.record(
  z.string().regex(/^[a-zA-Z0-9-_:. /]{1,255}$/, 'keys are 1-255 letters, digits or - _ : . / and spaces'),
  z.string().max(255, 'values are at most 255 characters').nullable(),
);

export const volumeTypeCreateSchema = z.object({
  volume_type: z.strictObject({
    name: requiredName,
    description,
    extra_specs: extraSpecsSchema.optional(),
    'os-volume-type-access:is_public': z.boolean().optional(),
  }),
});
export const volumeTypeUpdateSchema = z.object({
  volume_type: z.strictObject({
    name: requiredName.nullable().optional(),
    description,
    is_public: z.boolean().optional(),
  }),
});
/** QoS specs: a name and a consumer, the other keys being the specs themselves (strings). */
export const qosCreateSchema = z.object({
  qos_specs: z.looseObject({
    name: requiredName,
    consumer: z.enum(['front-end', 'back-end', 'both']).optional(),
  }),
});
export const extraSpecsBodySchema = z.object({ extra_specs: extraSpecsSchema });

/** A quota limit as an admin may set it: a whole number, -1 for unlimited (Cinder's `quota_set` format). */
export const quotaLimitSchema = z
  .number()
  .int('must be a whole number')
  .min(-1, 'must be -1 (no limit) or more')
  .max(2_147_483_647);
export const quotaLimitsSchema = z.record(z.string(), quotaLimitSchema);
export const quotaSetUpdateSchema = z.object({ quota_set: quotaLimitsSchema });
export const quotaClassSetUpdateSchema = z.object({ quota_class_set: quotaLimitsSchema });

/** Which schema checks which call: method, a path pattern relative to the project endpoint. */
export const CINDER_REQUEST_SCHEMAS: Array<{ method: string; path: RegExp; schema: z.ZodType }> = [
  { method: 'POST', path: /^\/volumes$/, schema: volumeCreateSchema },
  { method: 'PUT', path: /^\/volumes\/[^/]+$/, schema: volumeUpdateSchema },
  { method: 'POST', path: /^\/snapshots$/, schema: snapshotCreateSchema },
  { method: 'PUT', path: /^\/snapshots\/[^/]+$/, schema: snapshotUpdateSchema },
  { method: 'POST', path: /^\/backups$/, schema: backupCreateSchema },
  { method: 'PUT', path: /^\/backups\/[^/]+$/, schema: backupUpdateSchema },
  { method: 'POST', path: /^\/backups\/[^/]+\/restore$/, schema: backupRestoreSchema },
  { method: 'PUT', path: /^\/(?:volumes|snapshots)\/[^/]+\/metadata$/, schema: metadataBodySchema },
  { method: 'POST', path: /^\/(?:volumes|snapshots)\/[^/]+\/metadata$/, schema: metadataBodySchema },
  { method: 'PUT', path: /^\/(?:volumes|snapshots)\/[^/]+\/metadata\/[^/]+$/, schema: metadataItemSchema },
  { method: 'POST', path: /^\/(?:volume-transfers|os-volume-transfer)$/, schema: transferCreateSchema },
  { method: 'POST', path: /^\/(?:volume-transfers|os-volume-transfer)\/[^/]+\/accept$/, schema: transferAcceptSchema },
  { method: 'PUT', path: /^\/os-quota-sets\/[^/]+$/, schema: quotaSetUpdateSchema },
  { method: 'PUT', path: /^\/os-quota-class-sets\/[^/]+$/, schema: quotaClassSetUpdateSchema },
  { method: 'POST', path: /^\/types$/, schema: volumeTypeCreateSchema },
  { method: 'PUT', path: /^\/types\/[^/]+$/, schema: volumeTypeUpdateSchema },
  { method: 'POST', path: /^\/types\/[^/]+\/extra_specs$/, schema: extraSpecsBodySchema },
  { method: 'POST', path: /^\/qos-specs$/, schema: qosCreateSchema },
  { method: 'POST', path: /^\/types\/[^/]+\/encryption$/, schema: typeEncryptionCreateSchema },
  { method: 'PUT', path: /^\/types\/[^/]+\/encryption\/[^/]+$/, schema: typeEncryptionUpdateSchema },
  ...GROUP_REQUEST_SCHEMAS,
  ...STORAGE_REQUEST_SCHEMAS,
];
