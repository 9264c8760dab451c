import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '../../lib/api-client';
import { changeFollowerKeys } from '../../lib/query-keys';

/** One entry of the console's audit trail (the BFF's `GET /api/audit`). */
const auditEntrySchema = z.looseObject({
  time: z.string(),
  user: z.looseObject({ id: z.string().optional(), name: z.string() }),
  project: z.looseObject({ id: z.string(), name: z.string() }),
  region: z.string().nullable(),
  action: z.string(),
  target: z.looseObject({ kind: z.string(), id: z.string().nullable() }),
  result: z.enum(['success', 'failure']),
  status: z.number(),
  requestId: z.string(),
  /** An asynchronous action's end, as the live relay saw it: `pending`, a status, or `deleted`. */
  outcome: z.string().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
const auditListSchema = z.object({ entries: z.array(auditEntrySchema) });

/** The filters the BFF takes; `since`/`until` are ISO date-times. */
export const AUDIT_FILTERS = ['project', 'user', 'action', 'result', 'since', 'until'] as const;
export type AuditFilters = Partial<Record<(typeof AUDIT_FILTERS)[number], string>>;

/** The newest entries the page asks for at once (the BFF's maximum). */
export const AUDIT_LIMIT = 1000;

/**
 * The audit trail, newest first. Its keys follow changes (`changeFollowerKeys`), so every change
 * made through the console refreshes it. The BFF narrows a member's query to their own project whatever is asked.
 */
export const auditListQueries = {
  list: (filters: AuditFilters) =>
    queryOptions({
      queryKey: changeFollowerKeys.auditList(filters),
      queryFn: ({ signal }) => {
        const query = new URLSearchParams({ limit: String(AUDIT_LIMIT) });
        for (const key of AUDIT_FILTERS) if (filters[key]) query.set(key, filters[key]);
        return apiJson(`/api/audit?${query}`, auditListSchema, { signal });
      },
      select: (body) => body.entries,
    }),
  /** The newest `limit` entries (the overview's recent activity). */
  recent: (limit: number) =>
    queryOptions({
      queryKey: changeFollowerKeys.auditRecent(limit),
      queryFn: ({ signal }) => apiJson(`/api/audit?limit=${limit}`, auditListSchema, { signal }),
      select: (body) => body.entries,
    }),
  /** What was done to one resource through the console. */
  forTarget: (id: string) =>
    queryOptions({
      queryKey: changeFollowerKeys.auditOfTarget(id),
      queryFn: ({ signal }) =>
        apiJson(`/api/audit?target=${encodeURIComponent(id)}&limit=100`, auditListSchema, { signal }),
      select: (body) => body.entries,
    }),
};

/** The console page of an audited target, when it has one. */
export function targetPath(target: AuditEntry['target']): string | undefined {
  if (!target.id) return undefined;
  if (target.kind === 'quota_set') return `/quotas?project=${encodeURIComponent(target.id)}`;
  const base = { volume: '/volumes', snapshot: '/snapshots', backup: '/backups' }[target.kind];
  return base ? `${base}/${encodeURIComponent(target.id)}` : undefined;
}
