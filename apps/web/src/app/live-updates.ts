import { volumeSchema, type LiveEvent, type Volume } from '@cinder-console/cinder';
import type { QueryClient } from '@tanstack/react-query';
import { volumeQueries } from '../features/volumes/api';

/**
 * Writes a pushed change into the query cache, so rows change in place with no refetch: a
 * changed volume replaces its row, a new one is added, a deleted one disappears. Kinds without a
 * cached page yet are simply marked stale.
 */
export function applyLiveEvent(queryClient: QueryClient, event: LiveEvent): void {
  if (event.kind !== 'volume') {
    void queryClient.invalidateQueries({ queryKey: [`${event.kind}s`] });
    return;
  }
  const key = volumeQueries.list().queryKey;
  if ('deleted' in event) {
    queryClient.setQueryData<Volume[]>(key, (rows) => rows?.filter((row) => row.id !== event.id));
    return;
  }
  const parsed = volumeSchema.safeParse(event.resource);
  if (!parsed.success) return;
  queryClient.setQueryData<Volume[]>(key, (rows) => {
    if (!rows) return rows;
    const index = rows.findIndex((row) => row.id === event.id);
    if (index < 0) return [parsed.data, ...rows];
    const next = [...rows];
    next[index] = parsed.data;
    return next;
  });
}
