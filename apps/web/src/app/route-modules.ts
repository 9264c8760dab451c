import type { QueryClient } from '@tanstack/react-query';

/** A page's module: the page, and what starts its data before it renders (list pages). */
export interface PageModule {
  default: React.ComponentType;
  /** Loads the page's first data, for the view the address's `search` describes (default: none). */
  prefetch?: (queryClient: QueryClient, search?: string) => Promise<void>;
}

/** The signed-in pages by path, each loaded on demand (routes.tsx) or ahead of a click (prefetchRoute). */
export const PAGES = {
  overview: () => import('../features/overview/overview-page'),
  volumes: () => import('../features/volumes/volumes-page'),
  'volumes/:volumeId': () => import('../features/volumes/volume-detail-page'),
  snapshots: () => import('../features/snapshots/snapshots-page'),
  'snapshots/:snapshotId': () => import('../features/snapshots/snapshot-detail-page'),
  backups: () => import('../features/backups/backups-page'),
  'backups/:backupId': () => import('../features/backups/backup-detail-page'),
  'volume-types': () => import('../features/volume-types/volume-types-page'),
  'volume-types/:typeId': () => import('../features/volume-types/volume-type-detail-page'),
  qos: () => import('../features/qos/qos-page'),
  quotas: () => import('../features/quotas/quotas-page'),
  audit: () => import('../features/audit/audit-page'),
  // Generic volume groups (#20).
  groups: () => import('../features/groups/groups-page'),
  'groups/:groupId': () => import('../features/groups/group-detail-page'),
  'group-snapshots': () => import('../features/group-snapshots/group-snapshots-page'),
  'group-snapshots/:groupSnapshotId': () => import('../features/group-snapshots/group-snapshot-detail-page'),
  'group-types': () => import('../features/group-types/group-types-page'),
  storage: () => import('../features/storage/storage-page'),
  'application-credentials': () => import('../features/application-credentials/application-credentials-page'),
} satisfies Record<string, () => Promise<PageModule>>;

/**
 * Loads a page's code, then starts its first list call, when a link to it is hovered or focused:
 * by the click, both are on their way or there. Loading twice costs nothing: the browser keeps
 * the module, and the query cache the data for its stale time.
 */
export function prefetchRoute(path: string, queryClient: QueryClient): void {
  const load = (PAGES as Record<string, () => Promise<PageModule>>)[path.replace(/^\//, '')];
  if (!load) return;
  load().then(
    (module) => module.prefetch?.(queryClient),
    () => undefined, // The click will load it again and show the error, if there still is one.
  );
}
