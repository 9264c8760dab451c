import { useQuery } from '@tanstack/react-query';
import { projectQueries } from '../../project/api';
import { imageMinSize, sourceQueries, type SourceOption } from '../source-options';

export type VolumeSource = 'blank' | 'image' | 'snapshot' | 'volume' | 'backup';

/**
 * The sources of the chosen kind, each with its least size and, for volumes and snapshots, the
 * type the new volume keeps (a snapshot's is its volume's).
 */
export function useSourceOptions(source: VolumeSource, imagesAvailable: boolean): SourceOption[] {
  const images = useQuery({ ...projectQueries.images(), enabled: source === 'image' && imagesAvailable });
  const snapshots = useQuery({ ...sourceQueries.snapshots(), enabled: source === 'snapshot' });
  const volumes = useQuery({ ...sourceQueries.volumes(), enabled: source === 'volume' || source === 'snapshot' });
  const backups = useQuery({ ...sourceQueries.backups(), enabled: source === 'backup' });
  switch (source) {
    case 'image':
      return (images.data ?? []).map((image) => ({
        value: image.id,
        label: image.name ? `${image.name} (${image.disk_format ?? ''})` : image.id,
        minSize: imageMinSize(image),
      }));
    case 'snapshot': {
      const typeOf = new Map((volumes.data ?? []).map((volume) => [volume.value, volume.type]));
      return (snapshots.data ?? []).map((option) => ({
        ...option,
        type: option.volumeId ? typeOf.get(option.volumeId) : undefined,
      }));
    }
    case 'volume':
      return volumes.data ?? [];
    case 'backup':
      return backups.data ?? [];
    default:
      return [];
  }
}
