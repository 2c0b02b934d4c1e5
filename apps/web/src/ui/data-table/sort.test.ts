import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { DataColumn } from './columns.ts';
import { nextSort, sortRows } from './sort.ts';

interface Row {
  id: number;
  name: string | null;
  cells: number;
}
const columns: DataColumn<Row>[] = [
  { key: 'name', header: 'name', sortValue: (r) => r.name, cell: (r) => r.name },
  { key: 'cells', header: 'cells', sortValue: (r) => r.cells, cell: (r) => r.cells },
  { key: 'id', header: 'id', cell: (r) => r.id },
];
const rows: Row[] = [
  { id: 1, name: 'Wing 10', cells: 30 },
  { id: 2, name: null, cells: 4 },
  { id: 3, name: 'Wing 9', cells: 120 },
  { id: 4, name: 'wing 1', cells: 4 },
];
const ids = (r: Row[]) => r.map((x) => x.id);

test('a header click sorts ascending, a second click descending', () => {
  const first = nextSort(null, 'name');
  assert.deepEqual(first, { key: 'name', direction: 'ascending' });
  assert.deepEqual(nextSort(first, 'name'), { key: 'name', direction: 'descending' });
  assert.deepEqual(nextSort(nextSort(first, 'name'), 'cells'), { key: 'cells', direction: 'ascending' });
});

test('text sorts in natural order ("Wing 9" before "Wing 10"), ignoring case; blanks last both ways', () => {
  assert.deepEqual(ids(sortRows(rows, columns, { key: 'name', direction: 'ascending' }, 'en-GB')), [4, 3, 1, 2]);
  assert.deepEqual(ids(sortRows(rows, columns, { key: 'name', direction: 'descending' }, 'en-GB')), [1, 3, 4, 2]);
});

test('numbers sort as numbers and equal ones keep their order', () => {
  assert.deepEqual(ids(sortRows(rows, columns, { key: 'cells', direction: 'ascending' }, 'en-GB')), [2, 4, 1, 3]);
  assert.deepEqual(ids(sortRows(rows, columns, { key: 'cells', direction: 'descending' }, 'en-GB')), [3, 1, 2, 4]);
});

test('Tajik letters sort in the Tajik alphabet', () => {
  const people = ['Ҷ', 'Ч', 'Ҳ', 'Х', 'Ғ', 'Г'].map((name, id) => ({ id, name, cells: 0 }));
  assert.deepEqual(sortRows(people, columns, { key: 'name', direction: 'ascending' }, 'tg').map((p) => p.name), ['Г', 'Ғ', 'Х', 'Ҳ', 'Ч', 'Ҷ']);
});

test('no sort, or a column without a sort value, leaves the rows as given (in a new array)', () => {
  const same = sortRows(rows, columns, { key: 'id', direction: 'descending' }, 'en-GB');
  assert.deepEqual(ids(same), [1, 2, 3, 4]);
  assert.notEqual(same, rows);
});

test('sorting keeps every row, and descending is ascending reversed for distinct numbers', () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.integer(), { maxLength: 40 }), (numbers) => {
      const list = numbers.map((cells, id) => ({ id, name: 'x', cells }));
      const up = sortRows(list, columns, { key: 'cells', direction: 'ascending' }, 'en-GB');
      const down = sortRows(list, columns, { key: 'cells', direction: 'descending' }, 'en-GB');
      assert.equal(up.length, list.length);
      assert.deepEqual(ids(down), ids(up).reverse());
    }),
  );
});
