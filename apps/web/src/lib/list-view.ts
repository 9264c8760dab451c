import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useLocation, useNavigate, useNavigationType, useSearchParams } from 'react-router-dom';

export const PAGE_SIZES = [20, 50, 100, 200] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
const DEFAULT_PAGE_SIZE: PageSize = 50;

export interface SortOrder {
  key: string;
  dir: 'asc' | 'desc';
}

/**
 * What a resource table shows, all of it kept in the URL so a copied link reproduces the view:
 * `?size=50&sort=name:asc&status=available&marker=<id>&hide=az,encrypted`.
 */
export interface ListView {
  pageSize: PageSize;
  /** The id after which this page starts; absent on the first page. */
  marker: string | undefined;
  sort: SortOrder | undefined;
  filters: Record<string, string>;
  /** Columns the user hid; undefined when the URL does not say, so the table's defaults apply. */
  hiddenColumns: string[] | undefined;
}

/** Markers of the pages before this one, so "previous" works without re-reading from the start. */
interface PagerState {
  previousMarkers?: Array<string | undefined>;
}

function parseSort(raw: string | null, sortKeys: readonly string[]): SortOrder | undefined {
  const [key, dir] = (raw ?? '').split(':');
  if (!key || !sortKeys.includes(key)) return undefined;
  return { key, dir: dir === 'asc' ? 'asc' : 'desc' };
}

function parsePageSize(raw: string | null): PageSize {
  const size = Number(raw);
  return (PAGE_SIZES as readonly number[]).includes(size) ? (size as PageSize) : DEFAULT_PAGE_SIZE;
}

/** The view an address's query describes (unknown keys and values are left out). */
export function parseListView(
  params: URLSearchParams,
  filterKeys: readonly string[],
  sortKeys: readonly string[],
): ListView {
  const filters: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return {
    pageSize: parsePageSize(params.get('size')),
    marker: params.get('marker') ?? undefined,
    sort: parseSort(params.get('sort'), sortKeys),
    filters,
    hiddenColumns: params.has('hide') ? (params.get('hide') ?? '').split(',').filter(Boolean) : undefined,
  };
}

export interface ListViewControls {
  view: ListView;
  setFilter(key: string, value: string | undefined): void;
  setSort(sort: SortOrder | undefined): void;
  setPageSize(size: PageSize): void;
  setHiddenColumns(columns: string[]): void;
  nextPage(marker: string): void;
  previousPage(): void;
  firstPage(): void;
  hasPrevious: boolean;
  /** 1-based number of this page; undefined when a link opened the table mid-way. */
  pageNumber: number | undefined;
}

/**
 * Reads and writes a table's view in the URL. Changing a filter, the order or the page size goes
 * back to the first page, since a marker only means something within one ordering.
 */
export function useListView(filterKeys: readonly string[], sortKeys: readonly string[]): ListViewControls {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const previousMarkers = (location.state as PagerState | null)?.previousMarkers ?? [];

  const view = useMemo(() => parseListView(params, filterKeys, sortKeys), [params, filterKeys, sortKeys]);

  // The search of a navigation asked for but not yet in the address bar. The router's navigations
  // finish asynchronously, so a second quick change (a sort click right after a filter) must build
  // on the first one's search, not on the address as it still is, or the first change is lost.
  // Back and forward replace whatever was asked for.
  const requested = useRef<string | undefined>(undefined);
  const navigationType = useNavigationType();
  useEffect(() => {
    if (requested.current === location.search || navigationType === 'POP') requested.current = undefined;
  }, [location.key, location.search, navigationType]);

  const go = useCallback(
    (change: (next: URLSearchParams) => void, state: PagerState = {}, replace = false) => {
      const next = new URLSearchParams(requested.current ?? window.location.search);
      change(next);
      const search = next.toString();
      requested.current = search ? `?${search}` : '';
      void navigate({ search }, { state, replace });
    },
    [navigate],
  );

  return {
    view,
    setFilter: (key, value) =>
      go(
        (next) => {
          if (value) next.set(key, value);
          else next.delete(key);
          next.delete('marker');
        },
        {},
        true,
      ),
    setSort: (sort) =>
      go((next) => {
        if (sort) next.set('sort', `${sort.key}:${sort.dir}`);
        else next.delete('sort');
        next.delete('marker');
      }),
    setPageSize: (size) =>
      go((next) => {
        next.set('size', String(size));
        next.delete('marker');
      }),
    setHiddenColumns: (columns) => go((next) => next.set('hide', columns.join(',')), { previousMarkers }, true),
    nextPage: (marker) =>
      go((next) => next.set('marker', marker), { previousMarkers: [...previousMarkers, view.marker] }),
    previousPage: () =>
      go(
        (next) => {
          const previous = previousMarkers.at(-1);
          if (previous) next.set('marker', previous);
          else next.delete('marker');
        },
        { previousMarkers: previousMarkers.slice(0, -1) },
      ),
    firstPage: () => go((next) => next.delete('marker')),
    hasPrevious: view.marker !== undefined,
    pageNumber: view.marker === undefined ? 1 : previousMarkers.length > 0 ? previousMarkers.length + 1 : undefined,
  };
}
