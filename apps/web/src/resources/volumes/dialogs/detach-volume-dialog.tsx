import type { Volume } from '@cinder-console/cinder';
import { Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCinderMutation } from '../../../lib/use-cinder-mutation';
import { serverCalls } from '../../servers/api';
import { ServerName, useServerName } from '../../servers/server-name';
import { displayName } from '../../../lib/display-name';
import { DialogActions } from '../../../components/dialog-actions';

/** Detaches a volume from one of its servers (through Nova); a multiattach volume asks which. */
export function DetachVolumeForm({ volume, close }: { volume: Volume; close: () => void }) {
  const { t } = useTranslation();
  const nameOf = useServerName();
  const servers = (volume.attachments ?? []).flatMap((a) =>
    a.server_id ? [{ id: a.server_id, device: a.device }] : [],
  );
  const [serverId, setServerId] = useState(servers[0]?.id ?? '');
  const detach = useCinderMutation({
    call: (server: string) => serverCalls.detach(server, volume.id),
    done: (server) => t('servers.detach.done', { name: displayName(volume), server: nameOf(server) ?? server }),
    failed: () => t('servers.detach.failed', { name: displayName(volume) }),
    affects: ['volumes'],
    onDone: close,
  });
  return (
    <Stack gap="sm">
      {servers.length === 0 ? (
        <Text size="sm">{t('servers.detach.noServer')}</Text>
      ) : (
        <Radio.Group label={t('servers.detach.from')} value={serverId} onChange={setServerId}>
          <Stack gap="xs" mt="xs">
            {servers.map((s) => (
              <Radio
                key={s.id}
                value={s.id}
                aria-label={nameOf(s.id) ?? s.id}
                label={<ServerName id={s.id} device={s.device} />}
              />
            ))}
          </Stack>
        </Radio.Group>
      )}
      <Text size="sm" c="dimmed">
        {t('servers.detach.warning')}
      </Text>
      <DialogActions
        onCancel={close}
        label={t('volumes.actions.detach')}
        onConfirm={() => detach.mutate(serverId)}
        pending={detach.isPending}
        disabled={!serverId}
        color="red"
      />
    </Stack>
  );
}
