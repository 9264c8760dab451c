import { BACKUP_LIFECYCLE, type Backup } from '@cinder-console/cinder';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { MenuAction } from '../../components/action-menu';
import { useActionGate } from '../../lib/action-gate';
import { openDialog } from '../../lib/open-dialog';
import { CreateVolumeForm } from '../volumes/dialogs/create-volume-dialog';
import { useRepairActions } from '../repair/repair-actions';
import { useStorageActions } from '../storage/storage-actions';
import { displayName } from '../../lib/display-name';
import { useBackupDeleteGate } from './backup-delete-gate';
import { BACKUP_EXTRA_RULES } from './backup-rules';
import { DeleteBackupsForm } from './dialogs/delete-backups-dialog';
import { EditBackupForm } from './dialogs/edit-backup-dialog';
import { RestoreBackupForm } from './dialogs/restore-backup-dialog';

/**
 * Every action on one backup, each with whether the lifecycle table and the cloud's microversion
 * allow it now (and why not). The row menu and the detail page show the same list. Must be used
 * inside the router: the restore toast links to the target volume's page.
 */
export function useBackupActions(onDeleted?: () => void): (backup: Backup) => MenuAction[] {
  const { t } = useTranslation();
  const gate = useActionGate();
  const deleteGate = useBackupDeleteGate();
  const repair = useRepairActions();
  const storage = useStorageActions();
  const navigate = useNavigate();
  const openVolume = (id: string) => void navigate(`/volumes/${encodeURIComponent(id)}`);
  return (backup) => {
    const name = displayName(backup);
    const dialog = (key: string, content: (close: () => void) => ReactNode, size?: string) => () =>
      openDialog(t(`backups.dialogs.${key}`, { name }), content, size);
    return [
      {
        key: 'edit',
        label: t('backups.actions.edit'),
        gate: gate(BACKUP_EXTRA_RULES.update, backup.status),
        run: dialog('edit', (close) => <EditBackupForm backup={backup} close={close} />),
      },
      {
        key: 'restore',
        label: t('backups.actions.restore'),
        gate: gate(BACKUP_LIFECYCLE.restore, backup.status),
        run: dialog('restore', (close) => <RestoreBackupForm backup={backup} close={close} openVolume={openVolume} />),
      },
      {
        key: 'createVolume',
        label: t('backups.actions.createVolume'),
        gate: gate(BACKUP_EXTRA_RULES.createVolume, backup.status),
        run: dialog(
          'createVolume',
          (close) => <CreateVolumeForm defaults={{ source: 'backup', sourceId: backup.id }} close={close} />,
          'lg',
        ),
      },
      {
        key: 'delete',
        label: t('backups.actions.delete'),
        gate: deleteGate(backup),
        danger: true,
        run: dialog('delete', (close) => (
          <DeleteBackupsForm backups={[backup]} close={close} {...(onDeleted ? { onDeleted } : {})} />
        )),
      },
      // Admins only: hidden for members, since no member may ever use them.
      ...repair.backup(backup, onDeleted),
      ...storage.backup(backup),
    ];
  };
}
