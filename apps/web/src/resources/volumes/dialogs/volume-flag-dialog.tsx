import type { Volume } from '@cinder-console/cinder';
import { Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCinderMutation } from '../../../lib/use-cinder-mutation';
import { volumeCalls } from '../api';
import { displayName } from '../../../lib/display-name';
import { DialogActions } from '../../../components/dialog-actions';

/** The two yes/no flags of a volume, each set by its own action. */
export type VolumeFlag = 'bootable' | 'readonly';

const ACTIONS: Record<VolumeFlag, { action: string; field: string }> = {
  bootable: { action: 'os-set_bootable', field: 'bootable' },
  readonly: { action: 'os-update_readonly_flag', field: 'readonly' },
};

/** Whether the flag is set now. Read-only lives in the volume's admin metadata as a string. */
function flagValue(volume: Volume, flag: VolumeFlag): boolean {
  if (flag === 'bootable') return volume.bootable === 'true';
  return volume.metadata?.readonly === 'True' || volume.metadata?.readonly === 'true';
}

export function VolumeFlagForm({ volume, flag, close }: { volume: Volume; flag: VolumeFlag; close: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(flagValue(volume, flag));
  const save = useCinderMutation({
    call: (next: boolean) => volumeCalls.action(volume.id, ACTIONS[flag].action, { [ACTIONS[flag].field]: next }),
    done: () => t(`volumes.flags.${flag}.done`, { name: displayName(volume) }),
    failed: () => t(`volumes.flags.${flag}.failed`, { name: displayName(volume) }),
    affects: ['volumes'],
    onDone: close,
  });
  return (
    <Stack gap="sm">
      <Text size="sm">{t(`volumes.flags.${flag}.explain`)}</Text>
      <Switch
        label={t(`volumes.flags.${flag}.label`)}
        checked={value}
        onChange={(event) => setValue(event.currentTarget.checked)}
        data-autofocus
      />
      <DialogActions
        onCancel={close}
        label={t('actions.save')}
        onConfirm={() => save.mutate(value)}
        pending={save.isPending}
      />
    </Stack>
  );
}
