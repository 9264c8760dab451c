import { z } from 'zod';

/**
 * What the admin's storage view reads (issue #20): Cinder's services, the scheduler's pools with
 * their capacity, a backend's capabilities, the storage a backend holds outside Cinder, and a
 * backup's exported record. Loose: drivers and releases add fields.
 */

/** A row of `GET /os-services`. */
export const cinderServiceSchema = z.looseObject({
  binary: z.string(),
  host: z.string(),
  zone: z.string().nullable().optional(),
  status: z.string(),
  state: z.string(),
  updated_at: z.string().nullable().optional(),
  disabled_reason: z.string().nullable().optional(),
  frozen: z.boolean().optional(),
  backend_state: z.string().nullable().optional(),
  replication_status: z.string().nullable().optional(),
});
export type CinderService = z.infer<typeof cinderServiceSchema>;
export const cinderServiceListSchema = z.object({ services: z.array(cinderServiceSchema) });

/** Capacities come as numbers, or as the strings `infinite`/`unknown` from some drivers. */
const capacity = z.union([z.number(), z.string()]).nullable().optional();

/** A pool of `GET /scheduler-stats/get_pools?detail=true`. */
export const poolSchema = z.looseObject({
  name: z.string(),
  capabilities: z
    .looseObject({
      pool_name: z.string().optional(),
      volume_backend_name: z.string().nullable().optional(),
      total_capacity_gb: capacity,
      free_capacity_gb: capacity,
      provisioned_capacity_gb: capacity,
      allocated_capacity_gb: capacity,
      reserved_percentage: z.union([z.number(), z.string()]).nullable().optional(),
      max_over_subscription_ratio: z.union([z.number(), z.string()]).nullable().optional(),
      thin_provisioning_support: z.boolean().nullable().optional(),
      storage_protocol: z.string().nullable().optional(),
      vendor_name: z.string().nullable().optional(),
      driver_version: z.string().nullable().optional(),
      backend_state: z.string().nullable().optional(),
    })
    .optional(),
});
export type Pool = z.infer<typeof poolSchema>;
export const poolListSchema = z.object({ pools: z.array(poolSchema) });

/** `GET /capabilities/{host}`. */
export const backendCapabilitiesSchema = z.looseObject({
  namespace: z.string().optional(),
  vendor_name: z.string().nullable().optional(),
  volume_backend_name: z.string().nullable().optional(),
  driver_version: z.string().nullable().optional(),
  storage_protocol: z.string().nullable().optional(),
  properties: z
    .record(z.string(), z.looseObject({ title: z.string().optional(), type: z.string().optional() }))
    .optional(),
});
export type BackendCapabilities = z.infer<typeof backendCapabilitiesSchema>;

/** A row of `GET /manageable_volumes/detail` or `/manageable_snapshots/detail` (3.8). */
export const manageableSchema = z.looseObject({
  reference: z.record(z.string(), z.unknown()),
  size: z.number().nullable().optional(),
  safe_to_manage: z.boolean(),
  reason_not_safe: z.string().nullable().optional(),
  cinder_id: z.string().nullable().optional(),
  source_reference: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type Manageable = z.infer<typeof manageableSchema>;
export const manageableVolumeListSchema = z.object({ 'manageable-volumes': z.array(manageableSchema) });
export const manageableSnapshotListSchema = z.object({ 'manageable-snapshots': z.array(manageableSchema) });

/** `GET /backups/{id}/export_record`: what `import_record` takes back. */
export const backupRecordSchema = z.object({
  'backup-record': z.looseObject({ backup_service: z.string(), backup_url: z.string() }),
});
export type BackupRecordExport = z.infer<typeof backupRecordSchema>['backup-record'];
