import { Anchor, Select, Text } from '@mantine/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { z } from 'zod';
import { apiJson } from '../../lib/api-client';
import type { ListViewControls } from '../../lib/list-view';
import { cinderKeys } from '../../lib/query-keys';

/** Cinder's summary list (`GET /volumes`): id and name only, the cheapest way to name many volumes. */
const volumeNamesSchema = z.object({
  volumes: z.array(z.object({ id: z.string(), name: z.string().nullish() })),
});

/** Cinder's largest page by default (`osapi_max_limit`); a volume past it shows by id. */
const NAMES_LIMIT = 1000;

/**
 * The project's volume names by id. Among the volumes' pickers, so creating, renaming or deleting
 * a volume (and the live feed) refreshes it.
 */
const volumeNamesQuery = () =>
  queryOptions({
    queryKey: cinderKeys('volumes').picker('names'),
    queryFn: async ({ signal }) => {
      const body = await apiJson(`/api/cinder/volumes?limit=${NAMES_LIMIT}`, volumeNamesSchema, { signal });
      return new Map(body.volumes.map((volume) => [volume.id, volume.name ?? '']));
    },
    staleTime: 60_000,
  });

/** The first block of a UUID: enough to tell volumes apart at a glance where no name is known. */
const shortId = (id: string) => id.slice(0, 8);

/**
 * A link to a volume that a snapshot, backup or other resource points at, by the volume's name
 * (Horizon's way), by the start of its id where it has none or is gone. The whole id is in the
 * tooltip and one click away on the volume's page.
 */
export function VolumeLink({ id, maw = 200 }: { id: string; maw?: number | string }) {
  const { t } = useTranslation();
  const names = useQuery(volumeNamesQuery());
  const name = names.data?.get(id);
  return (
    <Anchor
      component={Link}
      to={`/volumes/${encodeURIComponent(id)}`}
      size="sm"
      title={name ? t('volumes.linkTitle', { name, id }) : id}
      display="block"
      maw={maw}
    >
      {name ? (
        <Text span inherit truncate="end" display="block">
          {name}
        </Text>
      ) : (
        <Text span inherit ff="monospace">
          {names.data?.has(id) ? t('volumes.unnamedShort', { id: shortId(id) }) : shortId(id)}
        </Text>
      )}
    </Anchor>
  );
}

/**
 * Filters a list by the volume its rows point at, picked by name (Cinder filters on the whole id,
 * which nobody types). A volume in the address that the project's list lacks stays, by its id.
 */
export function VolumeFilter({ controls, label }: { controls: ListViewControls; label: string }) {
  const { t } = useTranslation();
  const names = useQuery(volumeNamesQuery());
  const current = controls.view.filters.volume;
  const options = [...(names.data ?? new Map<string, string>())].map(([id, name]) => ({
    value: id,
    label: name ? `${name} (${shortId(id)})` : id,
  }));
  if (current && !names.data?.has(current)) options.unshift({ value: current, label: current });
  return (
    <Select
      size="xs"
      label={label}
      placeholder={t('volumes.filterAny')}
      data={options}
      value={current ?? null}
      onChange={(value) => controls.setFilter('volume', value ?? undefined)}
      searchable
      clearable
      nothingFoundMessage={t('volumes.filterNoMatch')}
      w={240}
    />
  );
}
