import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { repairCalls, type RepairKind } from './api';
import { RepairWarning } from './repair-warning';
import { useRepairMutation } from './use-repair-mutation';
import { DialogActions } from '../../components/dialog-actions';

/** Deletes a volume or backup whatever its status, after a warning the admin acknowledges. */
export function ForceDeleteForm({
  kind,
  item,
  name,
  close,
  onDeleted,
}: {
  kind: RepairKind;
  item: { id: string; status: string };
  name: string;
  close: () => void;
  onDeleted?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const [acknowledged, setAcknowledged] = useState(false);
  const remove = useRepairMutation({
    kind,
    call: () => repairCalls.forceDelete(kind, item.id),
    done: () => t('repair.forceDelete.done', { name }),
    failed: () => t('repair.forceDelete.failed', { name }),
    onDone: () => {
      close();
      onDeleted?.();
    },
  });
  return (
    <Stack gap="sm">
      <Text size="sm">
        {t('repair.forceDelete.question', {
          name,
          status: t(`status.values.${item.status}`, { defaultValue: item.status }),
        })}
      </Text>
      <RepairWarning
        message={t(`repair.forceDelete.warning.${kind}`)}
        acknowledged={acknowledged}
        onAcknowledge={setAcknowledged}
      />
      <DialogActions
        onCancel={close}
        cancelFocused
        label={t('repair.forceDelete.submit')}
        onConfirm={() => remove.mutate(undefined)}
        pending={remove.isPending}
        disabled={!acknowledged}
        color="red"
      />
    </Stack>
  );
}
