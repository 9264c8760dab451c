import { Box, Checkbox, Skeleton, Table, Text, UnstyledButton } from '@mantine/core';
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type RowSelectionState,
  type Updater,
  type VisibilityState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SortOrder } from '../../lib/list-view';
import { ErrorAlert } from '../error-alert';
import type { ResourceColumn } from './column-meta';
import cells from '../table-cells.module.css';
import classes from './resource-table.module.css';

const ROW_HEIGHT = 48;
/**
 * The rows while there are none yet. TanStack Table recomputes its row model whenever `data` is a
 * new array, so `props.data ?? []` would hand it a fresh one on every render while loading.
 */
const NO_ROWS: never[] = [];
const SKELETON_ROWS = 6;
const FIRST_PAINT_RECT = { width: 1920, height: 1200 };

export interface ResourceTableProps<T> {
  /** Names the table for assistive technology ("Volumes"). */
  label: string;
  data: T[] | undefined;
  columns: ResourceColumn<T>[];
  getRowId: (row: T) => string;
  /** A readable name of a row for the selection checkbox ("Select db-primary"). */
  getRowLabel: (row: T) => string;
  isLoading: boolean;
  /** A new page is on its way while the old one shows. */
  isFetching?: boolean;
  error: unknown;
  errorTitle: string;
  emptyMessage: string;
  onRetry?: () => void;
  sort: SortOrder | undefined;
  onSortChange: (sort: SortOrder | undefined) => void;
  hiddenColumns: readonly string[];
  /** With these, rows get checkboxes for bulk actions. */
  selection?: RowSelectionState;
  onSelectionChange?: (selection: RowSelectionState) => void;
}

function SortIndicator({ direction }: { direction: false | 'asc' | 'desc' }) {
  return (
    <span aria-hidden className={classes.sortIndicator}>
      {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}
    </span>
  );
}

/** Cycles a column's order: descending first (newest, largest), then ascending, then the cloud's default. */
function nextSort(current: SortOrder | undefined, key: string): SortOrder | undefined {
  if (current?.key !== key) return { key, dir: 'desc' };
  return current.dir === 'desc' ? { key, dir: 'asc' } : undefined;
}

/**
 * The one table every resource list uses: a real `<table>` (so screen readers announce rows and
 * columns), headers that sort on the server and say their order through `aria-sort`, optional
 * row checkboxes, and only the visible rows in the DOM so a 200-row page scrolls smoothly.
 */
export function ResourceTable<T>(props: ResourceTableProps<T>) {
  const { t } = useTranslation();
  const selectable = props.selection !== undefined && props.onSelectionChange !== undefined;
  const columnVisibility = useMemo<VisibilityState>(
    () => Object.fromEntries(props.hiddenColumns.map((id) => [id, false])),
    [props.hiddenColumns],
  );
  const onRowSelectionChange = (updater: Updater<RowSelectionState>) => {
    const current = props.selection ?? {};
    props.onSelectionChange?.(typeof updater === 'function' ? updater(current) : updater);
  };
  // TanStack Table returns new functions each render by design; the React Compiler must not memoise it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: props.data ?? NO_ROWS,
    columns: props.columns,
    state: { columnVisibility, rowSelection: props.selection ?? {} },
    enableRowSelection: selectable,
    onRowSelectionChange,
    manualSorting: true,
    // Cinder pages on the server. Left automatic, TanStack resets its own page index (in a microtask,
    // with a state update) whenever the row model changes: a render loop while a page is loading.
    manualPagination: true,
    getRowId: props.getRowId,
    getCoreRowModel: getCoreRowModel(),
  });
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    // The scroller's size until it is measured: in the browser that is before the first paint;
    // drawn on the server (the first paint) never, so the rows a tall screen shows are drawn.
    initialRect: FIRST_PAINT_RECT,
  });

  if (props.error && !props.data) {
    return (
      <ErrorAlert error={props.error} title={props.errorTitle} {...(props.onRetry ? { onRetry: props.onRetry } : {})} />
    );
  }

  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const columnCount = table.getVisibleLeafColumns().length + (selectable ? 1 : 0);

  return (
    <Box>
      {props.error ? (
        <ErrorAlert
          error={props.error}
          title={props.errorTitle}
          {...(props.onRetry ? { onRetry: props.onRetry } : {})}
        />
      ) : null}
      <div ref={scrollRef} className={classes.scroller}>
        <Table
          aria-label={props.label}
          aria-busy={props.isLoading || props.isFetching}
          stickyHeader
          highlightOnHover
          verticalSpacing="xs"
          className={`${cells.oneLine} ${props.isFetching && !props.isLoading ? classes.fetching : ''}`}
        >
          <Table.Thead>
            <Table.Tr>
              {selectable && (
                <Table.Th scope="col" className={classes.selectCell}>
                  <Checkbox
                    aria-label={t('table.selectAll')}
                    checked={table.getIsAllRowsSelected()}
                    indeterminate={table.getIsSomeRowsSelected()}
                    onChange={table.getToggleAllRowsSelectedHandler()}
                  />
                </Table.Th>
              )}
              {table.getFlatHeaders().map((header) => {
                const meta = header.column.columnDef.meta;
                const sorted = props.sort?.key === header.column.id ? props.sort.dir : false;
                const content = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <Table.Th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    {meta?.sortable ? (
                      <UnstyledButton
                        className={classes.sortButton}
                        onClick={() => props.onSortChange(nextSort(props.sort, header.column.id))}
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
                <Table.Tr
                  key={row.id}
                  data-row-id={row.id}
                  style={{ height: ROW_HEIGHT }}
                  bg={row.getIsSelected() ? 'var(--mantine-primary-color-light)' : undefined}
                >
                  {selectable && (
                    <Table.Td className={classes.selectCell}>
                      <Checkbox
                        aria-label={t('table.selectRow', { name: props.getRowLabel(row.original) })}
                        checked={row.getIsSelected()}
                        onChange={row.getToggleSelectedHandler()}
                      />
                    </Table.Td>
                  )}
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
    </Box>
  );
}
