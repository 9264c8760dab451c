import type { Request, Response } from 'express';
import { markCinderResponse } from './faults.js';

/** Cinder's `osapi_max_limit`: the default and the cap for `limit`. */
const MAX_LIMIT = 1000;

export type PageParams = { limit: number; marker: string | undefined } | { error: string };

/** Reads `limit` and `marker` as `api/common.py` does, with its messages. */
export function pageParams(req: Request): PageParams {
  const rawLimit = req.query.limit;
  let limit = MAX_LIMIT;
  if (rawLimit !== undefined) {
    if (typeof rawLimit !== 'string' || !/^-?\d+$/.test(rawLimit)) return { error: 'limit param must be an integer' };
    limit = Number(rawLimit);
    if (limit < 0) return { error: 'limit param must be positive' };
    limit = Math.min(limit, MAX_LIMIT);
  }
  const marker = typeof req.query.marker === 'string' ? req.query.marker : undefined;
  return { limit, marker };
}

/**
 * The `next` link of `ViewBuilder._get_collection_links`: present whenever the page is full, so
 * with `with_count` (count ≥ limit) it appears on the last page too, a quirk clients must tolerate.
 */
function nextLink(
  req: Request,
  baseUrl: string,
  items: Array<{ id: string }>,
  limit: number,
  count: number | undefined,
): Array<{ rel: string; href: string }> | undefined {
  if (items.length === 0 || limit > (count ?? items.length)) return undefined;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(req.query)) {
    if (key !== 'marker' && typeof value === 'string') params.append(key, value);
  }
  params.append('marker', items[items.length - 1]!.id);
  return [{ rel: 'next', href: `${baseUrl}${req.path}?${params.toString()}` }];
}

/**
 * Sends a page of a collection as Cinder's ViewBuilder does: `{<collection>: [...]}`, the next
 * link under `<collection>_links` when there is one, and `count` when `with_count` asked for it.
 */
export function sendPage<T extends { id: string }>(
  req: Request,
  res: Response,
  collection: string,
  page: { items: T[]; limit: number; count: number | undefined },
  render: (item: T) => unknown,
  linkPrefix: string,
): void {
  const body: Record<string, unknown> = { [collection]: page.items.map(render) };
  const links = nextLink(req, linkPrefix, page.items, page.limit, page.count);
  if (links) body[`${collection}_links`] = links;
  if (page.count !== undefined) body.count = page.count;
  markCinderResponse(res);
  res.json(body);
}
