import { GROUP_LIFECYCLE, GROUP_STATUSES, type VolumeGroup } from '@cinder-console/cinder';
import { useTranslation } from 'react-i18next';
import type { MenuAction } from '../../components/action-menu';
import { useActionGate } from '../../lib/action-gate';
import { useCloudAbilities } from '../../lib/capabilities';
import { openDialog } from '../../lib/open-dialog';
import { ResetStatusForm } from '../repair/reset-status-dialog';
import { displayName } from '../../lib/display-name';
import { CreateGroupSnapshotForm } from './dialogs/create-group-snapshot-form';
import { DeleteGroupForm } from './dialogs/delete-group-form';
import { EditGroupForm } from './dialogs/edit-group-form';
import { GroupFromSourceForm } from './dialogs/group-from-source-form';
import { GroupVolumesForm } from './dialogs/group-volumes-form';

/**
 * A group's actions, each gated by the lifecycle table (status, microversion, role), for its row
 * and its detail page. Reset status is for admins only and hidden from members.
 */
export function useGroupActions(onDeleted?: () => void): (group: VolumeGroup) => MenuAction[] {
  const { t } = useTranslation();
  const gate = useActionGate();
  const admin = useCloudAbilities()?.admin === true;
  return (group) => {
    const name = displayName(group);
    const actions: MenuAction[] = [
      {
        key: 'edit',
        label: t('groups.actions.edit'),
        gate: gate(GROUP_LIFECYCLE.update, group.status),
        run: () =>
          openDialog(t('groups.edit.title', { name }), (close) => <EditGroupForm group={group} close={close} />),
      },
      {
        key: 'volumes',
        label: t('groups.actions.volumes'),
        gate: gate(GROUP_LIFECYCLE.update, group.status),
        run: () =>
          openDialog(t('groups.volumes.title', { name }), (close) => <GroupVolumesForm group={group} close={close} />),
      },
      {
        key: 'snapshot',
        label: t('groups.actions.snapshot'),
        // Cinder snapshots no empty group ("Source group cannot be empty").
        gate:
          group.volumes?.length === 0
            ? { allowed: false, reason: t('groups.snapshotEmpty') }
            : gate(GROUP_LIFECYCLE.snapshot, group.status),
        run: () =>
          openDialog(t('groupSnapshots.create.title'), (close) => (
            <CreateGroupSnapshotForm groupId={group.id} close={close} />
          )),
      },
      {
        key: 'clone',
        label: t('groups.actions.clone'),
        gate: gate(GROUP_LIFECYCLE.clone, group.status),
        run: () =>
          openDialog(t('groups.fromSource.title'), (close) => (
            <GroupFromSourceForm source={{ kind: 'group', id: group.id, name }} close={close} />
          )),
      },
      {
        key: 'delete',
        label: t('groups.actions.delete'),
        gate: gate(GROUP_LIFECYCLE.deleteWithVolumes, group.status),
        danger: true,
        run: () =>
          openDialog(t('groups.delete.title', { name }), (close) => (
            <DeleteGroupForm group={group} close={close} {...(onDeleted ? { onDeleted } : {})} />
          )),
      },
    ];
    if (!admin) return actions;
    return [
      ...actions,
      {
        key: 'resetStatus',
        label: t('repair.actions.resetStatus'),
        gate: gate(GROUP_LIFECYCLE.resetStatus, group.status),
        danger: true,
        run: () =>
          openDialog(t('repair.reset.title', { name }), (close) => (
            <ResetStatusForm kind="groups" item={group} name={name} statuses={GROUP_STATUSES} close={close} />
          )),
      },
    ];
  };
}
