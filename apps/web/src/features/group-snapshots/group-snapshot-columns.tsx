import type { GroupSnapshot } from '@cinder-console/cinder';
import { Anchor } from '@mantine/core';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import { ActionMenu, type MenuAction } from '../../components/action-menu';
import type { ResourceColumn } from '../../components/resource-table';
import { column } from '../../components/resource-table/column-builders';
import { displayName } from '../../lib/display-name';

/** The group snapshots table's columns; `groupNames` names the group each was taken of. */
export function groupSnapshotColumns(
  t: TFunction,
  language: string,
  groupNames: ReadonlyMap<string, string>,
  actionsOf: (snapshot: GroupSnapshot) => MenuAction[],
): ResourceColumn<GroupSnapshot>[] {
  const label = (field: string) => t(`groupSnapshots.fields.${field}`);
  return [
    column.name(label('name'), t('groups.unnamed'), (snapshot) => `/group-snapshots/${snapshot.id}`),
    column.status(label('status')),
    column.display('group', label('group'), (snapshot) => (
      <Anchor component={Link} to={`/groups/${snapshot.group_id}`} size="sm">
        {groupNames.get(snapshot.group_id) || snapshot.group_id}
      </Anchor>
    )),
    column.created(label('created'), language),
    column.actions(label('actions'), (snapshot) => (
      <ActionMenu name={displayName(snapshot)} actions={actionsOf(snapshot)} />
    )),
  ];
}
