import type { VolumeGroup } from '@cinder-console/cinder';
import { Anchor, Text } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import { ActionMenu, type MenuAction } from '../../components/action-menu';
import type { ResourceColumn } from '../../components/resource-table';
import { StatusBadge } from '../../components/status-badge';
import { formatDateTime } from '../../lib/format';
import { displayName } from '../../lib/display-name';

const column = createColumnHelper<VolumeGroup>();

/** Names of the ids in `ids`, where known; the id itself otherwise. */
export const namesOf = (ids: readonly string[], names: ReadonlyMap<string, string>) =>
  ids.map((id) => names.get(id) ?? id).join(', ');

/** The groups table's columns, labelled in the current language. */
export function groupColumns(
  t: TFunction,
  language: string,
  names: { groupTypes: ReadonlyMap<string, string>; volumeTypes: ReadonlyMap<string, string> },
  actionsOf: (group: VolumeGroup) => MenuAction[],
): ResourceColumn<VolumeGroup>[] {
  return [
    column.display({
      id: 'name',
      header: t('groups.fields.name'),
      meta: { label: t('groups.fields.name') },
      cell: ({ row }) => (
        <Anchor component={Link} to={`/groups/${row.original.id}`} size="sm" fw={500}>
          {row.original.name || (
            <Text span fs="italic">
              {t('groups.unnamed')}
            </Text>
          )}
        </Anchor>
      ),
    }),
    column.display({
      id: 'status',
      header: t('groups.fields.status'),
      meta: { label: t('groups.fields.status') },
      cell: ({ row }) => <StatusBadge status={row.original.status} />,
    }),
    column.display({
      id: 'groupType',
      header: t('groups.fields.groupType'),
      meta: { label: t('groups.fields.groupType') },
      cell: ({ row }) => namesOf([row.original.group_type], names.groupTypes),
    }),
    column.display({
      id: 'volumeTypes',
      header: t('groups.fields.volumeTypes'),
      meta: { label: t('groups.fields.volumeTypes') },
      cell: ({ row }) => namesOf(row.original.volume_types, names.volumeTypes),
    }),
    column.display({
      id: 'created',
      header: t('groups.fields.created'),
      meta: { label: t('groups.fields.created') },
      cell: ({ row }) => formatDateTime(row.original.created_at, language),
    }),
    column.display({
      id: 'actions',
      header: () => <span className="sr-only">{t('groups.fields.actions')}</span>,
      meta: { label: t('groups.fields.actions') },
      cell: ({ row }) => <ActionMenu name={displayName(row.original)} actions={actionsOf(row.original)} />,
    }),
  ];
}
