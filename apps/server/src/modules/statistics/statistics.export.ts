import ExcelJS from 'exceljs';
import { AGE_BANDS, type ExportFormat, type Language, type OccupancyStatistics, type PopulationCounts, type PopulationStatistics } from '@vigil/contracts';
import { csvCell, csvLine, neutraliseFormula } from '../audit/audit.rules.ts';
import { STATISTICS_LABELS } from './statistics.labels.ts';

/** A report as a grid: one header row, then rows of text and numbers (null: an empty cell). */
export interface Table {
  sheet: string;
  headers: string[];
  rows: (string | number | null)[][];
}

const countCells = (c: PopulationCounts) => [
  c.total,
  c.inCustody,
  c.temporarilyAbsent,
  c.inTransit,
  c.byLegalStatus.untried,
  c.byLegalStatus.convicted,
  c.bySex.male,
  c.bySex.female,
  ...AGE_BANDS.map((b) => c.byAgeBand[b]),
  c.foreignNationals,
  c.nationalityUnknown,
  c.extremismRelated,
];

export function populationTable(stats: PopulationStatistics, language: Language): Table {
  const l = STATISTICS_LABELS[language];
  return {
    sheet: l.sheetPopulation,
    headers: [
      l.facilityCode,
      l.facilityName,
      l.total,
      l.inCustody,
      l.temporarilyAbsent,
      l.inTransit,
      l.untried,
      l.convicted,
      l.male,
      l.female,
      ...AGE_BANDS.map((b) => l.ageBands[b]),
      l.foreignNationals,
      l.nationalityUnknown,
      l.extremismRelated,
    ],
    rows: [...stats.facilities.map((f) => [f.facilityCode, f.facilityName, ...countCells(f)]), [l.totalRow, null, ...countCells(stats.total)]],
  };
}

/** One row per facility (its totals and the people in no cell), then its places in tree order. */
export function occupancyTable(stats: OccupancyStatistics, language: Language): Table {
  const l = STATISTICS_LABELS[language];
  const yesNo = (b: boolean) => (b ? l.yes : l.no);
  const rows: Table['rows'] = [];
  for (const f of stats.facilities) {
    rows.push([f.facilityCode, null, l.facilityKind, f.facilityName, f.places.filter((p) => p.depth === 0).reduce((s, p) => s + p.cells, 0), f.baselineCapacity, f.operationalCapacity, f.occupants, null, f.occupancyPercent, yesNo(f.overcrowded), f.unallocated]);
    for (const p of f.places) {
      rows.push([f.facilityCode, p.path, l.kinds[p.kind], p.name, p.cells, p.baselineCapacity, p.operationalCapacity, p.occupants, p.temporarilyAbsent, p.occupancyPercent, yesNo(p.overcrowded), null]);
    }
  }
  return {
    sheet: l.sheetOccupancy,
    headers: [l.facilityCode, l.path, l.kind, l.name, l.cells, l.baselineCapacity, l.operationalCapacity, l.occupants, l.temporarilyAbsent, l.occupancyPercent, l.overcrowded, l.unallocated],
    rows,
  };
}

// Excel opens a UTF-8 CSV as the local code page unless it starts with a byte-order mark.
const UTF8_BOM = '\uFEFF';

/**
 * RFC 4180 CSV. Every text cell a spreadsheet could run as a formula is neutralised (audit.rules.ts);
 * numbers are written as numbers (a negative one is a number to a spreadsheet, not a formula).
 */
export function toCsv(table: Table): Buffer {
  const line = (r: readonly (string | number | null)[]) => `${r.map((v) => (typeof v === 'number' ? String(v) : csvCell(v))).join(',')}\r\n`;
  return Buffer.from(UTF8_BOM + csvLine(table.headers) + table.rows.map(line).join(''), 'utf8');
}

/**
 * An .xlsx workbook of one sheet. Numbers are numbers; text is written as text (never as a
 * formula) and is neutralised as in the CSV too, so a copy pasted elsewhere stays inert.
 */
export async function toXlsx(table: Table): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Vigil';
  const sheet = workbook.addWorksheet(safeSheetName(table.sheet), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.headers.map(neutraliseFormula)).font = { bold: true };
  for (const r of table.rows) sheet.addRow(r.map((v) => (typeof v === 'string' ? neutraliseFormula(v) : v)));
  sheet.columns.forEach((col, i) => {
    const longest = Math.max(table.headers[i]!.length, ...table.rows.map((r) => String(r[i] ?? '').length));
    col.width = Math.min(Math.max(longest + 2, 8), 50);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// Excel refuses sheet names longer than 31 characters or containing : \ / ? * [ ].
const safeSheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
