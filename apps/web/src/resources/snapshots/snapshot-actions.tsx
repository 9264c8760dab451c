import { SNAPSHOT_LIFECYCLE, type Snapshot } from '@cinder-console/cinder';
import { useTranslation } from 'react-i18next';
import type { MenuAction } from '../../components/action-menu';
import { useActionGate, useWriteGate } from '../../lib/action-gate';
import { useCloudAbilities } from '../../lib/capabilities';
import { openDialog } from '../../lib/open-dialog';
import { CREATE_VOLUME_FROM_SNAPSHOT } from './api';
import { DeleteSnapshotsForm } from './dialogs/delete-snapshots-dialog';
import { EditSnapshotForm } from './dialogs/edit-snapshot-dialog';
import { SnapshotMetadataForm } from './dialogs/snapshot-metadata-dialog';
import { useRepairActions } from '../repair/repair-actions';
import { useStorageActions } from '../storage/storage-actions';
import { CreateVolumeForm } from '../volumes/dialogs/create-volume-dialog';
import { RevertVolumeForm } from '../volumes/dialogs/revert-volume-dialog';
import { displayName } from '../../lib/display-name';
import { useRevertTarget } from './revert-target';

/**
 * The actions on a snapshot, each with whether it is possible now and why not, for the row menu
 * and the detail page alike: `(snapshot) => actions`, as for the other kinds. Only revert needs more
 * than the snapshot (its volume and the volume's other snapshots): they are read for `revertOf`,
 * the snapshot whose menu is open or whose page this is, not for every row of a page.
 */
export function useSnapshotActions(onDeleted?: () => void, revertOf?: Snapshot): (snapshot: Snapshot) => MenuAction[] {
  const { t } = useTranslation();
  const gateFor = useActionGate();
  const write = useWriteGate();
  const vendor = useCloudAbilities()?.features.vendorRollback === true;
  const revertTarget = useRevertTarget(revertOf);
  const repair = useRepairActions();
  const storage = useStorageActions();
  const notRead = { allowed: false, reason: t('snapshots.revert.loadingVolume') };
  return (snapshot) => {
    const name = displayName(snapshot);
    const revert = revertOf?.id === snapshot.id ? revertTarget : undefined;
    return [
      {
        key: 'edit',
        label: t('snapshots.actions.edit'),
        gate: write,
        run: () =>
          openDialog(t('snapshots.edit.title', { name }), (close) => (
            <EditSnapshotForm snapshot={snapshot} close={close} />
          )),
      },
      {
        key: 'metadata',
        label: t('snapshots.actions.metadata'),
        gate: write,
        run: () =>
          openDialog(t('snapshots.metadata.title', { name }), (close) => (
            <SnapshotMetadataForm snapshot={snapshot} close={close} />
          )),
      },
      {
        key: 'createVolume',
        label: t('snapshots.actions.createVolume'),
        gate: gateFor(CREATE_VOLUME_FROM_SNAPSHOT, snapshot.status),
        run: () =>
          openDialog(
            t('snapshots.createVolume.title', { name }),
            (close) => <CreateVolumeForm defaults={{ source: 'snapshot', sourceId: snapshot.id }} close={close} />,
            'lg',
          ),
      },
      {
        key: 'revert',
        label: vendor ? t('snapshots.actions.rollback') : t('snapshots.actions.revert'),
        gate: revert?.gate ?? notRead,
        run: () => {
          const target = revert?.volume;
          if (!target) return;
          openDialog(
            t(vendor ? 'snapshots.revert.rollbackTitle' : 'snapshots.revert.title', { name: displayName(target) }),
            (close) => <RevertVolumeForm volume={target} snapshot={snapshot} close={close} />,
          );
        },
      },
      {
        key: 'delete',
        label: t('snapshots.actions.delete'),
        gate: gateFor(SNAPSHOT_LIFECYCLE.delete, snapshot.status),
        danger: true,
        run: () =>
          openDialog(t('snapshots.delete.title', { count: 1 }), (close) => (
            <DeleteSnapshotsForm snapshots={[snapshot]} close={close} {...(onDeleted ? { onDeleted } : {})} />
          )),
      },
      // Admins only: hidden for members, since no member may ever use them.
      ...repair.snapshot(snapshot, onDeleted),
      ...storage.snapshot(snapshot, onDeleted),
    ];
  };
}
