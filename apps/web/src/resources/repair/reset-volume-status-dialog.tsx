import { VOLUME_STATUSES, type Volume } from '@cinder-console/cinder';
import { Alert, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName } from '../../lib/display-name';
import {
  MIGRATION_STATUSES,
  proposedVolumeReset,
  repairCalls,
  VOLUME_RESET_REFUSED,
  type VolumeStatusReset,
} from './api';
import { RepairWarning } from './repair-warning';
import { useRepairMutation } from './use-repair-mutation';
import { DialogActions } from '../../components/dialog-actions';

const KEEP = '';

/**
 * Sets a volume's status, attach status and migration status in Cinder's database, nothing else.
 * For a volume stuck attaching or detaching it explains the situation and proposes the pair of
 * statuses that matches its attachments.
 */
export function ResetVolumeStatusForm({ volume, close }: { volume: Volume; close: () => void }) {
  const { t } = useTranslation();
  const proposal = proposedVolumeReset(volume);
  const [status, setStatus] = useState<string>(proposal?.status ?? volume.status);
  const [attachStatus, setAttachStatus] = useState<string>(proposal?.attach_status ?? KEEP);
  const [migrationStatus, setMigrationStatus] = useState<string>(KEEP);
  const [acknowledged, setAcknowledged] = useState(false);
  const name = displayName(volume);
  const reset = useRepairMutation({
    kind: 'volumes',
    call: (body: VolumeStatusReset) => repairCalls.resetVolume(volume.id, body),
    done: () => t('repair.reset.done', { name }),
    failed: () => t('repair.reset.failed', { name }),
    onDone: close,
  });
  const label = (value: string) => t(`status.values.${value}`, { defaultValue: value });
  const statusOptions = VOLUME_STATUSES.filter((value) => !VOLUME_RESET_REFUSED.includes(value)).map((value) => ({
    value,
    label: label(value),
  }));
  const keep = { value: KEEP, label: t('repair.reset.keep') };
  const submit = () => {
    const body: VolumeStatusReset = { status };
    if (attachStatus === 'attached' || attachStatus === 'detached') body.attach_status = attachStatus;
    if (migrationStatus !== KEEP) body.migration_status = migrationStatus;
    reset.mutate(body);
  };
  return (
    <Stack gap="sm">
      {proposal && (
        <Alert color="blue" title={t('repair.reset.stuckTitle', { status: label(volume.status) })}>
          <Text size="sm">
            {t(proposal.attach_status === 'attached' ? 'repair.reset.stuckAttached' : 'repair.reset.stuckDetached', {
              status: label(proposal.status),
            })}
          </Text>
        </Alert>
      )}
      <Text size="sm">{t('repair.reset.current', { status: label(volume.status) })}</Text>
      <Select
        label={t('repair.reset.status')}
        data={statusOptions}
        value={status}
        onChange={(value) => setStatus(value ?? volume.status)}
        allowDeselect={false}
        data-autofocus
      />
      <Select
        label={t('repair.reset.attachStatus')}
        description={t('repair.reset.attachStatusHint')}
        data={[
          keep,
          { value: 'attached', label: t('repair.reset.attached') },
          { value: 'detached', label: t('repair.reset.detached') },
        ]}
        value={attachStatus}
        onChange={(value) => setAttachStatus(value ?? KEEP)}
        allowDeselect={false}
      />
      <Select
        label={t('repair.reset.migrationStatus')}
        data={[keep, ...MIGRATION_STATUSES.map((value) => ({ value, label: value }))]}
        value={migrationStatus}
        onChange={(value) => setMigrationStatus(value ?? KEEP)}
        allowDeselect={false}
      />
      <RepairWarning message={t('repair.reset.warning')} acknowledged={acknowledged} onAcknowledge={setAcknowledged} />
      <DialogActions
        onCancel={close}
        label={t('repair.reset.submit')}
        onConfirm={submit}
        pending={reset.isPending}
        disabled={!acknowledged}
        color="red"
      />
    </Stack>
  );
}
