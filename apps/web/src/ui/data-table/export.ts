import type { CellValue, DataColumn } from './columns.ts';

/** The header and cells of an export: the columns that have an export value, rows as shown. */
export interface ExportTable {
  headers: string[];
  rows: CellValue[][];
}

export function exportTable<T>(columns: readonly DataColumn<T>[], rows: readonly T[], translate: (key: string) => string): ExportTable {
  const exported = columns.filter((c) => (c.exportValue ?? c.sortValue) && (typeof c.header === 'string' || c.exportHeader));
  return {
    headers: exported.map((c) => translate(c.exportHeader ?? (c.header as string))),
    rows: rows.map((row) => exported.map((c) => (c.exportValue ?? c.sortValue)!(row))),
  };
}

/**
 * A spreadsheet opening the CSV would run a cell that starts with = + - @ (or a tab or carriage
 * return before one) as a formula: such text gets a leading apostrophe, so it is shown as written.
 * Numbers are numbers, never formulas, and are left alone.
 */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvCell(value: CellValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : guardFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * RFC 4180 CSV with a UTF-8 byte order mark (without it Excel reads Cyrillic and Tajik letters
 * in the local ANSI code page) and CRLF line ends.
 */
export function toCsv(table: ExportTable): string {
  const lines = [table.headers, ...table.rows].map((cells) => cells.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** `users-2026-12-03.csv`: the export's name and today's date in the browser's calendar. */
export const exportFileName = (name: string, extension: 'csv' | 'xlsx', today = new Date()) => `${name}-${today.toLocaleDateString('sv-SE')}.${extension}`;

function save(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadCsv(table: ExportTable, name: string) {
  save(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }), exportFileName(name, 'csv'));
}

/**
 * XLSX through write-excel-file (a 20 KB gzipped chunk with fflate, measured in the build), fetched on the first click
 * only, so no screen pays for it until someone exports. Text cells are stored as text, never as
 * formulas, so they need no guard.
 */
export async function downloadXlsx(table: ExportTable, name: string) {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const header = table.headers.map((value) => ({ value, fontWeight: 'bold' as const }));
  const body = table.rows.map((cells) => cells.map((value) => (value === null || value === undefined || value === '' ? null : typeof value === 'number' ? { value, type: Number } : { value, type: String })));
  const blob = await writeXlsxFile([header, ...body], { stickyRowsCount: 1 }).toBlob();
  save(blob, exportFileName(name, 'xlsx'));
}
