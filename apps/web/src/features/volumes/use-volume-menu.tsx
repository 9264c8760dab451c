import type { Volume } from '@cinder-console/cinder';
import type { MenuAction } from '../../components/action-menu';
import { useBackUpVolumeAction } from '../../resources/backups/back-up-volume-action';
import { useRepairActions } from '../../resources/repair/repair-actions';
import { useSnapshotVolumeAction } from '../../resources/snapshots/snapshot-volume-action';
import { useStorageActions } from '../../resources/storage/storage-actions';
import { useVolumeActions } from '../../resources/volumes/volume-actions';

/**
 * Every action on one volume: the volume kind's own, with a snapshot and a backup of it after
 * "extend", and the administrator's repair and storage actions last (hidden for members, since no
 * member may ever use them). Composed here, above the kinds, so that none of them imports another
 * in a circle. The row menu and the detail page show the same list.
 */
export function useVolumeMenu(onDeleted?: () => void): (volume: Volume) => MenuAction[] {
  const own = useVolumeActions(onDeleted);
  const snapshot = useSnapshotVolumeAction();
  const backup = useBackUpVolumeAction();
  const repair = useRepairActions();
  const storage = useStorageActions();
  return (volume) => {
    const actions = own(volume);
    const afterExtend = actions.findIndex((action) => action.key === 'extend') + 1;
    actions.splice(afterExtend, 0, snapshot(volume), backup(volume));
    return [...actions, ...repair.volume(volume, onDeleted), ...storage.volume(volume, onDeleted)];
  };
}
