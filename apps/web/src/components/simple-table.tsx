import type { ReactNode } from 'react';
import { Table } from '@mantine/core';

/** One column of a `SimpleTable`. */
export interface SimpleColumn<T> {
  id: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Host names, ids and references read better in monospace. */
  mono?: boolean;
  /** The cell that names its row, announced as the row's header. */
  rowHeader?: boolean;
  /** Long unbroken text (spec lists) breaks anywhere instead of widening the table. */
  breakAnywhere?: boolean;
}

/**
 * A short list the cloud gives whole (services, pools, types, credentials) as a plain `<table>`:
 * every row in the page, no paging, sorting or selection, as the resource lists have. Wide tables
 * scroll sideways inside their own box (`minWidth`) instead of widening the page.
 */
export function SimpleTable<T>({
  label,
  labelledBy,
  columns,
  rows,
  rowKey,
  minWidth,
  highlightOnHover = false,
}: {
  /** Names the table for assistive technology; or `labelledBy`, the id of the heading that does. */
  label?: string;
  labelledBy?: string;
  columns: readonly (SimpleColumn<T> | false)[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  minWidth?: number;
  highlightOnHover?: boolean;
}) {
  const shown = columns.filter((column): column is SimpleColumn<T> => column !== false);
  const table = (
    <Table aria-label={label} aria-labelledby={labelledBy} striped highlightOnHover={highlightOnHover}>
      <Table.Thead>
        <Table.Tr>
          {shown.map((column) => (
            <Table.Th key={column.id} scope="col">
              {column.header}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={rowKey(row)}>
            {shown.map((column) => {
              const Cell = column.rowHeader ? Table.Th : Table.Td;
              return (
                <Cell
                  key={column.id}
                  scope={column.rowHeader ? 'row' : undefined}
                  ff={column.mono ? 'monospace' : undefined}
                  style={column.breakAnywhere ? { overflowWrap: 'anywhere' } : undefined}
                >
                  {column.cell(row)}
                </Cell>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return minWidth ? <Table.ScrollContainer minWidth={minWidth}>{table}</Table.ScrollContainer> : table;
}
