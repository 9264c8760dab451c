import type { Snapshot } from '@cinder-console/cinder';
import type { TFunction } from 'i18next';
import type { ResourceColumn } from '../../components/resource-table';
import { column } from '../../components/resource-table/column-builders';
import { SnapshotRowMenu } from './snapshot-row-menu';
import { SnapshotStatus } from './snapshot-status';
import { VolumeLink } from '../../resources/volumes/volume-names';

/** The snapshots table's columns, labelled in the current language. */
export function snapshotColumns(t: TFunction, language: string): ResourceColumn<Snapshot>[] {
  const label = (column: string) => t(`snapshots.columns.${column}`);
  return [
    column.name(label('name'), t('snapshots.unnamed'), (s) => `/snapshots/${s.id}`, {
      sortable: true,
      csv: (s) => s.name ?? '',
    }),
    column.id(label('id')),
    column.status(label('status'), { sortable: true, csv: (s) => s.status }, (s) => <SnapshotStatus snapshot={s} />),
    column.display('size', label('size'), (s) => t('snapshots.sizeGiB', { size: s.size }), {
      sortable: true,
      csv: (s) => s.size,
    }),
    column.display('volume', label('volume'), (s) => <VolumeLink id={s.volume_id} />, { csv: (s) => s.volume_id }),
    column.description(label('description'), 240, { hiddenByDefault: true }),
    column.created(label('created'), language, { sortable: true, csv: (s) => s.created_at }),
    column.actions(label('actions'), (s) => <SnapshotRowMenu snapshot={s} />),
  ];
}
