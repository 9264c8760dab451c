import type { QueryClient } from '@tanstack/react-query';

/** The signed-in session: the one query that outlives a change of project, cloud or user. */
export const SESSION_KEY = ['session'] as const;

/** The Cinder kinds the live relay follows, by their collection names in the API. */
const CINDER_KINDS = ['volumes', 'snapshots', 'backups', 'groups', 'group_snapshots'] as const;
export type CinderKind = (typeof CINDER_KINDS)[number];

const isCinderKind = (value: unknown): value is CinderKind => CINDER_KINDS.includes(value as CinderKind);

/** Whether a query key is a kind's list page or detail: the queries that hold resources as Cinder shows them. */
export function resourceQueryKind(queryKey: readonly unknown[]): CinderKind | undefined {
  const [kind, group] = queryKey;
  return isCinderKind(kind) && (group === 'list' || group === 'detail') ? kind : undefined;
}

/**
 * The query keys of one Cinder kind. Which group a query joins decides what keeps it current:
 * - `pages`: list pages (`ListPage`), patched in place by live events (app/live-updates.ts);
 * - `pickers`: raw list bodies behind choosers and sub-lists, refetched on any change of the kind;
 * - `detail(id)`: one resource, replaced by live events.
 */
export const cinderKeys = (kind: CinderKind) => ({
  all: [kind] as const,
  pages: [kind, 'list'] as const,
  page: (...parts: readonly unknown[]) => [kind, 'list', ...parts] as const,
  pickers: [kind, 'picker'] as const,
  picker: (...parts: readonly unknown[]) => [kind, 'picker', ...parts] as const,
  detail: (id: string) => [kind, 'detail', id] as const,
});

/**
 * Queries whose answers any change to Cinder resources may alter: quotas and usage, status counts,
 * the audit trail. Mutations and live events refresh them all through this one prefix.
 */
const FOLLOWS_CHANGES = ['follows-changes'] as const;

export const changeFollowerKeys = {
  all: FOLLOWS_CHANGES,
  statusCounts: (kind: CinderKind, withCount: boolean) =>
    [...FOLLOWS_CHANGES, 'status-counts', kind, { withCount }] as const,
  quotas: (projectId: string) => [...FOLLOWS_CHANGES, 'quotas', projectId] as const,
  defaultQuotaClass: () => [...FOLLOWS_CHANGES, 'quota-class', 'default'] as const,
  auditList: (filters: unknown) => [...FOLLOWS_CHANGES, 'audit', 'list', filters] as const,
  auditRecent: (limit: number) => [...FOLLOWS_CHANGES, 'audit', 'recent', limit] as const,
  auditOfTarget: (id: string) => [...FOLLOWS_CHANGES, 'audit', 'target', id] as const,
};

/**
 * The first element of every key of the admin's kinds, each defined by its resource's query
 * factory: a change refreshes all of a kind's queries through its root, and a change to one kind
 * may refresh another's without the two importing each other (a type's change shows in QoS).
 */
export const adminKeyRoots = {
  volumeTypes: ['volume-types'] as const,
  qosSpecs: ['qos-specs'] as const,
  groupTypes: ['group-types'] as const,
  storage: ['storage'] as const,
};

/** After a change through the console: every list and picker of the kinds it touched, and what follows changes. */
export function refreshAfterChange(queryClient: QueryClient, kinds: readonly CinderKind[]): void {
  for (const kind of kinds) {
    void queryClient.invalidateQueries({ queryKey: cinderKeys(kind).pages });
    void queryClient.invalidateQueries({ queryKey: cinderKeys(kind).pickers });
  }
  void queryClient.invalidateQueries({ queryKey: changeFollowerKeys.all });
}
