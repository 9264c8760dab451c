import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useCloudAbilities } from './capabilities';
import { fetchAllPages, fetchListPage, type ListSpec } from './cinder-list';
import { useListView } from './list-view';

/** How often a list that failed to load is asked for again. */
const RETRY_FAILED_LIST_MS = 5_000;

/** The query key of every list page of a kind: live updates and mutations reach them all through it. */
export const listKey = (kind: string) => [kind, 'list'] as const;
export const detailKey = (kind: string, id: string) => [kind, 'detail', id] as const;

/**
 * A resource table's data: the view from the URL, the page Cinder returns for it (the previous
 * page stays on screen while the next loads), and a loader of every page for export.
 */
export function useResourceList<T extends { id: string }>(spec: ListSpec<T>) {
  const filterKeys = useMemo(() => ['name', ...spec.filters.map((filter) => filter.key)], [spec]);
  const sortKeys = useMemo(() => Object.keys(spec.sortKeys), [spec]);
  const controls = useListView(filterKeys, sortKeys);
  const abilities = useCloudAbilities();
  const { hiddenColumns: _hidden, ...fetched } = controls.view;
  const page = useQuery({
    queryKey: [...listKey(spec.key), fetched] as const,
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
