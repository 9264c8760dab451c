import type { Backup } from '@cinder-console/cinder';
import type { TFunction } from 'i18next';
import type { ResourceColumn } from '../../components/resource-table';
import { column } from '../../components/resource-table/column-builders';
import { VolumeLink } from '../../resources/volumes/volume-names';
import { BackupActionMenu } from './backup-action-menu';

/** The backups table's columns, labelled in the current language, the last one each row's action menu. */
export function backupColumns(t: TFunction, language: string): ResourceColumn<Backup>[] {
  const yesNo = (value: boolean | undefined) => (value ? t('common.yes') : t('common.no'));
  const label = (column: string) => t(`backups.columns.${column}`);
  return [
    column.name(label('name'), t('backups.unnamed'), (b) => `/backups/${b.id}`, {
      sortable: true,
      csv: (b) => b.name ?? '',
    }),
    column.id(label('id')),
    column.status(label('status'), { sortable: true, csv: (b) => b.status }),
    column.display('size', label('size'), (b) => t('backups.sizeGiB', { size: b.size }), {
      sortable: true,
      csv: (b) => b.size,
    }),
    column.display('volume', label('volume'), (b) => <VolumeLink id={b.volume_id} />, { csv: (b) => b.volume_id }),
    column.display('incremental', label('incremental'), (b) => yesNo(b.is_incremental), {
      csv: (b) => b.is_incremental ?? false,
    }),
    column.display('dependents', label('dependents'), (b) => yesNo(b.has_dependent_backups), {
      csv: (b) => b.has_dependent_backups ?? false,
    }),
    column.display('container', label('container'), (b) => b.container ?? '', {
      csv: (b) => b.container ?? '',
      hiddenByDefault: true,
    }),
    column.description(label('description'), 220, { hiddenByDefault: true }),
    column.created(label('created'), language, { sortable: true, csv: (b) => b.created_at }),
    column.actions(label('actions'), (b) => <BackupActionMenu backup={b} />),
  ];
}
