import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { LANGUAGES } from '@vigil/contracts';
import { emptyCounts } from './statistics.rules.ts';
import { populationTable, toCsv, toXlsx, type Table } from './statistics.export.ts';

const risky: Table = {
  sheet: 'Sheet: [1]/2',
  headers: ['=Name', 'Count'],
  rows: [
    ['=HYPERLINK("http://x","y")', 1],
    ['-1', -2],
    ['@SUM(A1)', 0],
    ['+7', null],
    ['Ҷӯраев, Ғ.', 3.5],
  ],
};

test('CSV: a byte-order mark, quoted commas, and every formula-like text cell neutralised', () => {
  const bytes = toCsv(risky);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n');
  assert.deepEqual(lines, [
    "'=Name,Count",
    `"'=HYPERLINK(""http://x"",""y"")",1`,
    // A negative number is a number, not text: it stays as it is.
    "'-1,-2",
    "'@SUM(A1),0",
    "'+7,",
    '"Ҷӯраев, Ғ.",3.5',
    '',
  ]);
});

test('XLSX: numbers stay numbers, text is text (never a formula) and neutralised, the sheet name is made legal', async () => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(new Uint8Array(await toXlsx(risky)).buffer);
  const sheet = book.worksheets[0]!;
  assert.equal(sheet.name, 'Sheet   1  2');
  const cells = [1, 2, 3, 4, 5, 6].map((r) => [sheet.getCell(r, 1), sheet.getCell(r, 2)]);
  assert.deepEqual(
    cells.map(([a]) => a!.value),
    ["'=Name", `'=HYPERLINK("http://x","y")`, "'-1", "'@SUM(A1)", "'+7", 'Ҷӯраев, Ғ.'],
  );
  for (const [a] of cells) assert.equal(a!.type, ExcelJS.ValueType.String);
  assert.deepEqual(
    cells.slice(1).map(([, b]) => b!.value),
    [1, -2, 0, null, 3.5],
  );
});

test('the population table has one header per column in every language, and a total row', () => {
  for (const language of LANGUAGES) {
    const facility = { ...emptyCounts(), facilityId: '00000000-0000-4000-8000-000000000001', facilityCode: 'A', facilityName: 'Facility A', total: 2 };
    const table = populationTable({ asOf: '2025-01-01', facilities: [facility], total: { ...emptyCounts(), total: 2 } }, language);
    assert.equal(new Set(table.headers).size, table.headers.length, `${language}: headers are distinct`);
    assert.ok(table.rows.every((r) => r.length === table.headers.length));
    assert.equal(table.rows.length, 2);
    assert.equal(table.rows[1]![2], 2);
  }
});
