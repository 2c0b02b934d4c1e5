import { Problem } from '../../platform/errors.ts';
import { CsvError, decodeCsv, parseCsv } from './imports.csv.ts';
import { readXlsx, XlsxError, type XlsxCell } from './imports.xlsx.ts';
import { isFormulaLike } from './imports.values.ts';
import { checkZip } from './zip-guard.ts';

/**
 * From the uploaded bytes to a header row and data rows of text, whatever the format. Limits keep
 * a hostile or mistaken file from costing more than a large register would: the body limit
 * (IMPORT_LIMITS.bytes) is enforced by the route, the rest here.
 */
export const IMPORT_LIMITS = {
  bytes: 20 * 1024 * 1024,
  rows: 50_000,
  columns: 200,
  /** What an XLSX archive may unpack to, all entries together. */
  unpackedBytes: 64 * 1024 * 1024,
  zipEntries: 2_000,
  /** Longer cells are cut here: no field takes more, and validation then says "too long". */
  cellChars: 2_001,
} as const;

export interface SheetRow {
  /** The row number the spreadsheet program shows. */
  line: number;
  cells: (string | null)[];
  /** Columns whose cell was a formula or formula-like text: never kept, and the row is refused if it is mapped. */
  refused: number[];
}

export interface ParsedSheet {
  format: 'csv' | 'xlsx';
  headers: string[];
  rows: SheetRow[];
}

const XLS_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Header names as the mapping uses them: trimmed; a blank, duplicate or formula-like header gets
 * its column number ("#3") or a suffix ("Имя (2)") so each column has a name of its own.
 */
export function headerNames(raw: readonly (string | null)[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    let name = (h ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
    if (name === '' || isFormulaLike(h ?? '')) name = `#${i + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}

function sheetFrom(format: 'csv' | 'xlsx', records: { record: number; cells: XlsxCell[] }[]): ParsedSheet {
  const [header, ...data] = records;
  if (!header || data.length === 0) throw new Problem('import-empty');
  const width = data.reduce((w, r) => Math.max(w, r.cells.length), header.cells.length);
  const headers = headerNames(Array.from({ length: width }, (_, i) => {
    const c = header.cells[i];
    return typeof c === 'string' ? c : null;
  }));
  const rows = data.map(({ record, cells }): SheetRow => {
    const refused: number[] = [];
    const out = Array.from({ length: width }, (_, i): string | null => {
      const c = cells[i];
      if (c === null || c === undefined) return null;
      // Formula cells, hyperlink cells and formula-like text are refused, and never stored.
      if (typeof c !== 'string' || isFormulaLike(c)) {
        refused.push(i);
        return null;
      }
      return c.slice(0, IMPORT_LIMITS.cellChars);
    });
    return { line: record, cells: out, refused };
  });
  return { format, headers, rows };
}

/** Reads an uploaded register; refuses what is not a readable, reasonably sized CSV or XLSX file. */
export async function parseSpreadsheet(bytes: Buffer): Promise<ParsedSheet> {
  if (bytes.length === 0) throw new Problem('import-empty');
  if (bytes.length > IMPORT_LIMITS.bytes) throw new Problem('import-too-large');
  if (bytes.subarray(0, 8).equals(XLS_SIGNATURE)) throw new Problem('import-unreadable', 'xls: save the file as XLSX or CSV');
  const limits = { maxRecords: IMPORT_LIMITS.rows + 1, maxColumns: IMPORT_LIMITS.columns };

  if (bytes.subarray(0, 4).equals(ZIP_SIGNATURE)) {
    const zip = checkZip(bytes, { maxEntries: IMPORT_LIMITS.zipEntries, maxTotalBytes: IMPORT_LIMITS.unpackedBytes });
    if (!zip.ok) throw zip.reason === 'too-large' ? new Problem('import-too-large', 'unpacked size') : new Problem('import-unreadable', `xlsx: ${zip.reason}`);
    try {
      return sheetFrom('xlsx', await readXlsx(bytes, limits));
    } catch (e) {
      if (!(e instanceof XlsxError)) throw e;
      if (e.reason === 'too-many-rows' || e.reason === 'too-many-columns') throw new Problem('import-too-large', e.reason);
      throw new Problem('import-unreadable', `xlsx: ${e.message}`);
    }
  }

  try {
    return sheetFrom('csv', parseCsv(decodeCsv(bytes), limits));
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    if (e.reason === 'too-many-rows' || e.reason === 'too-many-columns') throw new Problem('import-too-large', e.reason);
    throw new Problem('import-unreadable', `csv: ${e.message}`);
  }
}
