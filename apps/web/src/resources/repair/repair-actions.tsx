import {
  SNAPSHOT_LIFECYCLE,
  SNAPSHOT_STATUSES,
  VOLUME_LIFECYCLE,
  type Backup,
  type Snapshot,
  type Volume,
} from '@cinder-console/cinder';
import { useTranslation } from 'react-i18next';
import type { MenuAction } from '../../components/action-menu';
import { useActionGate } from '../../lib/action-gate';
import { useCloudAbilities } from '../../lib/capabilities';
import { openDialog } from '../../lib/open-dialog';
import { displayName } from '../../lib/display-name';
import { BACKUP_FORCE_DELETE, BACKUP_RESET_STATUSES, RESET_STATUS } from './api';
import { ForceDeleteForm } from './force-delete-dialog';
import { ResetStatusForm } from './reset-status-dialog';
import { ResetVolumeStatusForm } from './reset-volume-status-dialog';

/**
 * The administrator's repair actions for one resource, to append to its action list. Members get
 * none at all: the actions are hidden, not disabled, because no member can ever use them.
 */
export function useRepairActions() {
  const { t } = useTranslation();
  const gate = useActionGate();
  const admin = useCloudAbilities()?.admin === true;
  const resetLabel = t('repair.actions.resetStatus');
  const forceLabel = t('repair.actions.forceDelete');
  return {
    volume: (volume: Volume, onDeleted?: () => void): MenuAction[] => {
      if (!admin) return [];
      const name = displayName(volume);
      const attached = (volume.attachments?.length ?? 0) > 0;
      return [
        {
          key: 'resetStatus',
          label: resetLabel,
          gate: gate(RESET_STATUS, volume.status),
          danger: true,
          run: () =>
            openDialog(t('repair.reset.title', { name }), (close) => (
              <ResetVolumeStatusForm volume={volume} close={close} />
            )),
        },
        {
          key: 'forceDelete',
          label: forceLabel,
          gate: attached
            ? { allowed: false, reason: t('repair.forceDelete.attached') }
            : gate(VOLUME_LIFECYCLE.forceDelete, volume.status),
          danger: true,
          run: () =>
            openDialog(t('repair.forceDelete.title', { name }), (close) => (
              <ForceDeleteForm kind="volumes" item={volume} name={name} close={close} onDeleted={onDeleted} />
            )),
        },
      ];
    },
    snapshot: (snapshot: Snapshot, onDeleted?: () => void): MenuAction[] => {
      if (!admin) return [];
      const name = displayName(snapshot);
      return [
        {
          key: 'resetStatus',
          label: resetLabel,
          gate: gate(RESET_STATUS, snapshot.status),
          danger: true,
          run: () =>
            openDialog(t('repair.reset.title', { name }), (close) => (
              <ResetStatusForm
                kind="snapshots"
                item={snapshot}
                name={name}
                statuses={SNAPSHOT_STATUSES}
                close={close}
              />
            )),
        },
        {
          key: 'forceDelete',
          label: forceLabel,
          gate: gate(SNAPSHOT_LIFECYCLE.forceDelete, snapshot.status),
          danger: true,
          run: () =>
            openDialog(t('repair.forceDelete.title', { name }), (close) => (
              <ForceDeleteForm kind="snapshots" item={snapshot} name={name} close={close} onDeleted={onDeleted} />
            )),
        },
      ];
    },
    backup: (backup: Backup, onDeleted?: () => void): MenuAction[] => {
      if (!admin) return [];
      const name = displayName(backup);
      return [
        {
          key: 'resetStatus',
          label: resetLabel,
          gate: gate(RESET_STATUS, backup.status),
          danger: true,
          run: () =>
            openDialog(t('repair.reset.title', { name }), (close) => (
              <ResetStatusForm
                kind="backups"
                item={backup}
                name={name}
                statuses={BACKUP_RESET_STATUSES}
                close={close}
              />
            )),
        },
        {
          key: 'forceDelete',
          label: forceLabel,
          gate: gate(BACKUP_FORCE_DELETE, backup.status),
          danger: true,
          run: () =>
            openDialog(t('repair.forceDelete.title', { name }), (close) => (
              <ForceDeleteForm kind="backups" item={backup} name={name} close={close} onDeleted={onDeleted} />
            )),
        },
      ];
    },
  };
}
