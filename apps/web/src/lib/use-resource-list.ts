import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { abilitiesOf, capabilitiesQuery, useCloudAbilities } from './capabilities';
import { fetchAllPages, fetchListPage, type ListSpec } from './cinder-list';
import { parseListView, useListView, type ListView } from './list-view';
import { cinderKeys } from './query-keys';

/** How often a list that failed to load is asked for again. */
const RETRY_FAILED_LIST_MS = 5_000;

/** The list call of a table's view, as its query key holds it (what the view fetches, not how it shows). */
const fetchedView = ({ hiddenColumns: _hidden, ...fetched }: ListView) => fetched;

/**
 * Starts loading the first page of a table in the view `search` describes (the default view
 * without one), as the page will ask for it: on a link's hover or focus, so the rows are on their
 * way before the click, and before the page is drawn from the answer it came with (app/take-over.ts,
 * first-paint/render.tsx). Without the cloud's capabilities in the cache yet, it leaves the page to
 * load them.
 */
export async function prefetchFirstPage<T>(queryClient: QueryClient, spec: ListSpec<T>, search = ''): Promise<void> {
  const capabilities = queryClient.getQueryData(capabilitiesQuery().queryKey);
  if (!capabilities) return;
  const view = parseListView(new URLSearchParams(search), filterKeysOf(spec), Object.keys(spec.sortKeys));
  await queryClient.prefetchQuery({
    queryKey: cinderKeys(spec.key).page(fetchedView(view)),
    queryFn: ({ signal }) => fetchListPage(spec, view, abilitiesOf(capabilities), signal),
    // A failure here is the page's to tell once it opens (app/query-client.ts).
    meta: { prefetch: true },
  });
}

const filterKeysOf = (spec: ListSpec<unknown>) => ['name', ...spec.filters.map((filter) => filter.key)];

/**
 * A resource table's data: the view from the URL, the page Cinder returns for it (the previous
 * page stays on screen while the next loads), and a loader of every page for export.
 */
export function useResourceList<T extends { id: string }>(spec: ListSpec<T>) {
  const filterKeys = useMemo(() => filterKeysOf(spec), [spec]);
  const sortKeys = useMemo(() => Object.keys(spec.sortKeys), [spec]);
  const controls = useListView(filterKeys, sortKeys);
  const abilities = useCloudAbilities();
  const page = useQuery({
    queryKey: cinderKeys(spec.key).page(fetchedView(controls.view)),
    queryFn: ({ signal }) => fetchListPage(spec, controls.view, abilities!, signal),
    enabled: abilities !== undefined,
    placeholderData: keepPreviousData,
    // While the cloud fails (Cinder down, slow, erring), the page keeps the rows it had under the
    // error banner and tries again by itself, so that it recovers without a click when Cinder is back.
    refetchInterval: (query) => (query.state.status === 'error' ? RETRY_FAILED_LIST_MS : false),
  });
  const loadAll = (signal: AbortSignal) => fetchAllPages(spec, controls.view, abilities!, signal);
  return { controls, abilities, page, loadAll };
}
