import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { Problem } from '../../platform/errors.ts';
import { CsvError, decodeCsv, detectDelimiter, parseCsv } from './imports.csv.ts';
import { headerNames, parseSpreadsheet } from './imports.parse.ts';
import { checkZip } from './zip-guard.ts';

const limits = { maxRecords: 100, maxColumns: 20 };
const cells = (text: string) => parseCsv(text, limits).map((r) => r.cells);

test('RFC 4180: quotes, doubled quotes, delimiters and line breaks inside quotes, CRLF', () => {
  const text = 'Номер,Фамилия,Примечание\r\n"А-1","Раҳимов","сказал ""да"", потом\r\nушёл"\r\nА-2,Саидов,\r\n';
  assert.deepEqual(cells(text), [
    ['Номер', 'Фамилия', 'Примечание'],
    ['А-1', 'Раҳимов', 'сказал "да", потом\r\nушёл'],
    ['А-2', 'Саидов', ''],
  ]);
  // Row numbers are what a spreadsheet shows: the quoted line break does not start a new row.
  assert.deepEqual(parseCsv(text, limits).map((r) => r.record), [1, 2, 3]);
});

test('semicolons (Russian Excel), tabs, LF and lone CR line ends; blank lines skipped but counted', () => {
  assert.equal(detectDelimiter('Номер;Фамилия;Имя\n1;2;3'), ';');
  assert.equal(detectDelimiter('a\tb\tc'), '\t');
  assert.equal(detectDelimiter('"a;b",c'), ',');
  assert.deepEqual(cells('Номер;Фамилия\n1;Раҳимов\n\n2;Саидов'), [['Номер', 'Фамилия'], ['1', 'Раҳимов'], ['2', 'Саидов']]);
  assert.deepEqual(parseCsv('a;b\n1;2\n\n3;4', limits).map((r) => r.record), [1, 2, 4]);
  assert.deepEqual(cells('a,b\r1,2\r'), [['a', 'b'], ['1', '2']]);
  assert.deepEqual(cells('a,b,\n1,2,'), [['a', 'b', ''], ['1', '2', '']]);
});

test('malformed CSV is refused: an unclosed quote, text after a closing quote', () => {
  assert.throws(() => cells('a,b\n"unclosed,2\n'), (e: CsvError) => e.reason === 'unterminated-quote');
  assert.throws(() => cells('a,b\n"x"y,2\n'), (e: CsvError) => e.reason === 'stray-quote' && e.record === 2);
  // A quote inside an unquoted field is a character (Excel writes such files).
  assert.deepEqual(cells('a,b\n5" pipe,2'), [['a', 'b'], ['5" pipe', '2']]);
});

test('encodings: UTF-8 with and without BOM, UTF-16LE, Windows-1251; binary refused', () => {
  const text = 'Фамилия;Насаб\nРаҳимов;Ғаффоров\n';
  assert.equal(decodeCsv(Buffer.from(text, 'utf8')), text);
  assert.equal(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])), text);
  assert.equal(decodeCsv(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])), text);
  // "Фамилия;Имя" in Windows-1251, as Russian Excel saves "CSV".
  const cp1251 = Buffer.from([0xd4, 0xe0, 0xec, 0xe8, 0xeb, 0xe8, 0xff, 0x3b, 0xc8, 0xec, 0xff]);
  assert.equal(decodeCsv(cp1251), 'Фамилия;Имя');
  assert.throws(() => decodeCsv(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00])), (e: CsvError) => e.reason === 'binary');
});

test('limits: too many rows or columns', () => {
  const many = ['a', ...Array.from({ length: 101 }, (_, i) => String(i))].join('\n');
  assert.throws(() => cells(many), (e: CsvError) => e.reason === 'too-many-rows');
  assert.throws(() => cells(Array.from({ length: 21 }, () => 'x').join(',')), (e: CsvError) => e.reason === 'too-many-columns');
});

test('header names: blank, duplicate and formula-like headers get names of their own', () => {
  assert.deepEqual(headerNames(['Имя', '', 'Имя', '=cmd()', null]), ['Имя', '#2', 'Имя (2)', '#4', '#5']);
});

test('a CSV register: formula-like cells are refused by column and never kept', async () => {
  const csv = 'Номер;Фамилия;Имя\n1;"=HYPERLINK(""http://evil.example"";""x"")";Фаррух\n2;Саидов;@SUM(A1)\n';
  const sheet = await parseSpreadsheet(Buffer.from(csv));
  assert.equal(sheet.format, 'csv');
  assert.deepEqual(sheet.headers, ['Номер', 'Фамилия', 'Имя']);
  assert.deepEqual(sheet.rows, [
    { line: 2, cells: ['1', null, 'Фаррух'], refused: [1] },
    { line: 3, cells: ['2', 'Саидов', null], refused: [2] },
  ]);
  assert.ok(!JSON.stringify(sheet).includes('HYPERLINK'));
});

const problemCode = (code: string) => (e: unknown) => e instanceof Problem && e.code === code;

test('unreadable, empty and old-format files are refused with a problem', async () => {
  await assert.rejects(parseSpreadsheet(Buffer.alloc(0)), problemCode('import-empty'));
  await assert.rejects(parseSpreadsheet(Buffer.from('Номер;Фамилия\n')), problemCode('import-empty'));
  await assert.rejects(parseSpreadsheet(Buffer.from('a,b\n"open,2')), problemCode('import-unreadable'));
  await assert.rejects(parseSpreadsheet(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), problemCode('import-unreadable'));
  await assert.rejects(parseSpreadsheet(Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 7)])), problemCode('import-unreadable'));
});

async function workbook(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Реестр');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('XLSX: text, numbers, date cells, rich text; formula and hyperlink cells refused', async () => {
  const bytes = await workbook([
    ['Номер', 'Фамилия', 'Дата рождения', 'Примечание'],
    [1001, 'Раҳимов', new Date(Date.UTC(1990, 3, 12)), { richText: [{ text: 'бо ' }, { text: 'ҳарфҳо' }] }],
    ['1002', { formula: 'HYPERLINK("http://evil.example","x")', result: 'x' }, '12.04.1991', { text: 'link', hyperlink: 'http://evil.example' }],
  ]);
  const sheet = await parseSpreadsheet(bytes);
  assert.equal(sheet.format, 'xlsx');
  assert.deepEqual(sheet.headers, ['Номер', 'Фамилия', 'Дата рождения', 'Примечание']);
  assert.deepEqual(sheet.rows[0], { line: 2, cells: ['1001', 'Раҳимов', '1990-04-12', 'бо ҳарфҳо'], refused: [] });
  assert.deepEqual(sheet.rows[1], { line: 3, cells: ['1002', null, '12.04.1991', null], refused: [1, 3] });
});

/** A one-entry zip archive whose directory may lie about the unpacked size. */
function zipOf(name: string, content: Buffer, declaredSize = content.length): Buffer {
  const data = deflateRawSync(content);
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const dirOffset = local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(dirOffset, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}

test('zip bombs: too much declared, or more unpacked than declared, is refused before parsing', async () => {
  const limits = { maxEntries: 10, maxTotalBytes: 1024 * 1024 };
  const zeros = Buffer.alloc(4 * 1024 * 1024);
  assert.deepEqual(checkZip(zipOf('xl/worksheets/sheet1.xml', Buffer.from('<x/>')), limits), { ok: true, entries: 1, totalBytes: 4 });
  // Honest about 4 MB: over the limit by its directory alone.
  assert.deepEqual(checkZip(zipOf('xl/worksheets/sheet1.xml', zeros), limits), { ok: false, reason: 'too-large' });
  // Claims 100 bytes, unpacks to 4 MB: stopped at 101 bytes.
  assert.deepEqual(checkZip(zipOf('xl/worksheets/sheet1.xml', zeros, 100), limits), { ok: false, reason: 'too-large' });
  assert.deepEqual(checkZip(Buffer.from('not a zip at all, not at all'), limits), { ok: false, reason: 'not-a-zip' });
  // Through the whole parser: 4 MB of zeros packs to a few kB, well within the upload limit.
  await assert.rejects(parseSpreadsheet(zipOf('xl/worksheets/sheet1.xml', Buffer.alloc(80 * 1024 * 1024))), problemCode('import-too-large'));
  await assert.rejects(parseSpreadsheet(zipOf('xl/worksheets/sheet1.xml', Buffer.alloc(80 * 1024 * 1024), 1000)), problemCode('import-too-large'));
});

test('a real XLSX file passes the zip guard', async () => {
  const bytes = await workbook([['a'], ['b']]);
  const verdict = checkZip(bytes, { maxEntries: 100, maxTotalBytes: 10 * 1024 * 1024 });
  assert.equal(verdict.ok, true);
});
