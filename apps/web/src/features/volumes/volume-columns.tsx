import type { Volume } from '@cinder-console/cinder';
import { Badge } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { ResourceColumn } from '../../components/resource-table';
import { CopyId } from '../../components/copy-id';
import { NameLink } from '../../components/name-link';
import { StatusBadge } from '../../components/status-badge';
import { formatDateTime } from '../../lib/format';
import { AttachedServers } from '../../resources/servers/attached-servers';

const column = createColumnHelper<Volume>();

function attachedTo(volume: Volume): string {
  return (volume.attachments ?? [])
    .map((attachment) => attachment.server_id ?? attachment.host_name ?? '')
    .filter(Boolean)
    .join(', ');
}

/** The volumes table's columns, labelled in the current language. */
export function volumeColumns(t: TFunction, language: string): ResourceColumn<Volume>[] {
  const yesNo = (value: boolean | undefined) => (value ? t('common.yes') : t('common.no'));
  return [
    column.display({
      id: 'name',
      header: t('volumes.columns.name'),
      meta: { label: t('volumes.columns.name'), sortable: true, csv: (v) => v.name ?? '' },
      cell: ({ row }) => (
        <NameLink to={`/volumes/${row.original.id}`} name={row.original.name} unnamed={t('volumes.unnamed')} />
      ),
    }),
    column.display({
      id: 'id',
      header: t('volumes.columns.id'),
      // Off by default, as in Horizon: the name links to the volume, whose page shows the id to copy;
      // at 1280 px the table then fits without scrolling sideways. The column chooser brings it back.
      meta: { label: t('volumes.columns.id'), csv: (v) => v.id, hiddenByDefault: true },
      cell: ({ row }) => <CopyId id={row.original.id} />,
    }),
    column.display({
      id: 'status',
      header: t('volumes.columns.status'),
      meta: { label: t('volumes.columns.status'), sortable: true, csv: (v) => v.status },
      cell: ({ row }) => <StatusBadge status={row.original.status} />,
    }),
    column.display({
      id: 'size',
      header: t('volumes.columns.size'),
      meta: { label: t('volumes.columns.size'), sortable: true, csv: (v) => v.size },
      cell: ({ row }) => t('volumes.sizeGiB', { size: row.original.size }),
    }),
    column.display({
      id: 'type',
      header: t('volumes.columns.type'),
      meta: { label: t('volumes.columns.type'), csv: (v) => v.volume_type ?? '' },
      cell: ({ row }) => row.original.volume_type ?? '',
    }),
    column.display({
      id: 'bootable',
      header: t('volumes.columns.bootable'),
      meta: { label: t('volumes.columns.bootable'), csv: (v) => v.bootable ?? '' },
      cell: ({ row }) => yesNo(row.original.bootable === 'true'),
    }),
    column.display({
      id: 'attached',
      header: t('volumes.columns.attachedTo'),
      meta: { label: t('volumes.columns.attachedTo'), csv: attachedTo },
      cell: ({ row }) => <AttachedServers volume={row.original} brief />,
    }),
    column.display({
      id: 'az',
      header: t('volumes.columns.availabilityZone'),
      meta: { label: t('volumes.columns.availabilityZone'), sortable: true, csv: (v) => v.availability_zone ?? '' },
      cell: ({ row }) => row.original.availability_zone ?? '',
    }),
    column.display({
      id: 'encrypted',
      header: t('volumes.columns.encrypted'),
      meta: { label: t('volumes.columns.encrypted'), csv: (v) => v.encrypted ?? false, hiddenByDefault: true },
      cell: ({ row }) =>
        row.original.encrypted ? (
          <Badge size="sm" variant="outline">
            {t('volumes.encrypted')}
          </Badge>
        ) : (
          yesNo(false)
        ),
    }),
    column.display({
      id: 'multiattach',
      header: t('volumes.columns.multiattach'),
      meta: { label: t('volumes.columns.multiattach'), csv: (v) => v.multiattach ?? false, hiddenByDefault: true },
      cell: ({ row }) => yesNo(row.original.multiattach),
    }),
    column.display({
      id: 'created',
      header: t('volumes.columns.created'),
      meta: { label: t('volumes.columns.created'), sortable: true, csv: (v) => v.created_at },
      cell: ({ row }) => formatDateTime(row.original.created_at, language),
    }),
  ];
}
