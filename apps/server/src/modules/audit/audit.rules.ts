/**
 * Pure rules of the auditor's screen and export: the opaque page cursor, the action prefix
 * pattern, and CSV cells that a spreadsheet cannot mistake for formulas.
 */

/** The cursor is the seq of the last event on the page, wrapped so clients treat it as opaque. */
export function encodeCursor(seq: string): string {
  return Buffer.from(`s:${seq}`, 'utf8').toString('base64url');
}

/** The seq inside a cursor, or null when the cursor was not made by encodeCursor. */
export function decodeCursor(cursor: string): string | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const m = /^s:([1-9][0-9]{0,18})$/.exec(text);
  return m ? m[1]! : null;
}

/** A LIKE pattern matching every action that starts with `prefix`, with % and _ taken literally. */
export function actionPrefixPattern(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection, OWASP).
const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises formula injection by prefixing a single quote; the text is otherwise unchanged. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** One CSV cell (RFC 4180): neutralised, then quoted when it holds a quote, comma or line break. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const raw = typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : JSON.stringify(value);
  const cell = neutraliseFormula(raw);
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
