import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { cinderKeys, type CinderKind } from './query-keys';

const PLURAL: Record<string, CinderKind> = { volume: 'volumes', snapshot: 'snapshots', backup: 'backups' };

/** The name of the resource `id` in a cached value: a detail, a list page, or a list of either. */
function nameIn(value: unknown, id: string, depth = 0): string | undefined {
  if (!value || typeof value !== 'object' || depth > 3) return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = nameIn(item, id, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const record = value as Record<string, unknown>;
  if (record.id === id) return typeof record.name === 'string' && record.name ? record.name : undefined;
  for (const nested of Object.values(record)) {
    if (nested && typeof nested === 'object') {
      const found = nameIn(nested, id, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** What the console already read about `kind` `id`, without a request of its own. */
function knownName(queryClient: QueryClient, kind: string, id: string): string | undefined {
  const key = PLURAL[kind];
  if (!key) return undefined;
  for (const [, data] of queryClient.getQueriesData({ queryKey: cinderKeys(key).all })) {
    const found = nameIn(data, id);
    if (found) return found;
  }
  return undefined;
}

/** The name of a resource the console has seen (a list or detail it loaded), where it is known. */
export function useKnownName(kind: string, id: string | null): string | undefined {
  const queryClient = useQueryClient();
  return id ? knownName(queryClient, kind, id) : undefined;
}
