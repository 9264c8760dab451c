import { backupListSchema, snapshotListSchema, volumeListSchema } from '@cinder-console/cinder';
import { queryOptions } from '@tanstack/react-query';
import { apiJson } from '../../lib/api-client';
import { cinderKeys } from '../../lib/query-keys';

/**
 * A resource a new volume can start from, with the least size the new volume may have and, for
 * volumes and snapshots, the source's volume type (a multi-backend cloud refuses another type).
 */
export interface SourceOption {
  value: string;
  label: string;
  minSize: number;
  type?: string | undefined;
  /** A snapshot's volume, whose type the snapshot's new volume takes. */
  volumeId?: string;
}

const GiB = 1024 ** 3;
const label = (name: string | null | undefined, id: string) => (name ? `${name} (${id.slice(0, 8)})` : id);

/** Pickers for the create-volume dialog: only sources in a state Cinder can copy from. */
export const sourceQueries = {
  snapshots: () =>
    queryOptions({
      queryKey: cinderKeys('snapshots').picker('sources'),
      queryFn: ({ signal }) =>
        apiJson('/api/cinder/snapshots/detail?status=available&limit=1000', snapshotListSchema, { signal }),
      select: (body): SourceOption[] =>
        body.snapshots.map((s) => ({
          value: s.id,
          label: label(s.name, s.id),
          minSize: s.size,
          volumeId: s.volume_id,
        })),
    }),
  volumes: () =>
    queryOptions({
      queryKey: cinderKeys('volumes').picker('sources'),
      queryFn: ({ signal }) => apiJson('/api/cinder/volumes/detail?limit=1000', volumeListSchema, { signal }),
      select: (body): SourceOption[] =>
        body.volumes
          .filter((v) => v.status === 'available' || v.status === 'in-use')
          .map((v) => ({ value: v.id, label: label(v.name, v.id), minSize: v.size, type: v.volume_type ?? undefined })),
    }),
  backups: () =>
    queryOptions({
      queryKey: cinderKeys('backups').picker('sources'),
      queryFn: ({ signal }) =>
        apiJson('/api/cinder/backups/detail?status=available&limit=1000', backupListSchema, { signal }),
      select: (body): SourceOption[] =>
        body.backups.map((b) => ({ value: b.id, label: label(b.name, b.id), minSize: b.size })),
    }),
};

/** The least volume size for an image: its `min_disk`, or its size rounded up to whole GiB. */
export function imageMinSize(image: {
  size?: number | null | undefined;
  min_disk?: number | null | undefined;
}): number {
  return Math.max(1, image.min_disk ?? 0, Math.ceil((image.size ?? 0) / GiB));
}
