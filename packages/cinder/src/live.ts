import { z } from 'zod';

export const LIVE_KINDS = ['volume', 'snapshot', 'backup', 'group', 'group_snapshot'] as const;
export type LiveKind = (typeof LIVE_KINDS)[number];

/**
 * One change pushed over `GET /api/events` (server-sent events, `event: change`): a resource
 * appeared or changed (`resource` is its detail view as the cloud sent it), or it is gone.
 */
export const liveEventSchema = z.union([
  z.object({
    kind: z.enum(LIVE_KINDS),
    id: z.string(),
    status: z.string(),
    resource: z.looseObject({ id: z.string(), status: z.string() }),
  }),
  z.object({ kind: z.enum(LIVE_KINDS), id: z.string(), deleted: z.literal(true) }),
]);
export type LiveEvent = z.infer<typeof liveEventSchema>;
