import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { volumeTypeCalls, type AdminVolumeType } from '../api';
import { useTypeMutation } from '../use-type-mutation';
import { DialogActions } from '../../../components/dialog-actions';

/** Asks before deleting a type. Cinder refuses while volumes use it; its message shows in the toast. */
export function DeleteTypeForm({
  type,
  close,
  onDeleted,
}: {
  type: AdminVolumeType;
  close: () => void;
  onDeleted?: () => void;
}) {
  const { t } = useTranslation();
  const remove = useTypeMutation({
    call: () => volumeTypeCalls.remove(type.id),
    done: () => t('volumeTypes.delete.done', { name: type.name }),
    failed: () => t('volumeTypes.delete.failed', { name: type.name }),
    onDone: () => {
      close();
      onDeleted?.();
    },
  });
  return (
    <Stack gap="sm">
      <Text size="sm">{t('volumeTypes.delete.confirm', { name: type.name })}</Text>
      <Text size="sm" c="dimmed">
        {t('volumeTypes.delete.inUseNote')}
      </Text>
      <DialogActions
        onCancel={close}
        label={t('volumeTypes.delete.submit')}
        onConfirm={() => remove.mutate(undefined)}
        pending={remove.isPending}
        color="red"
      />
    </Stack>
  );
}
