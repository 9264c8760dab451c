import type { GroupSnapshot } from '@cinder-console/cinder';
import { Anchor, Text } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import { ActionMenu, type MenuAction } from '../../components/action-menu';
import type { ResourceColumn } from '../../components/resource-table';
import { StatusBadge } from '../../components/status-badge';
import { formatDateTime } from '../../lib/format';
import { displayName } from '../../lib/display-name';

const column = createColumnHelper<GroupSnapshot>();

/** The group snapshots table's columns; `groupNames` names the group each was taken of. */
export function groupSnapshotColumns(
  t: TFunction,
  language: string,
  groupNames: ReadonlyMap<string, string>,
  actionsOf: (snapshot: GroupSnapshot) => MenuAction[],
): ResourceColumn<GroupSnapshot>[] {
  return [
    column.display({
      id: 'name',
      header: t('groupSnapshots.fields.name'),
      meta: { label: t('groupSnapshots.fields.name') },
      cell: ({ row }) => (
        <Anchor component={Link} to={`/group-snapshots/${row.original.id}`} size="sm" fw={500}>
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
      header: t('groupSnapshots.fields.status'),
      meta: { label: t('groupSnapshots.fields.status') },
      cell: ({ row }) => <StatusBadge status={row.original.status} />,
    }),
    column.display({
      id: 'group',
      header: t('groupSnapshots.fields.group'),
      meta: { label: t('groupSnapshots.fields.group') },
      cell: ({ row }) => (
        <Anchor component={Link} to={`/groups/${row.original.group_id}`} size="sm">
          {groupNames.get(row.original.group_id) || row.original.group_id}
        </Anchor>
      ),
    }),
    column.display({
      id: 'created',
      header: t('groupSnapshots.fields.created'),
      meta: { label: t('groupSnapshots.fields.created') },
      cell: ({ row }) => formatDateTime(row.original.created_at, language),
    }),
    column.display({
      id: 'actions',
      header: () => <span className="sr-only">{t('groupSnapshots.fields.actions')}</span>,
      meta: { label: t('groupSnapshots.fields.actions') },
      cell: ({ row }) => <ActionMenu name={displayName(row.original)} actions={actionsOf(row.original)} />,
    }),
  ];
}
