export { ResourceTable, type ResourceTableProps } from './resource-table';
export { TablePager } from './table-pager';
export { ColumnChooser } from './column-chooser';
export { ExportCsvButton } from './export-csv-button';
export type { ResourceColumn } from './column-meta';
export { ResourceList, type ResourceListProps } from './resource-list';
export { NameFilter, SelectFilter } from './list-filters';
