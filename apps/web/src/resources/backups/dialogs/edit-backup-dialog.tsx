import type { Backup } from '@cinder-console/cinder';
import { useTranslation } from 'react-i18next';
import { EditNameForm } from '../../../components/edit-name-form';
import { displayName } from '../../../lib/display-name';
import { backupCalls } from '../api';

/** Renames a backup or changes its description (3.9+); neither touches the backed-up data. */
export function EditBackupForm({ backup, close }: { backup: Backup; close: () => void }) {
  const { t } = useTranslation();
  return (
    <EditNameForm
      resource={backup}
      kind="backups"
      save={(values) => backupCalls.update(backup.id, values)}
      texts={{
        name: t('backups.fields.name'),
        description: t('backups.fields.description'),
        done: t('backups.edit.done', { name: displayName(backup) }),
        failed: t('backups.edit.failed', { name: displayName(backup) }),
      }}
      close={close}
    />
  );
}
