import { DEVICE_NAME_PATTERN, type Volume } from '@cinder-console/cinder';
import { Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCinderMutation } from '../../../lib/use-cinder-mutation';
import { serverCalls, serverQueries } from '../../servers/api';
import { displayName } from '../../../lib/display-name';
import { DialogActions } from '../../../components/dialog-actions';

/**
 * Attaches a volume to one of the project's servers, picked by name; the device is optional (a
 * hint: hypervisors such as libvirt choose their own). Nova reserves the volume at once, and the
 * live relay shows it attaching, then in-use.
 */
export function AttachVolumeForm({ volume, close }: { volume: Volume; close: () => void }) {
  const { t } = useTranslation();
  const servers = useQuery(serverQueries.list());
  const attachedTo = new Set((volume.attachments ?? []).map((a) => a.server_id));
  const choices = (servers.data ?? [])
    .filter((s) => !attachedTo.has(s.id))
    .map((s) => ({ value: s.id, label: s.name || s.id }));
  const form = useForm({
    initialValues: { serverId: '', device: '' },
    validate: {
      serverId: (value: string) => (value ? null : t('servers.attach.serverRequired')),
      device: (value: string) =>
        value.trim() === '' || DEVICE_NAME_PATTERN.test(value.trim()) ? null : t('servers.attach.deviceInvalid'),
    },
  });
  const attach = useCinderMutation({
    call: ({ serverId, device }: { serverId: string; device: string }) =>
      serverCalls.attach(serverId, {
        volumeAttachment: { volumeId: volume.id, ...(device.trim() ? { device: device.trim() } : {}) },
      }),
    done: ({ serverId }) =>
      t('servers.attach.done', {
        name: displayName(volume),
        server: servers.data?.find((s) => s.id === serverId)?.name ?? serverId,
      }),
    failed: () => t('servers.attach.failed', { name: displayName(volume) }),
    affects: ['volumes'],
    onDone: close,
  });
  return (
    <form onSubmit={form.onSubmit((values) => attach.mutate(values))} noValidate>
      <Stack gap="sm">
        {servers.isSuccess && choices.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('servers.attach.noServers')}
          </Text>
        )}
        <Select
          label={t('servers.attach.server')}
          placeholder={servers.isLoading ? t('app.loading') : t('servers.attach.serverPlaceholder')}
          data={choices}
          searchable
          required
          data-autofocus
          nothingFoundMessage={t('servers.attach.noMatch')}
          {...form.getInputProps('serverId')}
        />
        <TextInput
          label={t('servers.attach.device')}
          description={t('servers.attach.deviceHint')}
          placeholder="/dev/vdb"
          {...form.getInputProps('device')}
        />
        <DialogActions onCancel={close} label={t('volumes.actions.attach')} pending={attach.isPending} />
      </Stack>
    </form>
  );
}
