import { BACKUP_LIFECYCLE, backupRestoreSchema, type Backup } from '@cinder-console/cinder';
import { Alert, Checkbox, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActionGate } from '../../../lib/action-gate';
import { notifyFailed } from '../../../lib/feedback';
import { bodyRules, requestValidator } from '../../../lib/request-rules';
import { refreshAfterChange } from '../../../lib/query-keys';
import { displayName } from '../../../lib/display-name';
import { backupCalls, backupChoiceQueries, type RestoreTarget } from '../api';
import { QuotaDemands, useQuotaCheck } from './quota-demands';
import { notifyRestoreStarted } from './restore-notice';
import { DialogActions } from '../../../components/dialog-actions';

type Destination = 'new' | 'existing';

/** A restore to a new volume names it as typed, or leaves the name to Cinder. */
const newVolumeRules = bodyRules<{ name: string }>({
  schema: backupRestoreSchema,
  wrap: 'restore',
  toBody: ({ name }) => (name ? { name } : {}),
});

/**
 * Restores a backup to a new volume, or onto an existing available volume at least the backup's
 * size. The second replaces everything on that volume, so it takes an explicit confirmation.
 */
export function RestoreBackupForm({
  backup,
  close,
  openVolume,
}: {
  backup: Backup;
  close: () => void;
  /** Opens a volume's page from the toast; the page passes it since dialogs live outside the router. */
  openVolume?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const gate = useActionGate();
  const queryClient = useQueryClient();
  const [destination, setDestination] = useState<Destination>('new');
  const [name, setName] = useState('');
  const [volumeId, setVolumeId] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const volumes = useQuery({ ...backupChoiceQueries.volumes(), enabled: destination === 'existing' });
  // Cinder restores only onto an available volume that can hold the whole backup.
  const targets = (volumes.data?.items ?? []).filter((v) => v.status === 'available' && v.size >= backup.size);
  const target = targets.find((v) => v.id === volumeId);
  const allowed = gate(BACKUP_LIFECYCLE.restore, backup.status);
  const quota = useQuotaCheck(
    destination === 'new'
      ? [
          { key: 'volumes', label: t('quota.names.volumes'), adding: 1 },
          { key: 'gigabytes', label: t('quota.names.gigabytes'), adding: backup.size },
        ]
      : [],
  );

  const restore = useMutation({
    mutationFn: (to: RestoreTarget) => backupCalls.restore(backup.id, to),
    onSuccess: ({ restore: result }) => {
      // Not `useCinderMutation`: its toast is text only, and this one links to the target volume.
      notifyRestoreStarted(t, displayName(backup), result, openVolume);
      refreshAfterChange(queryClient, ['backups', 'volumes']);
      close();
    },
    onError: (error) => notifyFailed(t, t('backups.restore.failed', { name: displayName(backup) }), error),
  });

  const [tried, setTried] = useState(false);
  const nameError = requestValidator(newVolumeRules, t)({ name }).name;
  const ready = allowed.allowed && (destination === 'new' ? !quota.exceeds : Boolean(target) && confirmed);
  const submit = () => {
    setTried(true);
    if (!ready || (destination === 'new' && nameError)) return;
    restore.mutate(destination === 'new' ? (name ? { name } : {}) : { volume_id: target!.id });
  };

  return (
    <Stack gap="sm">
      <Text size="sm">{t('backups.restore.summary', { name: displayName(backup), size: backup.size })}</Text>
      {!allowed.allowed && (
        <Alert color="red" role="alert" title={t('backups.restore.refused')}>
          {allowed.reason}
        </Alert>
      )}
      <Radio.Group
        label={t('backups.restore.destination')}
        value={destination}
        onChange={(value) => {
          setDestination(value as Destination);
          setConfirmed(false);
        }}
      >
        <Stack gap={6} mt={4}>
          <Radio value="new" label={t('backups.restore.toNew')} description={t('backups.restore.toNewHint')} />
          <Radio value="existing" label={t('backups.restore.toExisting')} />
        </Stack>
      </Radio.Group>
      {destination === 'new' ? (
        <>
          <TextInput
            label={t('backups.restore.newName')}
            description={t('backups.restore.newNameHint')}
            value={name}
            error={tried ? nameError : undefined}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <QuotaDemands check={quota} overMessage={t('backups.restore.overQuota')} />
        </>
      ) : (
        <>
          <Select
            label={t('backups.restore.targetVolume')}
            description={t('backups.restore.targetHint', { size: backup.size })}
            required
            searchable
            data={targets.map((v) => ({
              value: v.id,
              label: `${displayName(v)} (${t('backups.sizeGiB', { size: v.size })})`,
            }))}
            value={volumeId}
            onChange={(id) => {
              setVolumeId(id);
              setConfirmed(false);
            }}
            nothingFoundMessage={volumes.isPending ? t('app.loading') : t('backups.restore.noTargets')}
          />
          <Alert color="red" variant="light" role="alert" title={t('backups.restore.overwriteTitle')}>
            {target
              ? t('backups.restore.overwriteWarning', { name: displayName(target) })
              : t('backups.restore.overwriteWarningAny')}
          </Alert>
          <Checkbox
            label={t('backups.restore.confirmOverwrite')}
            checked={confirmed}
            disabled={!target}
            onChange={(event) => setConfirmed(event.currentTarget.checked)}
          />
        </>
      )}
      <DialogActions
        onCancel={close}
        label={t('backups.restore.submit')}
        onConfirm={submit}
        pending={restore.isPending}
        disabled={!ready}
        color={destination === 'existing' ? 'red' : undefined}
      />
    </Stack>
  );
}
