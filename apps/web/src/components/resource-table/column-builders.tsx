import type { ReactNode } from 'react';
import type { ColumnMeta } from '@tanstack/react-table';
import { Text } from '@mantine/core';
import { CopyId } from '../copy-id';
import { NameLink } from '../name-link';
import { StatusBadge } from '../status-badge';
import { formatDateTime } from '../../lib/format';
import type { ResourceColumn } from './column-meta';

/** What a column may say of itself besides its label: sortable, its CSV value, hidden at first. */
type ColumnExtras<T> = Omit<ColumnMeta<T, unknown>, 'label'>;

/**
 * One column of a resource table: the header and the column chooser say `label`, each cell shows
 * what `cell` makes of its row. The builders below make the columns most kinds share.
 */
function listColumn<T>(
  id: string,
  label: string,
  cell: (row: T) => ReactNode,
  extras: ColumnExtras<T> = {},
): ResourceColumn<T> {
  return { id, header: label, meta: { label, ...extras }, cell: ({ row }) => cell(row.original) };
}

/** The name, linking to the resource's own page; an unnamed resource says so. */
function nameColumn<T extends { name?: string | null | undefined }>(
  label: string,
  unnamed: string,
  pathOf: (row: T) => string,
  extras: ColumnExtras<T> = {},
): ResourceColumn<T> {
  return listColumn('name', label, (row) => <NameLink to={pathOf(row)} name={row.name} unnamed={unnamed} />, extras);
}

/** The id in monospace, with a button that copies it. */
function idColumn<T extends { id: string }>(label: string, extras: ColumnExtras<T> = {}): ResourceColumn<T> {
  return listColumn('id', label, (row) => <CopyId id={row.id} />, { csv: (row) => row.id, ...extras });
}

/** The status as a coloured badge, or as `cell` shows it where a kind says more. */
function statusColumn<T extends { status: string }>(
  label: string,
  extras: ColumnExtras<T> = {},
  cell: (row: T) => ReactNode = (row) => <StatusBadge status={row.status} />,
): ResourceColumn<T> {
  return listColumn('status', label, cell, extras);
}

/** A free-text description on one line, cut at `width` with the whole text in the tooltip. */
function descriptionColumn<T extends { description?: string | null | undefined }>(
  label: string,
  width: number,
  extras: ColumnExtras<T> = {},
): ResourceColumn<T> {
  return listColumn(
    'description',
    label,
    (row) => (
      <Text size="sm" truncate maw={width} title={row.description ?? undefined}>
        {row.description ?? ''}
      </Text>
    ),
    { csv: (row) => row.description ?? '', ...extras },
  );
}

/** When the resource was created, in the reader's language and time zone. */
function createdColumn<T extends { created_at?: string | null | undefined }>(
  label: string,
  language: string,
  extras: ColumnExtras<T> = {},
): ResourceColumn<T> {
  return listColumn('created', label, (row) => formatDateTime(row.created_at, language), extras);
}

/** Each row's action menu, under a header only screen readers hear. */
function actionsColumn<T>(label: string, menu: (row: T) => ReactNode): ResourceColumn<T> {
  return {
    id: 'actions',
    header: () => <span className="sr-only">{label}</span>,
    meta: { label },
    cell: ({ row }) => menu(row.original),
  };
}

/**
 * The column builders every kind's table is made of (`column.name(…)`, `column.display(…)`), so a
 * column looks and exports the same in every table.
 */
export const column = {
  display: listColumn,
  name: nameColumn,
  id: idColumn,
  status: statusColumn,
  description: descriptionColumn,
  created: createdColumn,
  actions: actionsColumn,
};
