import { nextMarker } from '@cinder-console/cinder';
import type { z } from 'zod';
import { apiJson } from './api-client';
import { ApiError } from './api-error';
import type { CloudAbilities } from './capabilities';
import type { ListView } from './list-view';
import type { CinderKind } from './query-keys';

/** Cinder's largest page (`osapi_max_limit`). */
const MAX_PAGE = 1000;

/** A filter of a resource table: its URL key and the Cinder query parameter it becomes. */
export interface FilterSpec {
  key: string;
  param: string;
  /** Only admins may filter on it (not in the cloud's `resource_filters.json` for members). */
  adminOnly?: boolean;
}

/**
 * The admin's view across projects, shared by the volumes, snapshots and backups lists: Cinder's
 * `all_tenants=1` (silently ignored for anyone else) and, with it, a filter on `project_id`, which
 * Cinder applies only together with `all_tenants`.
 */
export const ALL_PROJECTS_FILTERS: readonly FilterSpec[] = [
  { key: 'allProjects', param: 'all_tenants', adminOnly: true },
  { key: 'project', param: 'project_id', adminOnly: true },
];

/**
 * How one resource kind is listed. `_Row` names the type of its rows where a spec is declared, so
 * the table using it infers its row type (a label only: nothing checks it against `schema`).
 */
export interface ListSpec<_Row> {
  /** `/api/cinder/volumes/detail` */
  path: string;
  /** The collection key in the response (`volumes`), and the kind its query keys belong to. */
  key: CinderKind;
  schema: z.ZodType<Record<string, unknown>>;
  filters: readonly FilterSpec[];
  /** Column ids the cloud can sort by, mapped to Cinder's sort keys. */
  sortKeys: Readonly<Record<string, string>>;
}

export interface ListPage<T> {
  items: T[];
  nextMarker: string | undefined;
  /** Total matching the filter (3.45 `with_count`), when the cloud tells. */
  count: number | undefined;
  /** `exact` when the cloud refused the "contains" name filter and names are matched whole. */
  nameMatch: 'contains' | 'exact' | undefined;
}

/** A whole list read in one call as one page, so that live updates patch its rows in place like a table's. */
export function wholeListPage<T>(items: T[]): ListPage<T> {
  return { items, nextMarker: undefined, count: undefined, nameMatch: undefined };
}

function buildQuery<T>(spec: ListSpec<T>, view: ListView, abilities: CloudAbilities, likeName: boolean, limit: number) {
  const query = new URLSearchParams({ limit: String(limit) });
  if (view.marker) query.set('marker', view.marker);
  if (view.sort) query.set('sort', `${spec.sortKeys[view.sort.key] ?? view.sort.key}:${view.sort.dir}`);
  if (abilities.features.withCount) query.set('with_count', 'true');
  const { name, ...others } = view.filters;
  if (name) query.set(likeName ? 'name~' : 'name', name);
  for (const filter of spec.filters) {
    const value = others[filter.key];
    if (value && (!filter.adminOnly || abilities.admin)) query.set(filter.param, value);
  }
  return query;
}

/** Cinder's answer when its policy does not let this user filter names by "contains". */
function refusedLikeFilter(error: unknown): boolean {
  return error instanceof ApiError && error.status === 400 && /name~/.test(error.message);
}

/**
 * One page of a Cinder list in the table's view. Names are filtered by "contains" where the
 * cloud allows it (3.34 and policy); a cloud that refuses gets the exact name instead, and the
 * page says so.
 */
export async function fetchListPage<T>(
  spec: ListSpec<T>,
  view: ListView,
  abilities: CloudAbilities,
  signal: AbortSignal,
  limit: number = view.pageSize,
): Promise<ListPage<T>> {
  const wantsName = Boolean(view.filters.name);
  const load = async (likeName: boolean) => {
    const query = buildQuery(spec, view, abilities, likeName, limit);
    return apiJson(`${spec.path}?${query}`, spec.schema, { signal });
  };
  let nameMatch: ListPage<T>['nameMatch'] = wantsName ? (abilities.likeFilter ? 'contains' : 'exact') : undefined;
  let body: Record<string, unknown>;
  try {
    body = await load(nameMatch === 'contains');
  } catch (error) {
    if (!(nameMatch === 'contains' && refusedLikeFilter(error))) throw error;
    nameMatch = 'exact';
    body = await load(false);
  }
  const items = body[spec.key] as T[];
  const links = body[`${spec.key}_links`] as Array<{ rel: string; href: string }> | undefined;
  const count = typeof body.count === 'number' ? body.count : undefined;
  // With `with_count` Cinder links "next" from the last page too; the count tells the truth.
  const more = items.length > 0 && (count === undefined || items.length === limit) ? nextMarker(links) : undefined;
  return { items, nextMarker: more, count, nameMatch };
}

/**
 * Every item matching the view, page by page (for CSV export). Where the cloud counts
 * (`with_count`), it goes on until it holds that many, whatever size the pages come in: a cloud
 * whose `osapi_max_limit` is below the size asked for answers shorter pages, which a table would
 * read as its last. Either way it stops when a page adds nothing new: Cinder also links "next"
 * from a last page that happens to be full.
 */
export async function fetchAllPages<T extends { id: string }>(
  spec: ListSpec<T>,
  view: ListView,
  abilities: CloudAbilities,
  signal: AbortSignal,
): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let marker: string | undefined;
  do {
    const page = await fetchListPage(spec, { ...view, marker }, abilities, signal, MAX_PAGE);
    const fresh = page.items.filter((item) => !seen.has(item.id));
    for (const item of fresh) seen.add(item.id);
    items.push(...fresh);
    // Cinder's markers are item ids: the next page starts after the last one of this page.
    const more = page.count !== undefined ? items.length < page.count : page.nextMarker !== undefined;
    marker = fresh.length > 0 && more ? page.items.at(-1)!.id : undefined;
  } while (marker);
  return items;
}
