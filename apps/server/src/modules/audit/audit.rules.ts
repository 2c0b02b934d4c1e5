/**
 * Pure rules of the auditor's screen and export: the opaque page cursor, the action prefix
 * pattern, CSV cells that a spreadsheet cannot mistake for formulas, and the labels that say which
 * record an event is about.
 */
import type { Permission } from '@vigil/contracts';

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

/**
 * The kinds of record an event's label can name, each with the permission needed to see it. An
 * expected arrival is a prisoner's file in the making: naming it needs what naming a prisoner does.
 */
export const LABELLED_RECORDS = {
  prisoner: 'prisoners.read',
  intake: 'prisoners.read',
  user: 'users.read',
  facility: 'facilities.read',
  location: 'locations.read',
} as const satisfies Record<string, Permission>;
export type LabelledRecord = keyof typeof LABELLED_RECORDS;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Which records a page of events names, by kind, limited to the kinds the reader may open (an
 * auditor without users.read sees a user's id, not their name). Ids that are not record ids (a
 * report's name, say) are left out, so they never reach a uuid comparison.
 */
export function recordsToLabel(events: readonly { entityType: string | null; entityId: string | null }[], permissions: ReadonlySet<Permission>): Map<LabelledRecord, string[]> {
  const wanted = new Map<LabelledRecord, Set<string>>();
  for (const e of events) {
    if (!e.entityType || !e.entityId || !(e.entityType in LABELLED_RECORDS) || !UUID.test(e.entityId)) continue;
    const kind = e.entityType as LabelledRecord;
    if (!permissions.has(LABELLED_RECORDS[kind])) continue;
    wanted.set(kind, (wanted.get(kind) ?? new Set()).add(e.entityId.toLowerCase()));
  }
  return new Map([...wanted].map(([kind, ids]) => [kind, [...ids]]));
}

const joinName = (...parts: (string | null | undefined)[]) => parts.filter((p) => p && p.trim()).join(' ');

/** "Каримов Далер Ахмадович · TJ-2024-00017": the name as written, then the prison number. */
export const prisonerLabel = (p: { family_name: string; given_name: string; patronymic: string | null; prison_number: string }) =>
  `${joinName(p.family_name, p.given_name, p.patronymic)} · ${p.prison_number}`;

/** "Rahimov Farrukh (frahimov)". */
export const userLabel = (u: { family_name: string; given_name: string; username: string }) => `${joinName(u.family_name, u.given_name)} (${u.username})`;

/** "DSH-1 · Dushanbe colony No. 1". */
export const facilityLabel = (f: { code: string; name: string }) => `${f.code} · ${f.name}`;

/** "A-1-12 · Cell 12": the place's path of codes from the top of its facility, then its name. */
export const locationLabel = (l: { path: string; name: string }) => `${l.path} · ${l.name}`;

/** An expected arrival by the name entered so far (reception may not have a name yet). */
export const intakeLabel = (i: { family_name: string | null; given_name: string | null }) => joinName(i.family_name, i.given_name) || null;
