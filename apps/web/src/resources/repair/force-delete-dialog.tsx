import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { repairCalls, type RepairKind } from './api';
import { RepairWarning } from './repair-warning';
import { useRepairMutation } from './use-repair-mutation';

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
      <Group justify="flex-end">
        <Button variant="default" onClick={close} data-autofocus>
          {t('actions.cancel')}
        </Button>
        <Button
          color="red"
          disabled={!acknowledged}
          loading={remove.isPending}
          onClick={() => remove.mutate(undefined)}
        >
          {t('repair.forceDelete.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
