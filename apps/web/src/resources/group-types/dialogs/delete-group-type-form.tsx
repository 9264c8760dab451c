import { Stack, Text } from '@mantine/core';
import type { GroupType } from '@cinder-console/cinder';
import { useTranslation } from 'react-i18next';
import { groupTypeCalls } from '../api';
import { useGroupTypeMutation } from '../use-group-type-mutation';
import { DialogActions } from '../../../components/dialog-actions';

/** Asks before deleting a group type. Cinder refuses while groups use it; its message shows in the toast. */
export function DeleteGroupTypeForm({ type, close }: { type: GroupType; close: () => void }) {
  const { t } = useTranslation();
  const remove = useGroupTypeMutation({
    call: () => groupTypeCalls.remove(type.id),
    done: () => t('groupTypes.delete.done', { name: type.name }),
    failed: () => t('groupTypes.delete.failed', { name: type.name }),
    onDone: close,
  });
  return (
    <Stack gap="sm">
      <Text size="sm">{t('groupTypes.delete.confirm', { name: type.name })}</Text>
      <DialogActions
        onCancel={close}
        label={t('groupTypes.delete.submit')}
        onConfirm={() => remove.mutate(undefined)}
        pending={remove.isPending}
        color="red"
      />
    </Stack>
  );
}
