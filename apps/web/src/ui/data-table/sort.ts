import type { CellValue, DataColumn, SortState } from './columns.ts';

/** Clicking a header: a new column sorts ascending; the sorted one flips. */
export function nextSort(current: SortState | null, key: string): SortState {
  if (current?.key !== key) return { key, direction: 'ascending' };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

/**
 * Orders compared values: numbers as numbers, text in the reader's language ("Ҷ" after "Ч" in
 * Tajik, "10" after "9"); empty values last whichever the direction, so blanks never lead.
 */
export function compareValues(a: CellValue, b: CellValue, collator: Intl.Collator): number {
  const aEmpty = a === null || a === undefined || a === '';
  const bEmpty = b === null || b === undefined || b === '';
  if (aEmpty || bEmpty) return aEmpty === bEmpty ? 0 : aEmpty ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** The rows in the order asked for (a new array; stable, so equal rows keep their order). */
export function sortRows<T>(rows: readonly T[], columns: readonly DataColumn<T>[], sort: SortState | null, locale: string): T[] {
  const value = sort && columns.find((c) => c.key === sort.key)?.sortValue;
  if (!sort || !value) return [...rows];
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, key: value(row) }))
    .sort((x, y) => {
      const empty = (v: CellValue) => v === null || v === undefined || v === '';
      // Blanks stay last in both directions, so they are not flipped with the rest.
      const order = empty(x.key) || empty(y.key) ? compareValues(x.key, y.key, collator) : sign * compareValues(x.key, y.key, collator);
      return order || x.index - y.index;
    })
    .map((x) => x.row);
}
