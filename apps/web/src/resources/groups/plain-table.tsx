import type { ResourceColumn } from '../../components/resource-table';
import { ResourceTable } from '../../components/resource-table';

const NONE: readonly string[] = [];
const ignoreSort = () => undefined;

/**
 * A whole list (groups, group snapshots, a group's volumes) in the console's one table, without
 * paging or sorting on the server: Cinder takes no member filters on these lists.
 */
export function PlainTable<T extends { id: string; name: string | null }>(props: {
  label: string;
  data: T[] | undefined;
  columns: ResourceColumn<T>[];
  isLoading: boolean;
  error: unknown;
  errorTitle: string;
  emptyMessage: string;
  onRetry: () => void;
}) {
  return (
    <ResourceTable
      {...props}
      getRowId={(row) => row.id}
      getRowLabel={(row) => row.name || row.id}
      sort={undefined}
      onSortChange={ignoreSort}
      hiddenColumns={NONE}
    />
  );
}
