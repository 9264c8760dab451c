import type { Volume } from '@cinder-console/cinder';
import { parseOpenStackTime } from '@cinder-console/cinder';
import { Stack, Text } from '@mantine/core';
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { StatusBadge } from '../../components/status-badge';
import { formatDateTime } from '../../lib/format';

const column = createColumnHelper<Volume>();

/** The volumes table's columns, labelled in the current language. */
export function volumeColumns(t: TFunction, language: string): ColumnDef<Volume, unknown>[] {
  return [
    column.accessor((v) => v.name ?? '', {
      id: 'name',
      header: t('volumes.columns.name'),
      cell: ({ row }) => (
        <Stack gap={0}>
          <Text size="sm" fw={500} fs={row.original.name ? undefined : 'italic'}>
            {row.original.name || t('volumes.unnamed')}
          </Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {row.original.id}
          </Text>
        </Stack>
      ),
    }),
    column.accessor('status', {
      header: t('volumes.columns.status'),
      cell: ({ getValue }) => <StatusBadge status={getValue()} />,
    }),
    column.accessor('size', {
      header: t('volumes.columns.size'),
      cell: ({ getValue }) => t('volumes.sizeGiB', { size: getValue() }),
    }),
    column.accessor((v) => v.volume_type ?? '', { id: 'type', header: t('volumes.columns.type') }),
    column.accessor((v) => parseOpenStackTime(v.created_at).getTime(), {
      id: 'created',
      header: t('volumes.columns.created'),
      cell: ({ row }) => formatDateTime(row.original.created_at, language),
    }),
  ] as ColumnDef<Volume, unknown>[];
}
