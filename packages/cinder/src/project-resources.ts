import { z } from 'zod';

/** `GET /os-availability-zone`. */
export const availabilityZonesSchema = z.object({
  availabilityZoneInfo: z.array(
    z.looseObject({ zoneName: z.string(), zoneState: z.looseObject({ available: z.boolean() }) }),
  ),
});

export const volumeTypeSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable().optional(),
  is_public: z.boolean().optional(),
  extra_specs: z.record(z.string(), z.string()).optional(),
});
export type VolumeType = z.infer<typeof volumeTypeSchema>;
/** `GET /types`. */
export const volumeTypesSchema = z.object({ volume_types: z.array(volumeTypeSchema) });

/** One quota with usage: `limit` -1 means unlimited. */
export const quotaUsageSchema = z.looseObject({
  limit: z.number().int(),
  in_use: z.number().int(),
  reserved: z.number().int().optional(),
  allocated: z.number().int().optional(),
});
export type QuotaUsage = z.infer<typeof quotaUsageSchema>;

/**
 * `GET /os-quota-sets/{project}?usage=true`: every quota with its usage. Per-type quotas are keyed
 * `volumes_<type>`, `gigabytes_<type>`, `snapshots_<type>`; `id` is the project.
 */
export const quotaUsageSetSchema = z.object({
  quota_set: z.record(z.string(), z.union([quotaUsageSchema, z.string()])),
});

/** The quotas of a usage set, without `id`. */
export function quotaUsages(set: z.infer<typeof quotaUsageSetSchema>): Record<string, QuotaUsage> {
  return Object.fromEntries(
    Object.entries(set.quota_set).filter((entry): entry is [string, QuotaUsage] => typeof entry[1] !== 'string'),
  );
}

/** `GET /messages`: user messages explaining asynchronous failures (3.3+). */
export const userMessageSchema = z.looseObject({
  id: z.string(),
  user_message: z.string(),
  message_level: z.string().optional(),
  resource_type: z.string().nullable().optional(),
  resource_uuid: z.string().nullable().optional(),
  event_id: z.string().optional(),
  request_id: z.string().nullable().optional(),
  created_at: z.string(),
});
export type UserMessage = z.infer<typeof userMessageSchema>;
export const userMessagesSchema = z.object({ messages: z.array(userMessageSchema) });

/** A Glance v2 image, as the create-volume dialog needs it. */
export const imageSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullable().optional(),
  status: z.string(),
  size: z.number().int().nullable().optional(),
  min_disk: z.number().int().nullable().optional(),
  disk_format: z.string().nullable().optional(),
  visibility: z.string().optional(),
});
export type Image = z.infer<typeof imageSchema>;
/** `GET /v2/images`. */
export const imageListSchema = z.looseObject({ images: z.array(imageSchema), next: z.string().optional() });

export const transferSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullable().optional(),
  volume_id: z.string(),
  created_at: z.string().optional(),
  /** Returned only by the create call, once. */
  auth_key: z.string().optional(),
});
export type Transfer = z.infer<typeof transferSchema>;
export const transferEnvelopeSchema = z.object({ transfer: transferSchema });
export const transferListSchema = z.looseObject({ transfers: z.array(transferSchema) });
