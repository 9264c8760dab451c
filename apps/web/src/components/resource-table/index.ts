export { ResourceTable } from './resource-table';
export type { ResourceColumn } from './column-meta';
export { ResourceList } from './resource-list';
export { NameFilter, SelectFilter } from './list-filters';
