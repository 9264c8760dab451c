import { Stack, Text } from '@mantine/core';
import type { GroupSnapshot } from '@cinder-console/cinder';
import { useTranslation } from 'react-i18next';
import { useCinderMutation } from '../../../lib/use-cinder-mutation';
import { displayName } from '../../../lib/display-name';
import { groupSnapshotCalls } from '../api';
import { DialogActions } from '../../../components/dialog-actions';

/** Deletes a group snapshot and the volume snapshots it is made of. */
export function DeleteGroupSnapshotForm({
  snapshot,
  close,
  onDeleted,
}: {
  snapshot: GroupSnapshot;
  close: () => void;
  onDeleted?: () => void;
}) {
  const { t } = useTranslation();
  const name = displayName(snapshot);
  const remove = useCinderMutation({
    call: () => groupSnapshotCalls.remove(snapshot.id),
    done: () => t('groupSnapshots.delete.done', { name }),
    failed: () => t('groupSnapshots.delete.failed', { name }),
    affects: ['group_snapshots', 'snapshots'],
    onDone: () => {
      close();
      onDeleted?.();
    },
  });
  return (
    <Stack gap="sm">
      <Text size="sm">{t('groupSnapshots.delete.confirm', { name })}</Text>
      <DialogActions
        onCancel={close}
        label={t('groupSnapshots.delete.submit')}
        onConfirm={() => remove.mutate(undefined)}
        pending={remove.isPending}
        color="red"
      />
    </Stack>
  );
}
