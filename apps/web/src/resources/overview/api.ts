import { listPageSchema } from '@cinder-console/cinder';
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '../../lib/api-client';
import { changeFollowerKeys } from '../../lib/query-keys';

/** The kinds the overview counts, each one list call. */
export type CountedKind = 'volumes' | 'snapshots' | 'backups';

/** Cinder's largest page (`osapi_max_limit`); a project with more says "at least". */
const COUNT_PAGE = 1000;

/** All the overview needs of a resource: its status. */
const statusOnlySchema = z.looseObject({ id: z.string(), status: z.string() });

export interface StatusCounts {
  /** Every resource of the kind, when the cloud counts them (3.45 `with_count`), else those on the page. */
  total: number;
  /** Statuses with how many are in each, most first. */
  byStatus: Array<{ status: string; count: number }>;
  /** The page was full and the cloud did not count: there are more than `total`, in unknown statuses. */
  partial: boolean;
}

async function fetchStatusCounts(kind: CountedKind, withCount: boolean, signal: AbortSignal): Promise<StatusCounts> {
  const query = new URLSearchParams({ limit: String(COUNT_PAGE) });
  if (withCount) query.set('with_count', 'true');
  const page = await apiJson(`/api/cinder/${kind}/detail?${query}`, listPageSchema(kind, statusOnlySchema), { signal });
  const items = page[kind];
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.status, (counts.get(item.status) ?? 0) + 1);
  const more = page[`${kind}_links`]?.some((link) => link.rel === 'next') ?? false;
  return {
    total: page.count ?? items.length,
    byStatus: [...counts].map(([status, count]) => ({ status, count })).sort((a, b) => b.count - a.count),
    partial: more && page.count === undefined,
  };
}

/** How many audit entries the overview shows. */
export const RECENT_ACTIVITY = 20;

/**
 * The overview's data. Its keys follow changes (`changeFollowerKeys`), so the counts and the
 * activity follow what happens elsewhere.
 */
export const overviewQueries = {
  statusCounts: (kind: CountedKind, withCount: boolean) =>
    queryOptions({
      queryKey: changeFollowerKeys.statusCounts(kind, withCount),
      queryFn: ({ signal }) => fetchStatusCounts(kind, withCount, signal),
    }),
};
