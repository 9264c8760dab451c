import { Checkbox, Stack, Text } from '@mantine/core';
import { GROUP_LIFECYCLE, type VolumeGroup } from '@cinder-console/cinder';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActionGate } from '../../../lib/action-gate';
import { useCinderMutation } from '../../../lib/use-cinder-mutation';
import { displayName } from '../../../lib/display-name';
import { groupCalls } from '../api';
import { DialogActions } from '../../../components/dialog-actions';

/**
 * Deletes a group; with its volumes only when asked (Cinder refuses a group that still holds
 * volumes otherwise, and one that has group snapshots in any case).
 */
export function DeleteGroupForm({
  group,
  close,
  onDeleted,
}: {
  group: VolumeGroup;
  close: () => void;
  onDeleted?: () => void;
}) {
  const { t } = useTranslation();
  const gate = useActionGate();
  const [withVolumes, setWithVolumes] = useState(false);
  const name = displayName(group);
  const allowed = gate(withVolumes ? GROUP_LIFECYCLE.deleteWithVolumes : GROUP_LIFECYCLE.delete, group.status);
  const remove = useCinderMutation({
    call: () => groupCalls.remove(group.id, withVolumes),
    done: () => t('groups.delete.done', { name }),
    failed: () => t('groups.delete.failed', { name }),
    affects: ['groups', 'volumes'],
    onDone: () => {
      close();
      onDeleted?.();
    },
  });
  return (
    <Stack gap="sm">
      <Text size="sm">{t('groups.delete.confirm', { name })}</Text>
      <Checkbox
        label={t('groups.delete.withVolumes')}
        description={t('groups.delete.withVolumesHelp')}
        checked={withVolumes}
        onChange={(event) => setWithVolumes(event.currentTarget.checked)}
      />
      {!allowed.allowed && (
        <Text size="sm" c="red" role="status">
          {allowed.reason}
        </Text>
      )}
      <DialogActions
        onCancel={close}
        label={t('groups.delete.submit')}
        onConfirm={() => remove.mutate(undefined)}
        pending={remove.isPending}
        disabled={!allowed.allowed}
        color="red"
      />
    </Stack>
  );
}
