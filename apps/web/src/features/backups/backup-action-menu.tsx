import type { Backup } from '@cinder-console/cinder';
import { ActionMenu } from '../../components/action-menu';
import { useBackupActions } from '../../resources/backups/backup-actions';
import { displayName } from '../../lib/display-name';

/** A backup row's menu: edit, restore, create a volume, delete, each disabled with its reason. */
export function BackupActionMenu({ backup }: { backup: Backup }) {
  const actionsOf = useBackupActions();
  return <ActionMenu name={displayName(backup)} actions={actionsOf(backup)} />;
}
