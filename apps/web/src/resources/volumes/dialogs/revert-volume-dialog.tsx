import { snapshotListSchema, parseOpenStackTime, type Snapshot, type Volume } from '@cinder-console/cinder';
import { Alert, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiJson, apiVoid } from '../../../lib/api-client';
import { useCloudAbilities } from '../../../lib/capabilities';
import { cinderKeys } from '../../../lib/query-keys';
import { useCinderMutation } from '../../../lib/use-cinder-mutation';
import { displayName } from '../../../lib/display-name';
import { DialogActions } from '../../../components/dialog-actions';

/** The volume's snapshots, newest first: upstream revert takes only the newest. */
function useVolumeSnapshots(volumeId: string) {
  return useQuery({
    queryKey: cinderKeys('snapshots').picker('of-volume', volumeId),
    queryFn: ({ signal }) =>
      apiJson(`/api/cinder/snapshots/detail?volume_id=${encodeURIComponent(volumeId)}&limit=1000`, snapshotListSchema, {
        signal,
      }),
    select: (body) =>
      [...body.snapshots].sort(
        (a, b) => parseOpenStackTime(b.created_at).getTime() - parseOpenStackTime(a.created_at).getTime(),
      ),
  });
}

/**
 * Puts a volume back to a snapshot's content. Upstream Cinder (3.40) reverts only to the newest
 * snapshot; Huawei EVS's rollback takes any of them. The data written since is lost, which the
 * dialog says plainly.
 */
export function RevertVolumeForm({
  volume,
  snapshot,
  close,
}: {
  volume: Volume;
  snapshot?: Snapshot;
  close: () => void;
}) {
  const { t } = useTranslation();
  const abilities = useCloudAbilities();
  const vendor = abilities?.features.vendorRollback === true;
  const snapshots = useVolumeSnapshots(volume.id);
  const newest = snapshots.data?.[0];
  const [picked, setPicked] = useState<string | null>(snapshot?.id ?? null);
  const choices = (snapshots.data ?? []).filter((s) => s.status === 'available');
  const target = picked ?? (vendor ? null : (newest?.id ?? null));
  const notNewest = !vendor && target !== null && newest !== undefined && target !== newest.id;
  const revert = useCinderMutation({
    call: (snapshotId: string) =>
      vendor
        ? apiVoid(`/api/cinder/os-vendor-snapshots/${encodeURIComponent(snapshotId)}/rollback`, {
            method: 'POST',
            body: { rollback: { volume_id: volume.id } },
          })
        : apiVoid(`/api/cinder/volumes/${encodeURIComponent(volume.id)}/action`, {
            method: 'POST',
            body: { revert: { snapshot_id: snapshotId } },
          }),
    done: () => t('volumes.revert.done', { name: displayName(volume) }),
    failed: () => t('volumes.revert.failed', { name: displayName(volume) }),
    affects: ['volumes', 'snapshots'],
    onDone: close,
  });
  return (
    <Stack gap="sm">
      <Alert color="orange" role="note">
        {t('volumes.revert.warning')}
      </Alert>
      <Select
        label={t('volumes.revert.snapshot')}
        data={choices.map((s) => ({ value: s.id, label: displayName(s) }))}
        value={target}
        onChange={setPicked}
        nothingFoundMessage={t('volumes.revert.noSnapshots')}
        data-autofocus
      />
      {!vendor && (
        <Text size="xs" c="dimmed">
          {t('volumes.revert.newestOnly')}
        </Text>
      )}
      {notNewest && (
        <Text size="sm" c="red" role="alert">
          {t('volumes.revert.notNewest')}
        </Text>
      )}
      <DialogActions
        onCancel={close}
        label={vendor ? t('volumes.actions.rollback') : t('volumes.actions.revert')}
        onConfirm={() => target && revert.mutate(target)}
        pending={revert.isPending}
        disabled={!target || notNewest}
        color="orange"
      />
    </Stack>
  );
}
