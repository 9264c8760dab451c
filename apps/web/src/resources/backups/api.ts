import {
  backupEnvelopeSchema,
  backupListSchema,
  backupRestoreResultSchema,
  backupSchema,
  snapshotListSchema,
  volumeListSchema,
  type Backup,
} from '@cinder-console/cinder';
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson, apiVoid } from '../../lib/api-client';
import { ALL_PROJECTS_FILTERS, wholeListPage, type ListSpec } from '../../lib/cinder-list';
import { cinderKeys } from '../../lib/query-keys';

/** The backups list: the filters members may use (`resource_filters.json`: name, status, volume_id). */
export const backupListSpec: ListSpec<Backup> = {
  path: '/api/cinder/backups/detail',
  key: 'backups',
  schema: backupListSchema,
  filters: [{ key: 'status', param: 'status' }, { key: 'volume', param: 'volume_id' }, ...ALL_PROJECTS_FILTERS],
  // `name` is a backup sort key only from 3.37; the column behind it, `display_name`, sorts at every version.
  sortKeys: { name: 'display_name', status: 'status', size: 'size', created: 'created_at' },
};

/** Statuses a backup can have in Cinder (objects/fields.py `BackupStatus`, less `deleted`, which lists never show). */
export const BACKUP_STATUSES = ['creating', 'available', 'deleting', 'error', 'error_deleting', 'restoring'] as const;

/** Create and update answer with the summary view only (`{id, name, links}`), not the detail. */
const backupSummaryEnvelopeSchema = z.object({ backup: backupSchema.pick({ id: true, name: true }) });

const backupPath = (id: string) => `/api/cinder/backups/${encodeURIComponent(id)}`;
const CHOICES_LIMIT = 1000;

/**
 * Dialog pickers read afresh each time a dialog opens: the live relay patches rows they hold, but
 * a volume made since they were last read is only in the lists that were on screen then.
 */
const PICKER_STALE_TIME = 0;

export const backupQueries = {
  detail: (id: string) =>
    queryOptions({
      queryKey: cinderKeys('backups').detail(id),
      queryFn: async ({ signal }) => (await apiJson(backupPath(id), backupEnvelopeSchema, { signal })).backup,
    }),
  /** A volume's backups: whether an incremental backup has a parent to build on. */
  ofVolume: (volumeId: string) =>
    queryOptions({
      queryKey: cinderKeys('backups').page('of-volume', volumeId),
      queryFn: async ({ signal }) => {
        const query = new URLSearchParams({ volume_id: volumeId, limit: String(CHOICES_LIMIT) });
        return wholeListPage(
          (await apiJson(`/api/cinder/backups/detail?${query}`, backupListSchema, { signal })).backups,
        );
      },
      staleTime: PICKER_STALE_TIME,
    }),
};

/** The pickers of the backup dialogs: volumes to back up or restore onto, snapshots to back up. */
export const backupChoiceQueries = {
  volumes: () =>
    queryOptions({
      queryKey: cinderKeys('volumes').page('backup-choices'),
      queryFn: async ({ signal }) =>
        wholeListPage(
          (await apiJson(`/api/cinder/volumes/detail?limit=${CHOICES_LIMIT}`, volumeListSchema, { signal })).volumes,
        ),
      staleTime: PICKER_STALE_TIME,
    }),
  snapshotsOf: (volumeId: string) =>
    queryOptions({
      queryKey: cinderKeys('snapshots').page('backup-choices', volumeId),
      queryFn: async ({ signal }) => {
        const query = new URLSearchParams({ volume_id: volumeId, limit: String(CHOICES_LIMIT) });
        return wholeListPage(
          (await apiJson(`/api/cinder/snapshots/detail?${query}`, snapshotListSchema, { signal })).snapshots,
        );
      },
      staleTime: PICKER_STALE_TIME,
    }),
};

export interface BackupCreateInput {
  volume_id: string;
  snapshot_id?: string;
  name?: string;
  description?: string;
  incremental: boolean;
  force: boolean;
  container?: string;
}

/** Where a restore writes: a new volume (optionally named) or an existing one, overwritten. */
export type RestoreTarget = { volume_id: string } | { name?: string };

export const backupCalls = {
  create: (backup: BackupCreateInput) =>
    apiJson('/api/cinder/backups', backupSummaryEnvelopeSchema, { method: 'POST', body: { backup } }),
  update: (id: string, backup: { name: string | null; description: string | null }) =>
    apiJson(backupPath(id), backupSummaryEnvelopeSchema, { method: 'PUT', body: { backup } }),
  restore: (id: string, restore: RestoreTarget) =>
    apiJson(`${backupPath(id)}/restore`, backupRestoreResultSchema, { method: 'POST', body: { restore } }),
  remove: (id: string) => apiVoid(backupPath(id), { method: 'DELETE' }),
};
