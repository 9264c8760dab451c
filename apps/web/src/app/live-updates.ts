import type { LiveEvent } from '@cinder-console/cinder';
import type { QueryClient } from '@tanstack/react-query';
import type { ListPage } from '../lib/cinder-list';
import { changeFollowerKeys, cinderKeys, type CinderKind } from '../lib/query-keys';

type Row = { id: string };

/**
 * A list or detail fetch under way when a change arrives may have left before the change happened: its
 * answer would write the old state back over the new one (a deleted row back into the table, a
 * row back to "creating" with no further event to correct it). Such fetches start afresh.
 */
function restartFetchesUnderWay(queryClient: QueryClient, queryKey: readonly unknown[]): void {
  if (queryClient.isFetching({ queryKey }) === 0) return;
  void queryClient.invalidateQueries({ queryKey, predicate: (query) => query.state.fetchStatus === 'fetching' });
}

/**
 * Writes a pushed change into the query cache so rows change in place with no refetch: a changed
 * resource replaces its row on every cached page and its detail view, a deleted one disappears.
 * A resource no cached page holds is new: the pages refetch, since only the cloud knows where it
 * falls in each order and filter. Pickers depend on statuses and always refetch; what follows
 * changes (quotas, counts, the audit trail) follows any of them.
 */
export function applyLiveEvent(queryClient: QueryClient, event: LiveEvent): void {
  const keys = cinderKeys(`${event.kind}s` as CinderKind);
  restartFetchesUnderWay(queryClient, keys.pages);
  restartFetchesUnderWay(queryClient, keys.detail(event.id));
  void queryClient.invalidateQueries({ queryKey: keys.pickers });
  void queryClient.invalidateQueries({ queryKey: changeFollowerKeys.all });
  if ('deleted' in event) {
    queryClient.setQueriesData<ListPage<Row> | undefined>({ queryKey: keys.pages }, (page) =>
      // `undefined` leaves a cache untouched; returning it unchanged would count as a fresh write.
      page?.items.some((row) => row.id === event.id)
        ? { ...page, items: page.items.filter((row) => row.id !== event.id) }
        : undefined,
    );
    queryClient.removeQueries({ queryKey: keys.detail(event.id) });
    return;
  }
  // A failure it reveals is told by the failure watch (failure-watch.ts), which sees this write.
  const resource = event.resource as Row;
  let known = false;
  queryClient.setQueriesData<ListPage<Row> | undefined>({ queryKey: keys.pages }, (page) => {
    const index = page?.items.findIndex((row) => row.id === event.id) ?? -1;
    if (!page || index < 0) return undefined;
    known = true;
    const items = [...page.items];
    items[index] = resource;
    return { ...page, items };
  });
  if (queryClient.getQueryData(keys.detail(event.id))) queryClient.setQueryData(keys.detail(event.id), resource);
  if (!known) void queryClient.invalidateQueries({ queryKey: keys.pages });
}
