import { supportsMinor } from './microversion.js';
import { z } from 'zod';

/** Features the console offers only where the cloud's microversion has them (3.x minor versions). */
export const MICROVERSION_FEATURES = {
  /** User messages (`GET /messages`): why an asynchronous operation failed. */
  messages: 3,
  revert: 40,
  extendInUse: 42,
  withCount: 45,
  volumeFromBackup: 47,
  updatedAtFilter: 60,
  defaultTypes: 62,
  snapshotInUseWithoutForce: 66,
} as const;
export type MicroversionFeature = keyof typeof MICROVERSION_FEATURES;

/** `GET /api/capabilities`: what this session's cloud can do, so the UI offers only that. */
export const capabilitiesSchema = z.object({
  volumeApi: z.object({
    major: z.number().int(),
    /** The microversion the BFF uses: the lower of the cloud's and the console's maximum; null on v2. */
    microversion: z.string().nullable(),
  }),
  features: z.object({
    messages: z.boolean(),
    revert: z.boolean(),
    extendInUse: z.boolean(),
    withCount: z.boolean(),
    volumeFromBackup: z.boolean(),
    updatedAtFilter: z.boolean(),
    defaultTypes: z.boolean(),
    snapshotInUseWithoutForce: z.boolean(),
    /** The catalog has an image service (Glance) for this region. */
    images: z.boolean(),
    /**
     * The cloud has Huawei EVS's snapshot rollback (`POST /os-vendor-snapshots/{id}/rollback`),
     * which rolls any of a volume's snapshots back onto it, not only the latest as `revert` does.
     */
    vendorRollback: z.boolean(),
    /**
     * Backups can be offered. For admins: a `cinder-backup` service is enabled and up
     * (`GET /os-services`). Others cannot see services, so for them: the backups API answers.
     */
    backupService: z.boolean(),
    /** The catalog has a compute service (Nova) for this region: volumes can be attached to servers. */
    compute: z.boolean().optional(),
    /**
     * The most snapshots one volume may have, where the cloud is known to limit them (Huawei EVS:
     * 7 per disk); null where only the project's snapshot quota applies. The cloud still decides.
     */
    snapshotsPerVolume: z.number().int().positive().nullable().optional(),
  }),
  /** The session may use admin-only calls (Cinder's `context_is_admin`: the admin role). */
  admin: z.boolean(),
});
export type Capabilities = z.infer<typeof capabilitiesSchema>;

/** The feature flags of a cloud at `microversion`. */
export function microversionFeatures(microversion: string | null): Record<MicroversionFeature, boolean> {
  const entries = Object.entries(MICROVERSION_FEATURES).map(([feature, minor]) => [
    feature,
    supportsMinor(microversion, minor),
  ]);
  return Object.fromEntries(entries) as Record<MicroversionFeature, boolean>;
}
