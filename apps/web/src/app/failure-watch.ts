import type { Capabilities } from '@cinder-console/cinder';
import type { QueryClient } from '@tanstack/react-query';
import { capabilitiesQuery } from '../lib/capabilities';
import { resourceQueryKind } from '../lib/query-keys';
import { noticeAsyncFailure } from './failure-notice';

type Resource = { id: string; name?: string | null; status: string };

const isResource = (value: unknown): value is Resource =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Resource).id === 'string' &&
  typeof (value as Resource).status === 'string';

/** The resources a list page (`{items}`) or a detail holds; pickers' raw bodies are left out. */
function resourcesIn(data: unknown): Resource[] {
  const items = (data as { items?: unknown } | undefined)?.items;
  if (Array.isArray(items)) return items.filter(isResource);
  return isResource(data) ? [data] : [];
}

/**
 * Tells an asynchronous failure (a volume the console saw extending, now error_extending) however
 * the console learns of it: a live event, or a list or detail fetch that happened to read the
 * failed status first. Watching only the live events missed the failure whenever a refetch won
 * that race, since the event then found the error already shown. Each resource's last status seen
 * is kept; a change from a non-error status to an error one is told once. Returns the unsubscribe.
 */
export function watchFailures(queryClient: QueryClient): () => void {
  const lastSeen = new Map<string, string>();
  return queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success') return;
    // Every Cinder kind's failures are told (each has a name in `live.kinds`).
    const kind = resourceQueryKind(event.query.queryKey);
    if (!kind) return;
    for (const resource of resourcesIn(event.action.data)) {
      const key = `${kind}/${resource.id}`;
      const previous = lastSeen.get(key);
      lastSeen.set(key, resource.status);
      if (previous === undefined || previous === resource.status) continue;
      const capabilities = queryClient.getQueryData<Capabilities>(capabilitiesQuery().queryKey);
      void noticeAsyncFailure(kind, resource, previous, {
        // A cloud without user messages (v2) is not asked why; the failure is still told.
        askWhy: capabilities?.features.messages !== false,
      });
    }
  });
}
