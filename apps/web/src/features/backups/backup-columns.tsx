import type { Backup } from '@cinder-console/cinder';
import { Text } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { CopyId } from '../../components/copy-id';
import { NameLink } from '../../components/name-link';
import type { ResourceColumn } from '../../components/resource-table';
import { StatusBadge } from '../../components/status-badge';
import { formatDateTime } from '../../lib/format';
import { VolumeLink } from '../../resources/volumes/volume-names';
import { BackupActionMenu } from './backup-action-menu';

const column = createColumnHelper<Backup>();

/** The backups table's columns, labelled in the current language, the last one each row's action menu. */
export function backupColumns(t: TFunction, language: string): ResourceColumn<Backup>[] {
  const yesNo = (value: boolean | undefined) => (value ? t('common.yes') : t('common.no'));
  return [
    column.display({
      id: 'name',
      header: t('backups.columns.name'),
      meta: { label: t('backups.columns.name'), sortable: true, csv: (b) => b.name ?? '' },
      cell: ({ row }) => (
        <NameLink to={`/backups/${row.original.id}`} name={row.original.name} unnamed={t('backups.unnamed')} />
      ),
    }),
    column.display({
      id: 'id',
      header: t('backups.columns.id'),
      meta: { label: t('backups.columns.id'), csv: (b) => b.id },
      cell: ({ row }) => <CopyId id={row.original.id} />,
    }),
    column.display({
      id: 'status',
      header: t('backups.columns.status'),
      meta: { label: t('backups.columns.status'), sortable: true, csv: (b) => b.status },
      cell: ({ row }) => <StatusBadge status={row.original.status} />,
    }),
    column.display({
      id: 'size',
      header: t('backups.columns.size'),
      meta: { label: t('backups.columns.size'), sortable: true, csv: (b) => b.size },
      cell: ({ row }) => t('backups.sizeGiB', { size: row.original.size }),
    }),
    column.display({
      id: 'volume',
      header: t('backups.columns.volume'),
      meta: { label: t('backups.columns.volume'), csv: (b) => b.volume_id },
      cell: ({ row }) => <VolumeLink id={row.original.volume_id} />,
    }),
    column.display({
      id: 'incremental',
      header: t('backups.columns.incremental'),
      meta: { label: t('backups.columns.incremental'), csv: (b) => b.is_incremental ?? false },
      cell: ({ row }) => yesNo(row.original.is_incremental),
    }),
    column.display({
      id: 'dependents',
      header: t('backups.columns.dependents'),
      meta: { label: t('backups.columns.dependents'), csv: (b) => b.has_dependent_backups ?? false },
      cell: ({ row }) => yesNo(row.original.has_dependent_backups),
    }),
    column.display({
      id: 'container',
      header: t('backups.columns.container'),
      meta: { label: t('backups.columns.container'), csv: (b) => b.container ?? '', hiddenByDefault: true },
      cell: ({ row }) => row.original.container ?? '',
    }),
    column.display({
      id: 'description',
      header: t('backups.columns.description'),
      meta: { label: t('backups.columns.description'), csv: (b) => b.description ?? '', hiddenByDefault: true },
      cell: ({ row }) => (
        <Text size="sm" truncate maw={220} title={row.original.description ?? undefined}>
          {row.original.description ?? ''}
        </Text>
      ),
    }),
    column.display({
      id: 'created',
      header: t('backups.columns.created'),
      meta: { label: t('backups.columns.created'), sortable: true, csv: (b) => b.created_at },
      cell: ({ row }) => formatDateTime(row.original.created_at, language),
    }),
    column.display({
      id: 'actions',
      header: t('backups.columns.actions'),
      meta: { label: t('backups.columns.actions') },
      cell: ({ row }) => <BackupActionMenu backup={row.original} />,
    }),
  ];
}
