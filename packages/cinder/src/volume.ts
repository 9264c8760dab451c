import { z } from 'zod';
import { listPageSchema } from './list-page.js';

/** One attachment as Cinder lists it in a volume's `attachments` (only attached ones are listed). */
export const volumeAttachmentSchema = z.looseObject({
  id: z.string(),
  attachment_id: z.string().optional(),
  volume_id: z.string().optional(),
  server_id: z.string().nullable().optional(),
  host_name: z.string().nullable().optional(),
  device: z.string().nullable().optional(),
  attached_at: z.string().nullable().optional(),
});

/**
 * A volume from `GET /volumes/detail` or `GET /volumes/{id}`.
 * Loose on purpose: clouds add fields by microversion and vendor, and the UI ignores what it
 * does not know. Only what the UI cannot work without is required.
 */
export const volumeSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullable(),
  status: z.string(),
  size: z.number().int().nonnegative(),
  volume_type: z.string().nullable().optional(),
  availability_zone: z.string().nullable().optional(),
  created_at: z.string(),
  updated_at: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  /** Cinder sends the strings "true"/"false" here, not booleans. */
  bootable: z.enum(['true', 'false']).optional(),
  encrypted: z.boolean().optional(),
  multiattach: z.boolean().optional(),
  attachments: z.array(volumeAttachmentSchema).optional(),
  metadata: z.record(z.string(), z.string()).optional(),
});
export type Volume = z.infer<typeof volumeSchema>;

/** `GET /volumes/detail`: a page of volumes, with a next link when the page is full and `count` from 3.45. */
export const volumeListSchema = listPageSchema('volumes', volumeSchema);
export const volumeEnvelopeSchema = z.object({ volume: volumeSchema });
export type VolumeList = z.infer<typeof volumeListSchema>;
