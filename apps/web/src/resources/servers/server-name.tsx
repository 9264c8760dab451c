import { Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { CopyId } from '../../components/copy-id';
import { useCloudAbilities } from '../../lib/capabilities';
import { serverQueries } from './api';

/** The name of the server, from the project's server list; undefined until known (or without Nova). */
export function useServerName(): (id: string | null | undefined) => string | undefined {
  const abilities = useCloudAbilities();
  const servers = useQuery({ ...serverQueries.list(), enabled: Boolean(abilities?.features.compute) });
  return (id) => (id ? servers.data?.find((s) => s.id === id)?.name : undefined);
}

/**
 * An attachment's server by name, with its id beside it to copy. Without a name (no compute service,
 * or a server of another project) the id alone. `brief` (a table row) shows the name alone, with the
 * id in its tooltip.
 */
export function ServerName({
  id,
  device,
  brief = false,
}: {
  id: string;
  device?: string | null | undefined;
  brief?: boolean;
}) {
  const nameOf = useServerName();
  const name = nameOf(id);
  if (brief && name) {
    return (
      <Text size="sm" fw={500} truncate="end" maw={200} title={`${name} · ${id}`}>
        {name}
      </Text>
    );
  }
  return (
    <Group gap={6} wrap="nowrap">
      {name && (
        <Text size="sm" fw={500}>
          {name}
        </Text>
      )}
      {device && (
        <Text size="xs" c="dimmed" ff="monospace">
          {device}
        </Text>
      )}
      <CopyId id={id} />
    </Group>
  );
}
