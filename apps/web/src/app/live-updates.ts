import type { LiveEvent } from '@cinder-console/cinder';
import type { Query, QueryClient } from '@tanstack/react-query';
import type { ListPage } from '../lib/cinder-list';
import { detailKey, listKey } from '../lib/use-resource-list';

type Row = { id: string };

/** List caches hold pages (`{items}`); pickers under the same key keep the cloud's raw body and refetch instead. */
const isPage = (data: unknown): data is ListPage<Row> =>
  typeof data === 'object' && data !== null && Array.isArray((data as ListPage<Row>).items);

/**
 * Writes a pushed change into the query cache so rows change in place with no refetch: a changed
 * resource replaces its row on every cached page and its detail view, a deleted one disappears.
 * A resource no cached page holds is new: the lists refetch, since only the cloud knows where it
 * falls in each order and filter. Quotas and the overview follow any creation or deletion.
 */
const pickerOnly = (query: Query) => !isPage(query.state.data);

/**
 * A list or detail fetch under way when a change arrives may have left before the change happened: its
 * answer would write the old state back over the new one (a deleted row back into the table, a
 * row back to "creating" with no further event to correct it). Such fetches start afresh.
 */
function restartFetchesUnderWay(queryClient: QueryClient, queryKey: readonly unknown[]): void {
  if (queryClient.isFetching({ queryKey }) === 0) return;
  void queryClient.invalidateQueries({ queryKey, predicate: (query) => query.state.fetchStatus === 'fetching' });
}

export function applyLiveEvent(queryClient: QueryClient, event: LiveEvent): void {
  const kind = `${event.kind}s`;
  restartFetchesUnderWay(queryClient, listKey(kind));
  restartFetchesUnderWay(queryClient, detailKey(kind, event.id));
  if ('deleted' in event) {
    queryClient.setQueriesData<ListPage<Row> | undefined>({ queryKey: listKey(kind) }, (page) =>
      // `undefined` leaves a cache untouched; returning it unchanged would count as a fresh write.
      isPage(page) && page.items.some((row) => row.id === event.id)
        ? { ...page, items: page.items.filter((row) => row.id !== event.id) }
        : undefined,
    );
    void queryClient.invalidateQueries({ queryKey: listKey(kind), predicate: pickerOnly });
    queryClient.removeQueries({ queryKey: detailKey(kind, event.id) });
    void queryClient.invalidateQueries({ queryKey: ['overview'] });
    return;
  }
  // A failure it reveals is told by the failure watch (failure-watch.ts), which sees this write.
  const resource = event.resource as Row;
  let known = false;
  queryClient.setQueriesData<ListPage<Row> | undefined>({ queryKey: listKey(kind) }, (page) => {
    if (!isPage(page)) return undefined;
    const index = page.items.findIndex((row) => row.id === event.id);
    if (index < 0) return undefined;
    known = true;
    const items = [...page.items];
    items[index] = resource;
    return { ...page, items };
  });
  if (queryClient.getQueryData(detailKey(kind, event.id)))
    queryClient.setQueryData(detailKey(kind, event.id), resource);
  // Pickers (raw bodies, e.g. "volumes that can be backed up") depend on statuses: they refetch too.
  void queryClient.invalidateQueries({
    queryKey: listKey(kind),
    predicate: (query) => !known || pickerOnly(query),
  });
  void queryClient.invalidateQueries({ queryKey: ['overview'] });
}
