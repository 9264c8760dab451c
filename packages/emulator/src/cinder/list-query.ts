import type { Request, Response } from 'express';
import { badRequest, notFound } from './errors.js';
import { pageParams } from './pagination.js';
import { boolQuery, callerOf, versionAtLeast } from './request.js';

/** Query parameters that steer the listing rather than filter it. */
const CONTROL_PARAMS = new Set([
  'limit',
  'marker',
  'offset',
  'sort',
  'sort_key',
  'sort_dir',
  'with_count',
  'all_tenants',
]);

export interface ListSpec<T> {
  /** Filters non-admins may use (`resource_filters.json` for this resource). */
  allowedFilters: readonly string[];
  /** Whether `item` passes filter `key=value`; `undefined` when the resource has no such column. */
  matches: (item: T, key: string, value: string, res: Response) => boolean | undefined;
  /** The keys this request may sort by (some arrive with a microversion). */
  sortKeys: (res: Response) => readonly string[];
  /** The value to sort by for one of `sortKeys`. */
  sortValue: (item: T, key: string) => string | number | null | undefined;
  markerNotFound: (marker: string) => string;
}

export type SortTerm = { key: string; dir: 'asc' | 'desc' };

/** `sort` or `sort_key`/`sort_dir` as `common.get_sort_params` reads them, with the created_at/id tie-breakers. */
export function parseSort(req: Request): SortTerm[] {
  const { sort, sort_key: sortKey, sort_dir: sortDir } = req.query;
  if (sort !== undefined && (sortKey !== undefined || sortDir !== undefined)) {
    throw badRequest(
      "The 'sort_key' and 'sort_dir' parameters are deprecated and cannot be used with the 'sort' parameter.",
    );
  }
  const terms: SortTerm[] = [];
  if (typeof sort === 'string') {
    for (const part of sort.split(',')) {
      const [key = '', dir = 'desc'] = part.trim().split(':');
      terms.push({ key: key.trim(), dir: dir.trim() as SortTerm['dir'] });
    }
  } else if (typeof sortKey === 'string') {
    const dirs = typeof sortDir === 'string' ? sortDir.split(',') : [];
    sortKey
      .split(',')
      .forEach((key, index) =>
        terms.push({ key: key.trim(), dir: (dirs[index]?.trim() || 'desc') as SortTerm['dir'] }),
      );
  }
  for (const term of terms) {
    if (term.dir !== 'asc' && term.dir !== 'desc') {
      throw badRequest("Invalid input received: Unknown sort direction, must be 'desc' or 'asc'.");
    }
  }
  // Cinder always breaks ties by created_at then id, newest first.
  if (!terms.some((t) => t.key === 'created_at')) terms.push({ key: 'created_at', dir: 'desc' });
  if (!terms.some((t) => t.key === 'id')) terms.push({ key: 'id', dir: 'desc' });
  return terms;
}

export function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  return a < b ? -1 : 1;
}

/** The filters the request names, after Cinder's rules for who may use which (`reject_invalid_filters`). */
function requestFilters(req: Request, res: Response, allowed: readonly string[]): Array<[string, string]> {
  const filters = Object.entries(req.query)
    .filter(([key, value]) => !CONTROL_PARAMS.has(key) && typeof value === 'string')
    .map(([key, value]) => [key, value as string] as [string, string]);
  if (callerOf(res).isAdmin) return filters;
  const invalid = filters.filter(([key]) => !allowed.includes(key)).map(([key]) => key);
  if (invalid.length === 0) return filters;
  // Before 3.31 unknown filters from non-admins are silently dropped; from 3.31 they are refused.
  if (!versionAtLeast(res, 31)) return filters.filter(([key]) => allowed.includes(key));
  throw badRequest(`Invalid filters ${invalid.join(',')} are found in query options.`);
}

/**
 * Filters, sorts and pages a collection as `api/common.py` does, and returns the page with what
 * the view needs for its next link and `count`.
 */
export function listQuery<T extends { id: string }>(req: Request, res: Response, items: T[], spec: ListSpec<T>) {
  const page = pageParams(req);
  if ('error' in page) throw badRequest(page.error);
  const filters = requestFilters(req, res, spec.allowedFilters);
  let selected = items;
  for (const [key, value] of filters) {
    selected = selected.filter((item) => spec.matches(item, key, value, res) ?? false);
  }
  const terms = parseSort(req);
  const sortKeys = spec.sortKeys(res);
  for (const term of terms) {
    if (!sortKeys.includes(term.key)) throw badRequest('Invalid input received: Invalid sort key');
  }
  const sorted = [...selected].sort((a, b) => {
    for (const term of terms) {
      const order = compareValues(spec.sortValue(a, term.key), spec.sortValue(b, term.key));
      if (order !== 0) return term.dir === 'asc' ? order : -order;
    }
    return 0;
  });
  let start = 0;
  if (page.marker !== undefined) {
    const index = sorted.findIndex((item) => item.id === page.marker);
    if (index < 0) throw notFound(spec.markerNotFound(page.marker));
    start = index + 1;
  }
  const rawOffset = req.query.offset;
  if (rawOffset !== undefined) {
    // oslo's `validate_integer` texts (checked on the real rig).
    if (typeof rawOffset !== 'string' || !/^\s*[-+]?\d+\s*$/.test(rawOffset)) {
      throw badRequest('offset must be an integer');
    }
    if (Number(rawOffset) < 0) throw badRequest('offset must be >= 0');
    start += Number(rawOffset);
  }
  const withCount = versionAtLeast(res, 45) && boolQuery(req, 'with_count');
  return {
    items: sorted.slice(start, start + page.limit),
    limit: page.limit,
    count: withCount ? sorted.length : undefined,
  };
}

/** `all_tenants` is honoured for admins only and silently ignored for everyone else. */
export function wantsAllTenants(req: Request, res: Response): boolean {
  const value = req.query.all_tenants;
  return callerOf(res).isAdmin && value !== undefined && !['0', 'false', 'False'].includes(String(value));
}

/** `created_at`/`updated_at` filters from 3.60: `gt:2022-01-01T00:00:00,lte:...`, or an exact time before. */
export function matchesTime(value: Date | null, filter: string, res: Response): boolean {
  if (!versionAtLeast(res, 60)) return value !== null && value.toISOString().startsWith(filter.replace(' ', 'T'));
  return filter.split(',').every((part) => {
    const match = /^(gt|gte|lt|lte|eq|neq):(.+)$/.exec(part.trim());
    if (!match) throw badRequest(`Invalid input received: Invalid filter: ${part}`);
    const when = Date.parse(/Z|[+-]\d\d:?\d\d$/.test(match[2]!) ? match[2]! : `${match[2]}Z`);
    if (Number.isNaN(when)) throw badRequest(`Invalid input received: Invalid time: ${match[2]}`);
    if (value === null) return false;
    const t = value.getTime();
    return { gt: t > when, gte: t >= when, lt: t < when, lte: t <= when, eq: t === when, neq: t !== when }[
      match[1] as 'gt'
    ];
  });
}

/** `metadata={"k": "v"}` (a Python or JSON dict literal): every pair must be present. */
export function matchesMetadata(metadata: Record<string, string>, filter: string): boolean {
  let wanted: Record<string, unknown>;
  try {
    wanted = JSON.parse(filter.replaceAll("'", '"')) as Record<string, unknown>;
  } catch {
    throw badRequest(`Invalid input received: Invalid metadata filter: ${filter}`);
  }
  return Object.entries(wanted).every(([key, value]) => metadata[key] === String(value));
}
