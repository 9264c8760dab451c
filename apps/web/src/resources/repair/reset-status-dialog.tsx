import { Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { repairCalls, type ResetKind } from './api';
import { RepairWarning } from './repair-warning';
import { useRepairMutation } from './use-repair-mutation';
import { DialogActions } from '../../components/dialog-actions';

const RESET_WARNINGS: Record<ResetKind, string> = {
  snapshots: 'repair.reset.warning',
  backups: 'repair.reset.backupWarning',
  groups: 'groups.reset.warning',
  group_snapshots: 'groups.reset.warning',
};

/** Sets a snapshot's, backup's, group's or group snapshot's status in Cinder's database, after a warning. */
export function ResetStatusForm({
  kind,
  item,
  name,
  statuses,
  close,
}: {
  kind: ResetKind;
  item: { id: string; status: string };
  name: string;
  statuses: readonly string[];
  close: () => void;
}) {
  const { t } = useTranslation();
  const label = (value: string) => t(`status.values.${value}`, { defaultValue: value });
  const [status, setStatus] = useState<string>(statuses.includes(item.status) ? item.status : statuses[0]!);
  const [acknowledged, setAcknowledged] = useState(false);
  const reset = useRepairMutation({
    kind,
    call: (target: string) => repairCalls.resetStatus(kind, item.id, target),
    done: () => t('repair.reset.done', { name }),
    failed: () => t('repair.reset.failed', { name }),
    onDone: close,
  });
  return (
    <Stack gap="sm">
      <Text size="sm">{t('repair.reset.current', { status: label(item.status) })}</Text>
      <Select
        label={t('repair.reset.status')}
        data={statuses.map((value) => ({ value, label: label(value) }))}
        value={status}
        onChange={(value) => setStatus(value ?? status)}
        allowDeselect={false}
        data-autofocus
      />
      <RepairWarning message={t(RESET_WARNINGS[kind])} acknowledged={acknowledged} onAcknowledge={setAcknowledged} />
      <DialogActions
        onCancel={close}
        label={t('repair.reset.submit')}
        onConfirm={() => reset.mutate(status)}
        pending={reset.isPending}
        disabled={!acknowledged}
        color="red"
      />
    </Stack>
  );
}
