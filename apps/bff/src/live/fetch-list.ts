import { supportsMinor, type LiveKind } from '@cinder-console/cinder';
import { upstreamFetch } from '../keystone/upstream-fetch.js';
import type { SessionRecord } from '../session/session.js';
import type { ListResult } from './poller.js';

const COLLECTIONS: Record<LiveKind, string> = {
  volume: 'volumes',
  snapshot: 'snapshots',
  backup: 'backups',
  group: 'groups',
  group_snapshot: 'group_snapshots',
};
/**
 * Kinds whose API appears at a microversion (groups 3.13, group snapshots 3.14): below it Cinder
 * answers 404, so the relay does not ask, and the kind simply has no rows.
 */
const SINCE_MINOR: Partial<Record<LiveKind, number>> = { group: 13, group_snapshot: 14 };
/** Cinder's largest page (`osapi_max_limit`'s default). */
const PAGE = 1000;

/** Which rows a look asks for. */
export interface ListQuery {
  /** Every project's rows (`all_tenants=1`): an admin's all-projects stream. */
  allProjects?: boolean;
  /** Only rows updated at or after this time (`updated_at=gte:…`, microversion 3.60). */
  updatedSince?: string;
  /** Only the first `newestFirst` rows, newest change first (`sort=updated_at:desc`). */
  newestFirst?: number;
  /** The summary list (`id`, `name`, links): enough to see which rows exist, much cheaper than the detail. */
  idsOnly?: boolean;
}

/** One list call for a kind, as the session sees it. */
export async function fetchList(
  session: SessionRecord,
  kind: LiveKind,
  query: ListQuery,
  timeoutMs: number,
): Promise<ListResult> {
  const collection = COLLECTIONS[kind];
  if (!servesKind(session, kind)) return { rows: [], complete: true };
  const headers: Record<string, string> = { 'X-Auth-Token': session.token, Accept: 'application/json' };
  if (session.volumeApi.microversion) headers['OpenStack-API-Version'] = `volume ${session.volumeApi.microversion}`;
  const params = new URLSearchParams({ limit: String(query.newestFirst ?? PAGE) });
  if (query.newestFirst) params.set('sort', 'updated_at:desc');
  if (query.allProjects) params.set('all_tenants', '1');
  if (query.updatedSince) params.set('updated_at', `gte:${query.updatedSince}`);
  // A group's events carry its volume ids (3.25), as the console's group pages read them.
  if (kind === 'group' && atLeast(session, 25)) params.set('list_volume', 'true');
  const path = query.idsOnly ? collection : `${collection}/detail`;
  const response = await upstreamFetch('cinder', `${session.volumeApi.url}/${path}?${params}`, { headers, timeoutMs });
  const body = (await response.json()) as Record<string, unknown>;
  const rows = (body[collection] ?? []) as ListResult['rows'];
  const links = body[`${collection}_links`] as Array<{ rel: string }> | undefined;
  // A next link on a short page is Cinder's with_count quirk; only a full page may have more behind it.
  // A newest-first page is complete by design: the lister judges whether it reaches back far enough.
  return { rows, complete: Boolean(query.newestFirst) || rows.length < PAGE || !links?.some((l) => l.rel === 'next') };
}

/**
 * How the relay can ask a cloud for a kind's changed rows only: `filter` with `updated_at=gte:`
 * (Cinder's resource_filters.json gives members that filter on volumes, from microversion 3.60),
 * `sorted` with the first page sorted by `updated_at` (any kind, any version).
 */
export type DeltaMode = 'filter' | 'sorted';

export function deltaModeOf(session: SessionRecord, kind: LiveKind): DeltaMode {
  return kind === 'volume' && takesTimeFilters(session) ? 'filter' : 'sorted';
}

function atLeast(session: SessionRecord, wanted: number): boolean {
  return supportsMinor(session.volumeApi.microversion, wanted);
}

/** Whether the session's Cinder serves the kind's API at its microversion. */
function servesKind(session: SessionRecord, kind: LiveKind): boolean {
  const since = SINCE_MINOR[kind];
  return since === undefined || atLeast(session, since);
}

/** Whether the session's Cinder takes `updated_at` comparison filters (microversion 3.60). */
function takesTimeFilters(session: SessionRecord): boolean {
  return atLeast(session, 60);
}
