import {
  snapshotListSchema,
  backupListSchema,
  transferEnvelopeSchema,
  transferListSchema,
  volumeEnvelopeSchema,
  volumeListSchema,
  type Volume,
} from '@cinder-console/cinder';
import { queryOptions } from '@tanstack/react-query';
import { apiJson, apiVoid } from '../../lib/api-client';
import { ALL_PROJECTS_FILTERS, wholeListPage, type ListSpec } from '../../lib/cinder-list';
import { cinderKeys } from '../../lib/query-keys';

/** The volumes list: filters members may use (Cinder's `resource_filters.json`) and sortable columns. */
export const volumeListSpec: ListSpec<Volume> = {
  path: '/api/cinder/volumes/detail',
  key: 'volumes',
  schema: volumeListSchema,
  filters: [
    { key: 'status', param: 'status' },
    { key: 'bootable', param: 'bootable' },
    { key: 'az', param: 'availability_zone' },
    // By id: `volume_type` is not a column, so Cinder matches nothing with it even for admins.
    { key: 'type', param: 'volume_type_id', adminOnly: true },
    ...ALL_PROJECTS_FILTERS,
  ],
  sortKeys: { name: 'name', status: 'status', size: 'size', az: 'availability_zone', created: 'created_at' },
};

/** The Cinder API the session speaks (`capabilities.volumeApi.major`); 3 until it is known. */
export type VolumeApiMajor = number | undefined;

/** Transfers are `/volume-transfers` on v3; a v2 cloud has only the older `/os-volume-transfer`. */
const transfersPath = (api: VolumeApiMajor) => `/api/cinder/${api === 2 ? 'os-volume-transfer' : 'volume-transfers'}`;

const volumePath = (id: string) => `/api/cinder/volumes/${encodeURIComponent(id)}`;

export const volumeQueries = {
  detail: (id: string) =>
    queryOptions({
      queryKey: cinderKeys('volumes').detail(id),
      queryFn: async ({ signal }) => (await apiJson(volumePath(id), volumeEnvelopeSchema, { signal })).volume,
    }),
  snapshotsOf: (id: string) =>
    queryOptions({
      queryKey: cinderKeys('snapshots').page({ volume: id }),
      queryFn: async ({ signal }) => {
        const page = await apiJson(
          `/api/cinder/snapshots/detail?volume_id=${encodeURIComponent(id)}`,
          snapshotListSchema,
          { signal },
        );
        return wholeListPage(page.snapshots);
      },
    }),
  backupsOf: (id: string) =>
    queryOptions({
      queryKey: cinderKeys('backups').page({ volume: id }),
      queryFn: async ({ signal }) => {
        const page = await apiJson(`/api/cinder/backups/detail?volume_id=${encodeURIComponent(id)}`, backupListSchema, {
          signal,
        });
        return wholeListPage(page.backups);
      },
    }),
};

export interface VolumeCreateInput {
  name?: string;
  description?: string;
  size: number;
  volume_type?: string;
  availability_zone?: string;
  metadata?: Record<string, string>;
  snapshot_id?: string;
  source_volid?: string;
  backup_id?: string;
  imageRef?: string;
}

export const volumeCalls = {
  create: (volume: VolumeCreateInput) =>
    apiJson('/api/cinder/volumes', volumeEnvelopeSchema, { method: 'POST', body: { volume } }),
  update: (
    id: string,
    volume: { name?: string | null; description?: string | null; metadata?: Record<string, string> },
  ) => apiJson(volumePath(id), volumeEnvelopeSchema, { method: 'PUT', body: { volume } }),
  /** One volume action (`os-extend`, `revert`, ...): an action body has exactly one key. */
  action: (id: string, action: string, body: unknown) =>
    apiVoid(`${volumePath(id)}/action`, { method: 'POST', body: { [action]: body } }),
  remove: (id: string, cascade: boolean) =>
    apiVoid(`${volumePath(id)}${cascade ? '?cascade=true' : ''}`, { method: 'DELETE' }),
  createTransfer: (api: VolumeApiMajor, volumeId: string, name: string) =>
    apiJson(transfersPath(api), transferEnvelopeSchema, {
      method: 'POST',
      body: { transfer: { volume_id: volumeId, name } },
    }),
  acceptTransfer: (api: VolumeApiMajor, transferId: string, authKey: string) =>
    apiVoid(`${transfersPath(api)}/${encodeURIComponent(transferId)}/accept`, {
      method: 'POST',
      body: { accept: { auth_key: authKey } },
    }),
  /** Cancels the pending transfer of a volume; only the transfer's id is needed, so it is looked up first. */
  cancelTransferOf: async (api: VolumeApiMajor, volumeId: string) => {
    const { transfers } = await apiJson(`${transfersPath(api)}/detail`, transferListSchema);
    const pending = transfers.find((transfer) => transfer.volume_id === volumeId);
    if (!pending) throw new Error(`No pending transfer for volume ${volumeId}.`);
    await apiVoid(`${transfersPath(api)}/${encodeURIComponent(pending.id)}`, { method: 'DELETE' });
  },
};
