import type { Snapshot } from '@cinder-console/cinder';
import { Text } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { CopyId } from '../../components/copy-id';
import { NameLink } from '../../components/name-link';
import type { ResourceColumn } from '../../components/resource-table';
import { formatDateTime } from '../../lib/format';
import { SnapshotRowMenu } from './snapshot-row-menu';
import { SnapshotStatus } from './snapshot-status';
import { VolumeLink } from '../../resources/volumes/volume-names';

const column = createColumnHelper<Snapshot>();

/** The snapshots table's columns, labelled in the current language. */
export function snapshotColumns(t: TFunction, language: string): ResourceColumn<Snapshot>[] {
  return [
    column.display({
      id: 'name',
      header: t('snapshots.columns.name'),
      meta: { label: t('snapshots.columns.name'), sortable: true, csv: (s) => s.name ?? '' },
      cell: ({ row }) => (
        <NameLink to={`/snapshots/${row.original.id}`} name={row.original.name} unnamed={t('snapshots.unnamed')} />
      ),
    }),
    column.display({
      id: 'id',
      header: t('snapshots.columns.id'),
      meta: { label: t('snapshots.columns.id'), csv: (s) => s.id },
      cell: ({ row }) => <CopyId id={row.original.id} />,
    }),
    column.display({
      id: 'status',
      header: t('snapshots.columns.status'),
      meta: { label: t('snapshots.columns.status'), sortable: true, csv: (s) => s.status },
      cell: ({ row }) => <SnapshotStatus snapshot={row.original} />,
    }),
    column.display({
      id: 'size',
      header: t('snapshots.columns.size'),
      meta: { label: t('snapshots.columns.size'), sortable: true, csv: (s) => s.size },
      cell: ({ row }) => t('snapshots.sizeGiB', { size: row.original.size }),
    }),
    column.display({
      id: 'volume',
      header: t('snapshots.columns.volume'),
      meta: { label: t('snapshots.columns.volume'), csv: (s) => s.volume_id },
      cell: ({ row }) => <VolumeLink id={row.original.volume_id} />,
    }),
    column.display({
      id: 'description',
      header: t('snapshots.columns.description'),
      meta: { label: t('snapshots.columns.description'), csv: (s) => s.description ?? '', hiddenByDefault: true },
      cell: ({ row }) => (
        <Text size="sm" truncate maw={240} title={row.original.description ?? undefined}>
          {row.original.description ?? ''}
        </Text>
      ),
    }),
    column.display({
      id: 'created',
      header: t('snapshots.columns.created'),
      meta: { label: t('snapshots.columns.created'), sortable: true, csv: (s) => s.created_at },
      cell: ({ row }) => formatDateTime(row.original.created_at, language),
    }),
    column.display({
      id: 'actions',
      header: () => <span className="sr-only">{t('snapshots.columns.actions')}</span>,
      meta: { label: t('snapshots.columns.actions') },
      cell: ({ row }) => <SnapshotRowMenu snapshot={row.original} />,
    }),
  ];
}
