import {
  groupCreatedSchema,
  groupSnapshotCreatedSchema,
  groupEnvelopeSchema,
  groupListSchema,
  volumeListSchema,
  type VolumeGroup,
} from '@cinder-console/cinder';
import { queryOptions } from '@tanstack/react-query';
import { apiJson, apiVoid } from '../../lib/api-client';
import { wholeListPage } from '../../lib/cinder-list';
import { cinderKeys } from '../../lib/query-keys';

const groupPath = (id: string) => `/api/cinder/groups/${encodeURIComponent(id)}`;

export const groupQueries = {
  /**
   * `allProjects`: an admin's view of every project (`all_tenants=1`). Read whole, as one page:
   * group lists take no member filters at all (`resource_filters.json` has none for groups, and
   * `with_count` would be refused), so the paged tables have nothing to offer them.
   */
  list: (allProjects = false) =>
    queryOptions({
      queryKey: cinderKeys('groups').page('all', allProjects),
      queryFn: async ({ signal }) =>
        wholeListPage(
          (
            await apiJson(
              `/api/cinder/groups/detail?list_volume=true${allProjects ? '&all_tenants=1' : ''}`,
              groupListSchema,
              { signal },
            )
          ).groups,
        ),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: cinderKeys('groups').detail(id),
      queryFn: async ({ signal }) =>
        (await apiJson(`${groupPath(id)}?list_volume=true`, groupEnvelopeSchema, { signal })).group,
    }),
  /**
   * A group's volumes: the ids the group lists (`list_volume=true`, 3.25) resolved against the
   * project's volumes, for their names and statuses (a `group_id` filter matches nothing in Zed).
   * Among the volumes' pickers, so that live volume changes refresh it.
   */
  volumes: (group: VolumeGroup) =>
    queryOptions({
      queryKey: cinderKeys('volumes').picker('group', group.id),
      queryFn: ({ signal }) => apiJson('/api/cinder/volumes/detail?limit=1000', volumeListSchema, { signal }),
      select: (body) => body.volumes.filter((volume) => group.volumes?.includes(volume.id)),
    }),
  /**
   * Volumes that may join the group: of one of its types (`typeRefs`: their ids and names, since a
   * volume names its type, and gives the id only from 3.63), in no group, available or in use.
   */
  candidates: (group: VolumeGroup, typeRefs: readonly string[]) =>
    queryOptions({
      queryKey: cinderKeys('volumes').picker('group-candidates', group.id, typeRefs),
      queryFn: ({ signal }) => apiJson('/api/cinder/volumes/detail?limit=1000', volumeListSchema, { signal }),
      refetchOnMount: 'always',
      select: (body) =>
        body.volumes.filter(
          (volume) =>
            !volume.group_id &&
            ['available', 'in-use'].includes(volume.status) &&
            (typeRefs.includes(volume.volume_type ?? '') || typeRefs.includes(String(volume.volume_type_id))),
        ),
    }),
};

export interface GroupCreateInput {
  name: string | null;
  description: string | null;
  group_type: string;
  volume_types: string[];
  availability_zone?: string;
}

export interface GroupSourceInput {
  name: string | null;
  description: string | null;
  group_snapshot_id?: string;
  source_group_id?: string;
}

export const groupCalls = {
  create: (group: GroupCreateInput) =>
    apiJson('/api/cinder/groups', groupCreatedSchema, { method: 'POST', body: { group } }),
  /** A new group cloned from a group snapshot or from another group (3.14). */
  createFromSource: (source: GroupSourceInput) =>
    apiJson('/api/cinder/groups/action', groupCreatedSchema, { method: 'POST', body: { 'create-from-src': source } }),
  update: (
    id: string,
    group: { name?: string | null; description?: string | null; add_volumes?: string; remove_volumes?: string },
  ) => apiVoid(groupPath(id), { method: 'PUT', body: { group } }),
  remove: (id: string, deleteVolumes: boolean) =>
    apiVoid(`${groupPath(id)}/action`, { method: 'POST', body: { delete: { 'delete-volumes': deleteVolumes } } }),
  /** A group snapshot (3.14): one snapshot of each of the group's volumes, at once. */
  snapshot: (snapshot: { group_id: string; name: string | null; description: string | null }) =>
    apiJson('/api/cinder/group_snapshots', groupSnapshotCreatedSchema, {
      method: 'POST',
      body: { group_snapshot: snapshot },
    }),
};
