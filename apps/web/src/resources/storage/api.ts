import {
  backendCapabilitiesSchema,
  backupRecordSchema,
  cinderServiceListSchema,
  manageableSnapshotListSchema,
  manageableVolumeListSchema,
  poolListSchema,
  type BackupRecordExport,
  type CinderService,
  type Manageable,
} from '@cinder-console/cinder';
import { queryOptions } from '@tanstack/react-query';
import { apiJson, apiVoid } from '../../lib/api-client';
import { adminKeyRoots } from '../../lib/query-keys';

/** What changes a service: turning it on or off (with a reason), freezing or thawing a volume backend. */
export type ServiceChange =
  { kind: 'enable' } | { kind: 'disable'; reason: string } | { kind: 'freeze' } | { kind: 'thaw' };

const enc = encodeURIComponent;

const STORAGE = adminKeyRoots.storage;

/** The admin's storage reads; the services and pools refetch every 30 s, as heartbeats do. */
export const storageQueries = {
  all: () => STORAGE,
  services: () =>
    queryOptions({
      queryKey: [...STORAGE, 'services'] as const,
      queryFn: ({ signal }) => apiJson('/api/cinder/os-services', cinderServiceListSchema, { signal }),
      select: (body) => body.services,
      refetchInterval: 30_000,
    }),
  pools: () =>
    queryOptions({
      queryKey: [...STORAGE, 'pools'] as const,
      queryFn: ({ signal }) => apiJson('/api/cinder/scheduler-stats/get_pools?detail=true', poolListSchema, { signal }),
      select: (body) => body.pools,
      refetchInterval: 30_000,
    }),
  capabilities: (host: string) =>
    queryOptions({
      queryKey: [...STORAGE, 'capabilities', host] as const,
      queryFn: ({ signal }) => apiJson(`/api/cinder/capabilities/${enc(host)}`, backendCapabilitiesSchema, { signal }),
    }),
  /** What a backend holds (3.8), Cinder's own volumes or snapshots included as not safe to manage. */
  manageable: (kind: 'volumes' | 'snapshots', host: string) =>
    queryOptions({
      queryKey: [...STORAGE, 'manageable', kind, host] as const,
      queryFn: async ({ signal }): Promise<Manageable[]> => {
        const path = `/api/cinder/manageable_${kind}/detail?host=${enc(host)}`;
        return kind === 'volumes'
          ? (await apiJson(path, manageableVolumeListSchema, { signal }))['manageable-volumes']
          : (await apiJson(path, manageableSnapshotListSchema, { signal }))['manageable-snapshots'];
      },
    }),
};

const volumeAction = (id: string, body: Record<string, unknown>) =>
  apiVoid(`/api/cinder/volumes/${enc(id)}/action`, { method: 'POST', body });

/** The admin's storage changes. */
export const storageCalls = {
  changeService: (service: CinderService, change: ServiceChange) => {
    if (change.kind === 'freeze' || change.kind === 'thaw')
      return apiVoid(`/api/cinder/os-services/${change.kind}`, { method: 'PUT', body: { host: service.host } });
    const path = change.kind === 'enable' ? 'enable' : 'disable-log-reason';
    const body = {
      host: service.host,
      binary: service.binary,
      ...(change.kind === 'disable' ? { disabled_reason: change.reason } : {}),
    };
    return apiVoid(`/api/cinder/os-services/${path}`, { method: 'PUT', body });
  },
  migrate: (id: string, body: unknown) => volumeAction(id, { 'os-migrate_volume': body }),
  unmanageVolume: (id: string) => volumeAction(id, { 'os-unmanage': {} }),
  unmanageSnapshot: (id: string) =>
    apiVoid(`/api/cinder/snapshots/${enc(id)}/action`, { method: 'POST', body: { 'os-unmanage': {} } }),
  manageVolume: (body: unknown) => apiVoid('/api/cinder/manageable_volumes', { method: 'POST', body }),
  manageSnapshot: (body: unknown) => apiVoid('/api/cinder/manageable_snapshots', { method: 'POST', body }),
  exportBackup: async (id: string): Promise<BackupRecordExport> =>
    (await apiJson(`/api/cinder/backups/${enc(id)}/export_record`, backupRecordSchema))['backup-record'],
  importBackup: (body: unknown) => apiVoid('/api/cinder/backups/import_record', { method: 'POST', body }),
};

/** `host@backend#pool` → `host@backend`, the cinder-volume service that serves the pool. */
export const backendOfPool = (pool: string) => pool.split('#')[0]!;
