import type { ColumnDef, RowData } from '@tanstack/react-table';

declare module '@tanstack/react-table' {
  // Declaration merging needs the same type parameters as the library's interface.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The column's name in the column chooser and the CSV header. */
    label: string;
    /** Cinder can order the list by this column (server-side). */
    sortable?: boolean;
    /** The value written to CSV; columns without it are left out of the export. */
    csv?: (row: TData) => unknown;
    /** Hidden until the user picks it in the column chooser. */
    hiddenByDefault?: boolean;
  }
}

export type ResourceColumn<T> = ColumnDef<T, unknown>;
