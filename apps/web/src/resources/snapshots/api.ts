import {
  snapshotEnvelopeSchema,
  snapshotListSchema,
  volumeListSchema,
  type ActionRule,
  type Snapshot,
} from '@cinder-console/cinder';
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson, apiVoid } from '../../lib/api-client';
import { ALL_PROJECTS_FILTERS, type ListSpec } from '../../lib/cinder-list';
import { cinderKeys } from '../../lib/query-keys';

/** The snapshots list: the filters members may use (Cinder's `resource_filters.json`) and sortable columns. */
export const snapshotListSpec: ListSpec<Snapshot> = {
  path: '/api/cinder/snapshots/detail',
  key: 'snapshots',
  schema: snapshotListSchema,
  filters: [{ key: 'status', param: 'status' }, { key: 'volume', param: 'volume_id' }, ...ALL_PROJECTS_FILTERS],
  // Cinder takes the sort key `name` for snapshots only from 3.30; the column behind it,
  // `display_name`, sorts at every version, v2 included (as for backups).
  sortKeys: { name: 'display_name', status: 'status', size: 'size', created: 'created_at' },
};

/** Every status Cinder gives a snapshot that a member may see and filter on. */
export const SNAPSHOT_STATUSES = [
  'available',
  'creating',
  'deleting',
  'error',
  'error_deleting',
  'backing-up',
  'restoring',
  'unmanaging',
] as const;

/**
 * A new volume copies a snapshot only when it is `available` (`volume/api.py`, "Originating
 * snapshot status must be one of 'available' values"). The shared lifecycle table has no entry
 * for it yet, so the rule lives here in the table's shape.
 */
export const CREATE_VOLUME_FROM_SNAPSHOT: ActionRule = {
  from: ['available'],
  transitional: 'previous',
  end: 'previous',
  failure: 'previous',
};

/** Huawei EVS rolls a volume back to any of its `available` snapshots, at any microversion. */
export const VENDOR_ROLLBACK_FROM_SNAPSHOT: ActionRule = {
  from: ['available'],
  transitional: 'rollbacking',
  end: 'available',
  failure: 'available',
};

const snapshotPath = (id: string) => `/api/cinder/snapshots/${encodeURIComponent(id)}`;

/** `PUT /snapshots/{id}/metadata` answers with the metadata it stored. */
const metadataEnvelopeSchema = z.object({ metadata: z.record(z.string(), z.string()) });

export const snapshotQueries = {
  detail: (id: string) =>
    queryOptions({
      queryKey: cinderKeys('snapshots').detail(id),
      queryFn: async ({ signal }) => (await apiJson(snapshotPath(id), snapshotEnvelopeSchema, { signal })).snapshot,
    }),
  /**
   * The volumes a snapshot can be taken of, for the create dialog's picker, among the volumes'
   * pickers so changes mark it stale. Read afresh whenever a dialog opens: which volumes qualify
   * depends on their status, and a live update that patches the pages leaves this body marked
   * fresh but unchanged.
   */
  volumeChoices: () =>
    queryOptions({
      queryKey: cinderKeys('volumes').picker('snapshot-sources'),
      queryFn: ({ signal }) => apiJson('/api/cinder/volumes/detail?limit=1000', volumeListSchema, { signal }),
      refetchOnMount: 'always',
      select: (body) => body.volumes.filter((volume) => volume.status === 'available' || volume.status === 'in-use'),
    }),
};

export interface SnapshotCreateInput {
  volume_id: string;
  name?: string;
  description?: string;
  /** Only `true` is ever sent: from 3.66 Cinder refuses `force: false`. */
  force?: true;
  metadata?: Record<string, string>;
}

export const snapshotCalls = {
  create: (snapshot: SnapshotCreateInput) =>
    apiJson('/api/cinder/snapshots', snapshotEnvelopeSchema, { method: 'POST', body: { snapshot } }),
  update: (id: string, snapshot: { name: string | null; description: string | null }) =>
    apiJson(snapshotPath(id), snapshotEnvelopeSchema, { method: 'PUT', body: { snapshot } }),
  /** Replaces the whole metadata (PUT); keys left out are removed. */
  replaceMetadata: (id: string, metadata: Record<string, string>) =>
    apiJson(`${snapshotPath(id)}/metadata`, metadataEnvelopeSchema, { method: 'PUT', body: { metadata } }),
  remove: (id: string) => apiVoid(snapshotPath(id), { method: 'DELETE' }),
};
