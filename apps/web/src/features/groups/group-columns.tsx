import type { VolumeGroup } from '@cinder-console/cinder';
import type { TFunction } from 'i18next';
import { ActionMenu, type MenuAction } from '../../components/action-menu';
import type { ResourceColumn } from '../../components/resource-table';
import { column } from '../../components/resource-table/column-builders';
import { displayName } from '../../lib/display-name';

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
  const label = (field: string) => t(`groups.fields.${field}`);
  return [
    column.name(label('name'), t('groups.unnamed'), (group) => `/groups/${group.id}`),
    column.status(label('status')),
    column.display('groupType', label('groupType'), (group) => namesOf([group.group_type], names.groupTypes)),
    column.display('volumeTypes', label('volumeTypes'), (group) => namesOf(group.volume_types, names.volumeTypes)),
    column.created(label('created'), language),
    column.actions(label('actions'), (group) => <ActionMenu name={displayName(group)} actions={actionsOf(group)} />),
  ];
}
