import { Group, Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { RowSelectionState } from '@tanstack/react-table';
import { useMemo, useState, type ReactNode } from 'react';
import type { ListPage } from '../../lib/cinder-list';
import type { ListViewControls } from '../../lib/list-view';
import type { ResourceColumn } from './column-meta';
import { ColumnChooser } from './column-chooser';
import { ExportCsvButton } from './export-csv-button';
import { ResourceTable } from './resource-table';
import { TablePager } from './table-pager';

export interface ResourceListProps<T extends { id: string }> {
  label: string;
  list: {
    controls: ListViewControls;
    page: UseQueryResult<ListPage<T>>;
    loadAll: (signal: AbortSignal) => Promise<T[]>;
  };
  columns: ResourceColumn<T>[];
  getRowLabel: (row: T) => string;
  errorTitle: string;
  emptyMessage: string;
  exportFileName: string;
  /** Filter controls, shown left of the table tools. */
  filters: ReactNode;
  /** Buttons acting on the selected rows; the table gets checkboxes when this is given. */
  bulkActions?: (selected: T[], clearSelection: () => void) => ReactNode;
}

/** A complete resource list: filters, column chooser, CSV export, bulk actions, the table and the pager. */
export function ResourceList<T extends { id: string }>(props: ResourceListProps<T>) {
  const { controls, page, loadAll } = props.list;
  const [selection, setSelection] = useState<RowSelectionState>({});
  const viewKey = JSON.stringify({ ...controls.view, hiddenColumns: undefined });
  const [selectionView, setSelectionView] = useState(viewKey);
  // A selection belongs to the rows it was made on; another page or filter starts afresh.
  if (selectionView !== viewKey) {
    setSelectionView(viewKey);
    setSelection({});
  }
  const hidden = useMemo(
    () =>
      controls.view.hiddenColumns ??
      props.columns.filter((column) => column.meta?.hiddenByDefault).map((column) => column.id!),
    [controls.view.hiddenColumns, props.columns],
  );
  const rows = page.data?.items;
  const selected = (rows ?? []).filter((row) => selection[row.id]);
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end" gap="xs">
        <Group gap="xs" align="flex-end">
          {props.filters}
        </Group>
        <Group gap="xs">
          {props.bulkActions?.(selected, () => setSelection({}))}
          <ColumnChooser columns={props.columns} hidden={hidden} onChange={controls.setHiddenColumns} />
          <ExportCsvButton fileName={props.exportFileName} columns={props.columns} hidden={hidden} loadAll={loadAll} />
        </Group>
      </Group>
      <ResourceTable
        label={props.label}
        data={rows}
        columns={props.columns}
        getRowId={(row) => row.id}
        getRowLabel={props.getRowLabel}
        isLoading={page.isPending}
        isFetching={page.isPlaceholderData}
        error={page.error}
        errorTitle={props.errorTitle}
        emptyMessage={props.emptyMessage}
        onRetry={() => void page.refetch()}
        sort={controls.view.sort}
        onSortChange={controls.setSort}
        hiddenColumns={hidden}
        {...(props.bulkActions ? { selection, onSelectionChange: setSelection } : {})}
      />
      <TablePager
        controls={controls}
        shown={rows?.length ?? 0}
        count={page.data?.count}
        nextMarker={page.data?.nextMarker}
      />
    </Stack>
  );
}
