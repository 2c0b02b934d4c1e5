import ExcelJS from 'exceljs';

/**
 * The first worksheet of an XLSX workbook as rows of text, read with exceljs (the archive has
 * already passed zip-guard.ts). Every cell becomes a string; a date cell becomes YYYY-MM-DD; a
 * formula or hyperlink cell is never read: it comes back as `active`, and the caller refuses it.
 */

export type XlsxCell = string | null | { active: 'formula' | 'hyperlink' };

export interface XlsxRow {
  /** The row number Excel shows. */
  record: number;
  cells: XlsxCell[];
}

export class XlsxError extends Error {
  constructor(readonly reason: 'unreadable' | 'no-sheet' | 'too-many-rows' | 'too-many-columns', readonly record?: number) {
    super(record ? `${reason} (row ${record})` : reason);
  }
}

/** A date cell, to the minute (Excel keeps fractions of a day), as the calendar day it shows. */
function dayOf(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  return new Date(Math.round(d.getTime() / 60_000) * 60_000).toISOString().slice(0, 10);
}

function cellText(value: ExcelJS.CellValue): XlsxCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dayOf(value);
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) return { active: 'formula' };
    if ('hyperlink' in value) return { active: 'hyperlink' };
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('error' in value) return String(value.error);
  }
  return null;
}

export async function readXlsx(bytes: Buffer, limits: { maxRecords: number; maxColumns: number }): Promise<XlsxRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new XlsxError('unreadable');
  }
  const sheet = workbook.worksheets.find((w) => w.state !== 'hidden' && w.state !== 'veryHidden' && w.actualRowCount > 0) ?? workbook.worksheets[0];
  if (!sheet) throw new XlsxError('no-sheet');
  if (sheet.columnCount > limits.maxColumns) throw new XlsxError('too-many-columns');

  const rows: XlsxRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, record) => {
    const cells: XlsxCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      if (column > limits.maxColumns) throw new XlsxError('too-many-columns', record);
      cells[column - 1] = cellText(cell.value);
    });
    for (let c = 0; c < cells.length; c++) cells[c] ??= null;
    if (!cells.some((c) => c !== null && (typeof c !== 'string' || c.trim() !== ''))) return;
    if (rows.length >= limits.maxRecords) throw new XlsxError('too-many-rows', record);
    rows.push({ record, cells });
  });
  return rows;
}
