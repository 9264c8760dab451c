import { z } from 'zod';
import { listPageSchema } from './list-page.js';

/** A snapshot from `GET /snapshots/detail` or `GET /snapshots/{id}`. Loose: clouds add fields. */
export const snapshotSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullable(),
  status: z.string(),
  size: z.number().int().nonnegative(),
  volume_id: z.string(),
  created_at: z.string(),
  updated_at: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  metadata: z.record(z.string(), z.string()).optional(),
  /** Percent done as Cinder reports it, e.g. "45%". */
  'os-extended-snapshot-attributes:progress': z.string().nullable().optional(),
  'os-extended-snapshot-attributes:project_id': z.string().optional(),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

export const snapshotListSchema = listPageSchema('snapshots', snapshotSchema);
export const snapshotEnvelopeSchema = z.object({ snapshot: snapshotSchema });

/** The progress of a snapshot as a number 0-100, when the cloud reports it. */
export function snapshotProgress(snapshot: Snapshot): number | undefined {
  const raw = snapshot['os-extended-snapshot-attributes:progress'];
  const match = raw ? /^(\d{1,3})%?$/.exec(raw.trim()) : null;
  return match ? Math.min(100, Number(match[1])) : undefined;
}
