import type { ReactNode } from 'react';

/** What a cell is sorted and exported by: plain values, never elements. */
export type CellValue = string | number | null | undefined;

/** One column of a data table, typed by the row it shows. */
export interface DataColumn<T> {
  /** Stable name: the React key and each cell's `data-column`. */
  key: string;
  /** A message key (translated) or an element; an element needs `exportHeader` to be exported. */
  header: string | ReactNode;
  /** Message key of the header in exports, when `header` is an element. */
  exportHeader?: string;
  /** The header is for screen readers only (a column of buttons). */
  headerHidden?: boolean;
  cell: (row: T) => ReactNode;
  /** Makes the column sortable, by this value. */
  sortValue?: (row: T) => CellValue;
  /** The value written to CSV/XLSX; defaults to `sortValue`. Columns with neither are not exported. */
  exportValue?: (row: T) => CellValue;
  /** The cell names its row for screen readers (`<th scope="row">`). */
  rowHeader?: boolean;
  /** Numbers line up on the right. */
  numeric?: boolean;
  nowrap?: boolean;
  /** Shown in the table's footer row (totals). */
  footer?: ReactNode;
}

export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  key: string;
  direction: SortDirection;
}
