import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DataColumn } from './columns.ts';
import { exportFileName, exportTable, guardFormula, toCsv } from './export.ts';

interface Person {
  name: string;
  age: number | null;
}
const columns: DataColumn<Person>[] = [
  { key: 'name', header: 'people.name', sortValue: (p) => p.name, cell: (p) => p.name },
  { key: 'age', header: 'people.age', exportValue: (p) => p.age, cell: (p) => p.age },
  { key: 'actions', header: 'people.actions', headerHidden: true, cell: () => null },
];

test('a cell a spreadsheet would run as a formula is written as text', () => {
  for (const dangerous of ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
    assert.equal(guardFormula(dangerous), `'${dangerous}`);
  }
  assert.equal(guardFormula('Ғаффоров'), 'Ғаффоров');
  assert.equal(guardFormula('a=b'), 'a=b');
});

test('the export holds the exported columns with translated headers, in the order shown', () => {
  const table = exportTable(columns, [{ name: 'Раҳимов', age: 34 }, { name: 'Smith', age: null }], (key) => key.toUpperCase());
  assert.deepEqual(table, { headers: ['PEOPLE.NAME', 'PEOPLE.AGE'], rows: [['Раҳимов', 34], ['Smith', null]] });
});

test('the CSV starts with a byte order mark, quotes what needs it, guards formulas and ends lines with CRLF', () => {
  const csv = toCsv({ headers: ['Name', 'Note'], rows: [['Ҷӯрабек, "Jura"', '=1+1'], ['line\nbreak', -5], [null, '']] });
  assert.equal(csv, '\uFEFFName,Note\r\n"Ҷӯрабек, ""Jura""",\'=1+1\r\n"line\nbreak",-5\r\n,\r\n');
});

test('a quoted formula is still guarded', () => {
  assert.equal(toCsv({ headers: ['x'], rows: [['=A1,B1']] }), '\uFEFFx\r\n"\'=A1,B1"\r\n');
});

test('export files are named by what they hold and the day', () => {
  assert.equal(exportFileName('users', 'xlsx', new Date(2026, 11, 3, 12)), 'users-2026-12-03.xlsx');
});
