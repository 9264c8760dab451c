import { z } from 'zod';
import { description, name, uuid } from './request-fields.js';

/**
 * Bodies of the admin's storage calls (issue #20): service enable/disable/freeze/thaw, migrate,
 * manage and unmanage, backup record import. The BFF checks them before they go upstream and the
 * console's forms validate with the same schemas.
 */

const hostName = z.string().trim().min(1, 'name a host').max(255, 'at most 255 characters');

/** What a service is turned off for; Cinder keeps at most 255 characters and refuses blanks. */
export const disabledReasonSchema = z.string().trim().min(1, 'give a reason').max(255, 'at most 255 characters');

/** `PUT /os-services/{enable|disable|disable-log-reason|freeze|thaw}`. */
export const serviceUpdateSchema = z.strictObject({
  host: hostName,
  binary: z.string().min(1).max(255).optional(),
  disabled_reason: disabledReasonSchema.optional(),
});

/** `os-migrate_volume`: the destination pool (`host@backend#pool`) and how to move. */
export const migrateVolumeSchema = z.strictObject({
  host: hostName,
  force_host_copy: z.boolean().optional(),
  lock_volume: z.boolean().optional(),
});

/** A driver's reference to storage it holds (`{"source-name": "volume-…"}`). */
const referenceSchema = z.looseObject({ 'source-name': z.string().trim().min(1, 'name the storage').max(255) });

/** `POST /manageable_volumes` (3.8; `/os-volume-manage` before). */
export const manageVolumeSchema = z.object({
  volume: z.looseObject({
    host: hostName,
    ref: referenceSchema,
    name,
    description,
    volume_type: z.string().max(255).nullable().optional(),
    availability_zone: z.string().min(1).max(255).nullable().optional(),
    bootable: z.boolean().optional(),
  }),
});

/** `POST /manageable_snapshots` (3.8; `/os-snapshot-manage` before). */
export const manageSnapshotSchema = z.object({
  snapshot: z.looseObject({ volume_id: uuid, ref: referenceSchema, name, description }),
});

/** `POST /backups/import_record`: what `export_record` gave, as it gave it. */
export const backupImportSchema = z.object({
  'backup-record': z.strictObject({
    backup_service: z.string().trim().min(1, 'paste the backup service').max(255, 'at most 255 characters'),
    backup_url: z.string().trim().min(1, 'paste the backup URL').max(100_000, 'at most 100,000 characters'),
  }),
});

/** Snapshot actions the console sends; other actions pass to the cloud unchanged. */
export const snapshotActionSchema = z.object({
  'os-force_delete': z.strictObject({}).optional(),
  'os-unmanage': z.strictObject({}).optional(),
});

/** Which schema checks which admin storage call (paths relative to the project endpoint). */
export const STORAGE_REQUEST_SCHEMAS: Array<{ method: string; path: RegExp; schema: z.ZodType }> = [
  {
    method: 'PUT',
    path: /^\/os-services\/(?:enable|disable|disable-log-reason|freeze|thaw)$/,
    schema: serviceUpdateSchema,
  },
  { method: 'POST', path: /^\/(?:manageable_volumes|os-volume-manage)$/, schema: manageVolumeSchema },
  { method: 'POST', path: /^\/(?:manageable_snapshots|os-snapshot-manage)$/, schema: manageSnapshotSchema },
  { method: 'POST', path: /^\/backups\/import_record$/, schema: backupImportSchema },
  { method: 'POST', path: /^\/snapshots\/[^/]+\/action$/, schema: snapshotActionSchema },
];

/** Volume actions of the admin's storage work, by the action's key. */
export const STORAGE_VOLUME_ACTION_SCHEMAS: Record<string, z.ZodType> = {
  'os-migrate_volume': migrateVolumeSchema,
  'os-unmanage': z.strictObject({}),
};
