import { groupSnapshotEnvelopeSchema, groupSnapshotListSchema, snapshotListSchema } from '@cinder-console/cinder';
import { queryOptions } from '@tanstack/react-query';
import { apiJson, apiVoid } from '../../lib/api-client';
import { wholeListPage } from '../../lib/cinder-list';
import { cinderKeys } from '../../lib/query-keys';

const snapshotPath = (id: string) => `/api/cinder/group_snapshots/${encodeURIComponent(id)}`;

export const groupSnapshotQueries = {
  /** `allProjects`: an admin's view of every project (`all_tenants=1`). */
  list: (allProjects = false) =>
    queryOptions({
      queryKey: cinderKeys('group_snapshots').page('all', allProjects),
      queryFn: async ({ signal }) =>
        wholeListPage(
          (
            await apiJson(
              `/api/cinder/group_snapshots/detail${allProjects ? '?all_tenants=1' : ''}`,
              groupSnapshotListSchema,
              { signal },
            )
          ).group_snapshots,
        ),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: cinderKeys('group_snapshots').detail(id),
      queryFn: async ({ signal }) =>
        (await apiJson(snapshotPath(id), groupSnapshotEnvelopeSchema, { signal })).group_snapshot,
    }),
  /**
   * The volume snapshots a group snapshot is made of (`group_snapshot_id`, 3.14), read from the
   * project's snapshots: members may not filter on it (`resource_filters.json`).
   */
  members: (id: string) =>
    queryOptions({
      queryKey: cinderKeys('snapshots').picker('group-snapshot', id),
      queryFn: ({ signal }) => apiJson('/api/cinder/snapshots/detail?limit=1000', snapshotListSchema, { signal }),
      select: (body) => body.snapshots.filter((snapshot) => snapshot.group_snapshot_id === id),
    }),
};

export const groupSnapshotCalls = {
  remove: (id: string) => apiVoid(snapshotPath(id), { method: 'DELETE' }),
};
