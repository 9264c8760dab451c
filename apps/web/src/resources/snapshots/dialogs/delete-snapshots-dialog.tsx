import type { Snapshot } from '@cinder-console/cinder';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BulkDeleteForm } from '../../../components/bulk-delete-form';
import { snapshotCalls } from '../api';

/** Deletes one or several snapshots; the volumes made from them stay. */
export function DeleteSnapshotsForm({
  snapshots,
  close,
  onDeleted,
}: {
  snapshots: Snapshot[];
  close: () => void;
  onDeleted?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <BulkDeleteForm
      items={snapshots}
      remove={(snapshot) => snapshotCalls.remove(snapshot.id)}
      texts={{
        question: (count) => t('snapshots.delete.question', { count }),
        submit: (count) => t('snapshots.delete.submit', { count }),
        done: (count) => t('snapshots.delete.done', { count }),
        failed: (count) => t('snapshots.delete.failed', { count }),
      }}
      affects={['snapshots']}
      close={close}
      onDeleted={onDeleted}
    >
      <Text size="xs" c="dimmed">
        {t('snapshots.delete.volumesStay')}
      </Text>
    </BulkDeleteForm>
  );
}
