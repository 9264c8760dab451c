import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { volumeTypeCalls, type AdminVolumeType } from '../api';
import { useTypeMutation } from '../use-type-mutation';

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
      <Group justify="flex-end">
        <Button variant="default" onClick={close}>
          {t('actions.cancel')}
        </Button>
        <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(undefined)}>
          {t('volumeTypes.delete.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
