import type { Backup } from '@cinder-console/cinder';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BulkDeleteForm } from '../../../components/bulk-delete-form';
import { backupCalls } from '../api';
import { useBackupDeleteGate } from '../backup-delete-gate';

/**
 * Deletes one or several backups. Those Cinder would refuse (a status that does not allow it,
 * incremental backups depending on them) are listed with the reason and left alone.
 */
export function DeleteBackupsForm({
  backups,
  close,
  onDeleted,
}: {
  backups: Backup[];
  close: () => void;
  onDeleted?: () => void;
}) {
  const { t } = useTranslation();
  const deleteGate = useBackupDeleteGate();
  const checked = backups.map((backup) => ({ item: backup, gate: deleteGate(backup) }));
  const deletable = checked.filter((entry) => entry.gate.allowed).map((entry) => entry.item);
  const blocked = checked
    .filter((entry) => !entry.gate.allowed)
    .map(({ item, gate }) => ({ item, reason: gate.reason ?? '' }));
  return (
    <BulkDeleteForm
      items={deletable}
      blocked={blocked}
      remove={(backup) => backupCalls.remove(backup.id)}
      texts={{
        question: (count) => t('backups.delete.question', { count }),
        submit: (count) => t('backups.delete.submit', { count }),
        done: (count) => t('backups.delete.done', { count }),
        failed: (count) => t('backups.delete.failed', { count }),
      }}
      affects={['backups']}
      close={close}
      onDeleted={onDeleted}
    >
      {deletable.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('backups.delete.irreversible')}
        </Text>
      )}
    </BulkDeleteForm>
  );
}
