import { GROUP_SNAPSHOT_LIFECYCLE, GROUP_SNAPSHOT_STATUSES, type GroupSnapshot } from '@cinder-console/cinder';
import { useTranslation } from 'react-i18next';
import type { MenuAction } from '../../components/action-menu';
import { useActionGate } from '../../lib/action-gate';
import { useCloudAbilities } from '../../lib/capabilities';
import { openDialog } from '../../lib/open-dialog';
import { GroupFromSourceForm } from '../groups/dialogs/group-from-source-form';
import { ResetStatusForm } from '../repair/reset-status-dialog';
import { displayName } from '../../lib/display-name';
import { DeleteGroupSnapshotForm } from './dialogs/delete-group-snapshot-form';

/** A group snapshot's actions, gated by the lifecycle table; reset status for admins only. */
export function useGroupSnapshotActions(onDeleted?: () => void): (snapshot: GroupSnapshot) => MenuAction[] {
  const { t } = useTranslation();
  const gate = useActionGate();
  const admin = useCloudAbilities()?.admin === true;
  return (snapshot) => {
    const name = displayName(snapshot);
    const actions: MenuAction[] = [
      {
        key: 'createGroup',
        label: t('groupSnapshots.actions.createGroup'),
        gate: gate(GROUP_SNAPSHOT_LIFECYCLE.createGroup, snapshot.status),
        run: () =>
          openDialog(t('groups.fromSource.title'), (close) => (
            <GroupFromSourceForm source={{ kind: 'groupSnapshot', id: snapshot.id, name }} close={close} />
          )),
      },
      {
        key: 'delete',
        label: t('groupSnapshots.actions.delete'),
        gate: gate(GROUP_SNAPSHOT_LIFECYCLE.delete, snapshot.status),
        danger: true,
        run: () =>
          openDialog(t('groupSnapshots.delete.title', { name }), (close) => (
            <DeleteGroupSnapshotForm snapshot={snapshot} close={close} {...(onDeleted ? { onDeleted } : {})} />
          )),
      },
    ];
    if (!admin) return actions;
    return [
      ...actions,
      {
        key: 'resetStatus',
        label: t('repair.actions.resetStatus'),
        gate: gate(GROUP_SNAPSHOT_LIFECYCLE.resetStatus, snapshot.status),
        danger: true,
        run: () =>
          openDialog(t('repair.reset.title', { name }), (close) => (
            <ResetStatusForm
              kind="group_snapshots"
              item={snapshot}
              name={name}
              statuses={GROUP_SNAPSHOT_STATUSES}
              close={close}
            />
          )),
      },
    ];
  };
}
