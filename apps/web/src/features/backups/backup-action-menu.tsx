import type { Backup } from '@cinder-console/cinder';
import { ActionMenu } from '../../components/action-menu';
import { rowActions } from '../../components/row-actions';
import { useBackupActions } from '../../resources/backups/backup-actions';
import { displayName } from '../../lib/display-name';

/** Every backup row's actions, worked out once for the page (components/row-actions.tsx). */
export const BackupRowActions = rowActions<Backup>(useBackupActions);

/** A backup row's menu: edit, restore, create a volume, delete, each disabled with its reason. */
export function BackupActionMenu({ backup }: { backup: Backup }) {
  const actionsOf = BackupRowActions.useRowActions();
  return <ActionMenu name={displayName(backup)} actions={actionsOf(backup)} />;
}
