import { VOLUME_LIFECYCLE, type Volume } from '@cinder-console/cinder';
import type { MenuAction } from '../../components/action-menu';
import { CreateBackupForm } from '../../resources/backups/dialogs/create-backup-dialog';
import { useRepairActions } from '../../resources/repair/repair-actions';
import { CreateSnapshotForm } from '../../resources/snapshots/dialogs/create-snapshot-dialog';
import { useStorageActions } from '../../resources/storage/storage-actions';
import { useVolumeActions } from '../../resources/volumes/volume-actions';
import { useVolumeDialogAction } from '../../resources/volumes/volume-dialog-action';

/**
 * Every action on one volume: the volume kind's own, with a snapshot and a backup of it after
 * "extend", and the administrator's repair and storage actions last (hidden for members, since no
 * member may ever use them). Composed here, above the kinds, so that none of them imports another
 * in a circle. The row menu and the detail page show the same list.
 */
export function useVolumeMenu(onDeleted?: () => void): (volume: Volume) => MenuAction[] {
  const own = useVolumeActions(onDeleted);
  // Both forms can force an in-use volume.
  const snapshot = useVolumeDialogAction('snapshot', VOLUME_LIFECYCLE.snapshot, CreateSnapshotForm, { force: true });
  const backup = useVolumeDialogAction('backup', VOLUME_LIFECYCLE.backup, CreateBackupForm, { force: true });
  const repair = useRepairActions();
  const storage = useStorageActions();
  return (volume) => {
    const actions = own(volume);
    const afterExtend = actions.findIndex((action) => action.key === 'extend') + 1;
    actions.splice(afterExtend, 0, snapshot(volume), backup(volume));
    return [...actions, ...repair.volume(volume, onDeleted), ...storage.volume(volume, onDeleted)];
  };
}
