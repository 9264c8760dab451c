import { BACKUP_LIFECYCLE, type Backup } from '@cinder-console/cinder';
import { useTranslation } from 'react-i18next';
import { useActionGate, type Gate } from '../../lib/action-gate';

/**
 * Whether a backup may be deleted now: its status (lifecycle table), and no incremental backup
 * built on it, which Cinder refuses ("Incremental backups exist for this backup").
 */
export function useBackupDeleteGate(): (backup: Backup) => Gate {
  const { t } = useTranslation();
  const gate = useActionGate();
  return (backup) => {
    const byStatus = gate(BACKUP_LIFECYCLE.delete, backup.status);
    if (!byStatus.allowed) return byStatus;
    if (backup.has_dependent_backups) return { allowed: false, reason: t('backups.refused.hasDependents') };
    return byStatus;
  };
}
