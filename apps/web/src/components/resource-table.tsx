import { Box, Group, Skeleton, Table, Text, UnstyledButton } from '@mantine/core';
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert';
import classes from './resource-table.module.css';

const ROW_HEIGHT = 44;
const SKELETON_ROWS = 6;

export interface ResourceTableProps<T> {
  /** Names the table for assistive technology ("Volumes"). */
  label: string;
  data: T[] | undefined;
  columns: ColumnDef<T, unknown>[];
  getRowId: (row: T) => string;
  isLoading: boolean;
  error: unknown;
  errorTitle: string;
  emptyMessage: string;
  onRetry?: () => void;
}

function SortIndicator({ direction }: { direction: false | 'asc' | 'desc' }) {
  return (
    <span aria-hidden className={classes.sortIndicator}>
      {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}
    </span>
  );
}

/**
 * The one table every resource list uses: a real `<table>` (so screen readers announce rows and
 * columns), sortable headers that say their order through `aria-sort`, and only the visible rows
 * in the DOM so thousands of volumes scroll smoothly.
 */
export function ResourceTable<T>(props: ResourceTableProps<T>) {
  const { t } = useTranslation();
  const [sorting, setSorting] = useState<SortingState>([]);
  // TanStack Table returns new functions each render by design; the React Compiler must not memoise it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: props.data ?? [],
    columns: props.columns,
    state: { sorting },
    onSortingChange: setSorting,
    getRowId: props.getRowId,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  if (props.error) {
    return (
      <ErrorAlert error={props.error} title={props.errorTitle} {...(props.onRetry ? { onRetry: props.onRetry } : {})} />
    );
  }

  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const columnCount = table.getVisibleLeafColumns().length;

  return (
    <Box>
      <div ref={scrollRef} className={classes.scroller}>
        <Table aria-label={props.label} aria-busy={props.isLoading} stickyHeader highlightOnHover verticalSpacing="xs">
          <Table.Thead>
            {table.getHeaderGroups().map((group) => (
              <Table.Tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const content = flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <Table.Th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    >
                      {header.column.getCanSort() ? (
                        <UnstyledButton
                          className={classes.sortButton}
                          onClick={header.column.getToggleSortingHandler()}
                        >
                          {content}
                          <SortIndicator direction={sorted} />
                        </UnstyledButton>
                      ) : (
                        content
                      )}
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Thead>
          <Table.Tbody>
            {props.isLoading &&
              Array.from({ length: SKELETON_ROWS }, (_, index) => (
                <Table.Tr key={`skeleton-${index}`} aria-hidden>
                  {Array.from({ length: columnCount }, (_, cell) => (
                    <Table.Td key={cell}>
                      <Skeleton height={12} radius="sm" />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            {!props.isLoading && rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={columnCount}>
                  <Text c="dimmed" ta="center" py="xl">
                    {props.emptyMessage}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {paddingTop > 0 && (
              <tr aria-hidden style={{ height: paddingTop }}>
                <td colSpan={columnCount} />
              </tr>
            )}
            {items.map((item) => {
              const row = rows[item.index]!;
              return (
                <Table.Tr key={row.id} data-row-id={row.id} style={{ height: ROW_HEIGHT }}>
                  {row.getVisibleCells().map((cell) => (
                    <Table.Td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
            {paddingBottom > 0 && (
              <tr aria-hidden style={{ height: paddingBottom }}>
                <td colSpan={columnCount} />
              </tr>
            )}
          </Table.Tbody>
        </Table>
      </div>
      {!props.isLoading && (
        <Group justify="flex-end" mt="xs">
          <Text size="xs" c="dimmed" aria-live="polite">
            {t('table.rowCount', { count: rows.length })}
          </Text>
        </Group>
      )}
    </Box>
  );
}
