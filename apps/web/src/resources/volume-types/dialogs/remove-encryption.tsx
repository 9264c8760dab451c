import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { volumeTypeCalls, type AdminVolumeType } from '../api';
import { useTypeMutation } from '../use-type-mutation';
import { DialogActions } from '../../../components/dialog-actions';

/** Asks before removing a type's encryption: volumes created afterwards are no longer encrypted. */
export function RemoveEncryptionForm({
  type,
  encryptionId,
  close,
}: {
  type: AdminVolumeType;
  encryptionId: string;
  close: () => void;
}) {
  const { t } = useTranslation();
  const remove = useTypeMutation({
    call: () => volumeTypeCalls.removeEncryption(type.id, encryptionId),
    done: () => t('volumeTypes.encryption.removed', { name: type.name }),
    failed: () => t('volumeTypes.encryption.removeFailed', { name: type.name }),
    onDone: close,
  });
  return (
    <Stack gap="sm">
      <Text size="sm">{t('volumeTypes.encryption.removeConfirm', { name: type.name })}</Text>
      <Text size="sm" c="dimmed">
        {t('volumeTypes.encryption.inUseNote')}
      </Text>
      <DialogActions
        onCancel={close}
        label={t('volumeTypes.encryption.remove')}
        onConfirm={() => remove.mutate(undefined)}
        pending={remove.isPending}
        color="red"
      />
    </Stack>
  );
}
