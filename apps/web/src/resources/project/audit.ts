import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '../../lib/api-client';

const auditEntrySchema = z.looseObject({
  time: z.string(),
  user: z.object({ name: z.string() }),
  action: z.string(),
  result: z.enum(['success', 'failure']),
  status: z.number(),
  requestId: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** The console's audit trail for one resource (the BFF's `GET /api/audit?target=`). */
export const auditQueries = {
  forTarget: (id: string) =>
    queryOptions({
      queryKey: ['overview', 'audit', id] as const,
      queryFn: ({ signal }) =>
        apiJson(
          `/api/audit?target=${encodeURIComponent(id)}&limit=100`,
          z.object({ entries: z.array(auditEntrySchema) }),
          {
            signal,
          },
        ),
      select: (body) => body.entries,
    }),
};
