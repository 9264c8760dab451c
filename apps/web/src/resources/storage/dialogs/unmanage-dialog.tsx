import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useStorageMutation } from '../use-storage-mutation';
import { storageCalls } from '../api';
import { DialogActions } from '../../../components/dialog-actions';

/**
 * Takes a volume or snapshot out of Cinder's management (admin): Cinder forgets it, the data stays
 * on the backend, where the Storage page's manageable list offers it again.
 */
export function UnmanageForm({
  kind,
  item,
  name,
  close,
  onDone,
}: {
  kind: 'volumes' | 'snapshots';
  item: { id: string };
  name: string;
  close: () => void;
  onDone?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const unmanage = useStorageMutation({
    call: () => (kind === 'volumes' ? storageCalls.unmanageVolume(item.id) : storageCalls.unmanageSnapshot(item.id)),
    done: () => t('storage.unmanage.done', { name }),
    failed: () => t('storage.unmanage.failed', { name }),
    affects: [kind],
    onDone: () => {
      close();
      onDone?.();
    },
  });
  return (
    <Stack gap="sm">
      <Text size="sm">{t('storage.unmanage.question', { name })}</Text>
      <Alert color="orange" title={t('storage.unmanage.warningTitle')}>
        {t(`storage.unmanage.warning.${kind}`)}
      </Alert>
      <DialogActions
        onCancel={close}
        cancelFocused
        label={t('storage.unmanage.submit')}
        onConfirm={() => unmanage.mutate(undefined)}
        pending={unmanage.isPending}
        color="red"
      />
    </Stack>
  );
}
