import { z } from 'zod';
import { listPageSchema } from './list-page.js';

/** A backup from `GET /backups/detail` or `GET /backups/{id}`. Loose: clouds add fields. */
export const backupSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullable(),
  status: z.string(),
  size: z.number().int().nonnegative(),
  volume_id: z.string(),
  snapshot_id: z.string().nullable().optional(),
  created_at: z.string(),
  updated_at: z.string().nullable().optional(),
  data_timestamp: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  availability_zone: z.string().nullable().optional(),
  container: z.string().nullable().optional(),
  fail_reason: z.string().nullable().optional(),
  is_incremental: z.boolean().optional(),
  has_dependent_backups: z.boolean().optional(),
  object_count: z.number().int().nullable().optional(),
  metadata: z.record(z.string(), z.string()).optional(),
});
export type Backup = z.infer<typeof backupSchema>;

export const backupListSchema = listPageSchema('backups', backupSchema);
export const backupEnvelopeSchema = z.object({ backup: backupSchema });

/** `POST /backups/{id}/restore`: where the backup went. */
export const backupRestoreResultSchema = z.object({
  restore: z.looseObject({
    backup_id: z.string(),
    volume_id: z.string(),
    volume_name: z.string().nullable().optional(),
  }),
});
