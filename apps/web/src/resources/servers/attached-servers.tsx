import type { Volume } from '@cinder-console/cinder';
import { Stack, Text } from '@mantine/core';
import { ServerName } from './server-name';

/**
 * Where a volume is attached: each server by name with its id to copy (and the device, on the
 * detail page); an attachment to a host rather than a server shows the host name.
 */
export function AttachedServers({
  volume,
  withDevice = false,
  brief = false,
}: {
  volume: Volume;
  withDevice?: boolean;
  /** In a table row: server names only, each id in its tooltip. */
  brief?: boolean;
}) {
  const attachments = volume.attachments ?? [];
  if (attachments.length === 0) return null;
  return (
    <Stack gap={2}>
      {attachments.map((a, index) =>
        a.server_id ? (
          <ServerName key={a.server_id} id={a.server_id} device={withDevice ? a.device : undefined} brief={brief} />
        ) : (
          <Text key={a.host_name ?? index} size="xs" ff="monospace">
            {[a.host_name, withDevice ? a.device : null].filter(Boolean).join(' @ ')}
          </Text>
        ),
      )}
    </Stack>
  );
}
