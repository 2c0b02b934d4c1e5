import { Fragment, useState, type CSSProperties, type ReactNode } from 'react';
import { Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatLocale } from '../../i18n/index.ts';
import { ProblemAlert } from '../problem-alert.tsx';
import { QueryState } from '../query-state.tsx';
import type { DataColumn, SortState } from './columns.ts';
import { ExportButtons } from './export-buttons.tsx';
import { exportTable } from './export.ts';
import { nextSort, sortRows } from './sort.ts';
import { TablePager } from './table-pager.tsx';

/** The table pages the rows it was given. */
export interface ClientPagination {
  mode: 'client';
  pageSize: number;
}
/** The server pages: the table shows the page it is given and asks for the next or previous one. */
export interface ServerPagination {
  mode: 'server';
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  loading?: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

type DataAttributes = Record<`data-${string}`, string | number | boolean | undefined>;

export interface DataTableProps<T> {
  columns: DataColumn<T>[];
  /** Undefined while the first load runs. */
  rows: T[] | undefined;
  rowKey: (row: T) => string;
  /** The table's accessible name (a caption for screen readers; also names its scroll region). */
  label: string;
  /** The query behind the rows: a spinner while it loads, its problem when it fails. */
  query?: { isPending: boolean; error: unknown };
  /** Said instead of the table when there are no rows. */
  empty?: ReactNode;
  pagination?: ClientPagination | ServerPagination;
  /** Sorted from the start by this column. */
  defaultSort?: SortState;
  /** Turns on CSV and XLSX export of the exported columns, in a file named `<exportName>-<date>`. */
  exportName?: string;
  /** Below this width the table scrolls sideways inside its container (see docs/adding-a-module.md). */
  minWidth?: number;
  testId?: string;
  /** data-testid of each row. */
  rowTestId?: string;
  /** More data-* attributes of each row (what journeys find a row by). */
  rowData?: (row: T) => DataAttributes;
  rowStyle?: (row: T) => CSSProperties | undefined;
  footerTestId?: string;
  striped?: boolean;
  /**
   * More about a row, in a full-width row of its own just below it (an audit event's before and
   * after); nothing is added when it returns null, undefined or false. The caller decides which
   * rows are open.
   */
  rowDetail?: (row: T) => ReactNode;
}

const cellStyle = (c: DataColumn<unknown>): CSSProperties | undefined =>
  c.numeric || c.nowrap ? { ...(c.numeric && { textAlign: 'right', fontVariantNumeric: 'tabular-nums' }), ...(c.nowrap && { whiteSpace: 'nowrap' }) } : undefined;

/**
 * A real <table>: column headers with scope, sortable ones as buttons with aria-sort, row headers
 * where a column names the row. Loading, failure and "nothing here" are said in place of it.
 * With server pagination sorting is the server's business: the headers are not sortable (sorting
 * one page of a longer list would mislead).
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { t, i18n } = useTranslation();
  const [sort, setSort] = useState<SortState | null>(props.defaultSort ?? null);
  const [page, setPage] = useState(1);
  const { columns, pagination } = props;
  const sortable = pagination?.mode !== 'server';

  if (props.query && props.rows === undefined) return <QueryState isPending={props.query.isPending} error={props.query.error} />;
  if (!props.rows) return null;

  const sorted = sortable ? sortRows(props.rows, columns, sort, formatLocale(i18n.language)) : props.rows;
  let shown = sorted;
  let status = '';
  if (pagination?.mode === 'client') {
    const pages = Math.max(1, Math.ceil(sorted.length / pagination.pageSize));
    const current = Math.min(page, pages);
    shown = sorted.slice((current - 1) * pagination.pageSize, current * pagination.pageSize);
    status = t('dataTable.rowsOf', { from: (current - 1) * pagination.pageSize + 1, to: (current - 1) * pagination.pageSize + shown.length, total: sorted.length });
  } else if (pagination?.mode === 'server') {
    status = t('dataTable.page', { page: pagination.page });
  }
  const hasFooter = columns.some((c) => c.footer !== undefined);
  const headerText = (c: DataColumn<T>) => (typeof c.header === 'string' ? t(c.header) : c.header);

  return (
    <div data-testid={props.testId && `${props.testId}-container`}>
      {props.query?.error != null && <ProblemAlert error={props.query.error} />}
      {props.exportName && shown.length > 0 && <ExportButtons name={props.exportName} table={() => exportTable(columns, sorted, t)} testId={props.testId} />}
      {shown.length === 0 ? (
        <Text size="sm" data-testid={props.testId && `${props.testId}-empty`}>
          {props.empty ?? t('dataTable.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={props.minWidth ?? 640} scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': props.label } }}>
          <Table striped={props.striped ?? true} data-testid={props.testId}>
            <Table.Caption>
              <VisuallyHidden>{props.label}</VisuallyHidden>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {columns.map((c) => {
                  const sortedHere = sort?.key === c.key ? sort.direction : undefined;
                  const label = c.headerHidden ? <VisuallyHidden>{headerText(c)}</VisuallyHidden> : headerText(c);
                  return (
                    <Table.Th key={c.key} scope="col" style={cellStyle(c as DataColumn<unknown>)} aria-sort={sortable && c.sortValue ? (sortedHere ?? 'none') : undefined}>
                      {/* The button's text follows the column's alignment (numbers on the right, headers over them). */}
                      {sortable && c.sortValue ? (
                        <UnstyledButton fw={700} fz="inherit" ta="inherit" onClick={() => setSort(nextSort(sort, c.key))} data-testid={`sort-${c.key}`}>
                          {label}
                          {/* A no-break space keeps the arrow with the last word. */}
                          <span aria-hidden="true">
                            {'\u00a0'}
                            {sortedHere === 'ascending' ? '▲' : sortedHere === 'descending' ? '▼' : '↕'}
                          </span>
                        </UnstyledButton>
                      ) : (
                        label
                      )}
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((row) => {
                const detail = props.rowDetail?.(row);
                return (
                  <Fragment key={props.rowKey(row)}>
                    <Table.Tr data-testid={props.rowTestId} style={props.rowStyle?.(row)} {...props.rowData?.(row)}>
                      {columns.map((c) =>
                        c.rowHeader ? (
                          <Table.Th key={c.key} scope="row" fw={400} style={cellStyle(c as DataColumn<unknown>)} data-column={c.key}>
                            {c.cell(row)}
                          </Table.Th>
                        ) : (
                          <Table.Td key={c.key} style={cellStyle(c as DataColumn<unknown>)} data-column={c.key}>
                            {c.cell(row)}
                          </Table.Td>
                        ),
                      )}
                    </Table.Tr>
                    {detail != null && detail !== false && (
                      <Table.Tr data-testid={props.rowTestId && `${props.rowTestId}-detail`}>
                        <Table.Td colSpan={columns.length}>{detail}</Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
            {hasFooter && (
              <Table.Tfoot>
                <Table.Tr data-testid={props.footerTestId} fw={700}>
                  {columns.map((c, i) =>
                    i === 0 && c.rowHeader ? (
                      <Table.Th key={c.key} scope="row">
                        {c.footer}
                      </Table.Th>
                    ) : (
                      <Table.Td key={c.key} style={cellStyle(c as DataColumn<unknown>)} data-column={c.key}>
                        {c.footer}
                      </Table.Td>
                    ),
                  )}
                </Table.Tr>
              </Table.Tfoot>
            )}
          </Table>
        </Table.ScrollContainer>
      )}
      {pagination?.mode === 'client' && (
        <TablePager
          status={status}
          hasPrevious={page > 1}
          hasNext={page * pagination.pageSize < sorted.length}
          onPrevious={() => setPage((p) => Math.max(1, p - 1))}
          onNext={() => setPage((p) => p + 1)}
          testId={props.testId}
        />
      )}
      {pagination?.mode === 'server' && <TablePager status={status} {...pagination} testId={props.testId} />}
    </div>
  );
}
