import {
  IMPORT_ISSUES,
  PrisonerFile,
  type AllocationViolationCode,
  type CalendarDate,
  type CommitmentOrder,
  type ImportField,
  type ImportIssueCode,
  type ImportRowStatus,
  type LegalStatus,
} from '@vigil/contracts';
import { fileDateProblems } from '../prisoners/prisoners.rules.ts';
import { commitmentOrderProblem } from '../reception/reception.rules.ts';
import type { SheetRow } from './imports.parse.ts';
import { isBlank, normaliseWord, parseCountry, parseDate, parseLegalStatus, parseSecurityCategory, parseSex, parseTerm, parseYesNo, sameName } from './imports.values.ts';

/**
 * One register row → one admission, or the reasons it cannot be one. Pure: the service adds what
 * needs the database (prison numbers already in use, the cells and who is in them).
 */

export interface RowIssue {
  field: ImportField | null;
  code: ImportIssueCode;
  detail: string | null;
}

export interface CheckedRow {
  line: number;
  prisonNumber: string | null;
  familyName: string | null;
  givenName: string | null;
  dateOfBirth: CalendarDate | null;
  /** The file to admit, when the row is complete enough to make one. */
  file: PrisonerFile | null;
  admittedOn: CalendarDate;
  /** The cell as the register names it (path or code), if any. */
  cell: string | null;
  issues: RowIssue[];
  /** The prison number is already in use by this same person: skipped, not an error. */
  alreadyImported: boolean;
}

export interface RowContext {
  today: CalendarDate;
  filename: string;
  sha256: string;
}

/** Same rule as reception's prison number (contracts/reception.ts). */
const PRISON_NUMBER = /^[\p{L}\p{N}\-/.]{1,30}$/u;

/** Who issued an order the register names without saying who: the register itself. */
const registerIssuer = (ctx: RowContext) => `imported register ${ctx.filename}`.slice(0, 200);

/**
 * What the register itself is, as a commitment order, when it names none (Mandela Rule 7: no one
 * is held without a recorded order). An imported prisoner was already held under orders kept in
 * the old register's paper files; the order recorded here says so and points to the register row,
 * so the real order can be found and entered as a correction later.
 */
export function registerOrder(ctx: RowContext, line: number, admittedOn: CalendarDate): CommitmentOrder {
  return {
    kind: 'transfer-order',
    issuedBy: registerIssuer(ctx),
    reference: `register ${ctx.sha256.slice(0, 12)} row ${line}`,
    issuedOn: admittedOn,
    validUntil: null,
  };
}

/** The field a contract path belongs to: which register column the user has to fix. */
function fieldOf(path: readonly PropertyKey[], fromFullName: boolean, hasOffence: boolean): ImportField | null {
  const [top, key, , sub] = path.map(String);
  if (top === 'identity') {
    if (key === 'documents') return 'passportNumber';
    if ((key === 'familyName' || key === 'givenName' || key === 'patronymic') && fromFullName) return 'fullName';
    return (key as ImportField) ?? null;
  }
  if (top === 'securityCategory') return 'securityCategory';
  if (top === 'legal') {
    if (key === 'status') return 'legalStatus';
    if (key === 'charges') return sub === 'article' || !hasOffence ? 'article' : 'offence';
    if (key === 'sentences') return sub === 'startDate' ? 'sentenceStart' : 'sentenceTerm';
    if (key === 'commitmentOrders') return sub === 'issuedOn' ? 'orderIssuedOn' : sub === 'issuedBy' ? 'orderIssuedBy' : 'orderReference';
  }
  return null;
}

function codeOf(issue: { code: string; message: string }): ImportIssueCode {
  if (issue.message in IMPORT_ISSUES) return issue.message as ImportIssueCode;
  if (issue.message === 'country-code') return 'nationality-unknown';
  if (issue.code === 'too_big') return 'too-long';
  if (issue.code === 'too_small') return 'required';
  return 'invalid';
}

export function checkRow(row: SheetRow, columns: Partial<Record<ImportField, number>>, ctx: RowContext): CheckedRow {
  const issues: RowIssue[] = [];
  const issue = (field: ImportField | null, code: ImportIssueCode, detail: string | null = null) => issues.push({ field, code, detail });

  /** The cell of a mapped field, trimmed; null when unmapped, empty or "-"; refused cells say so. */
  const cell = (field: ImportField): string | null => {
    const i = columns[field];
    if (i === undefined) return null;
    if (row.refused.includes(i)) {
      issue(field, 'formula-like');
      return null;
    }
    const v = row.cells[i];
    return isBlank(v) ? null : v!.trim();
  };
  const required = (field: ImportField): string | null => {
    const v = cell(field);
    if (v === null && !issues.some((x) => x.field === field)) issue(field, 'required');
    return v;
  };
  const date = (field: ImportField, v: string | null): CalendarDate | null => {
    if (v === null) return null;
    const d = parseDate(v);
    if (d === 'date-format' || d === 'date-invalid') {
      issue(field, d);
      return null;
    }
    return d;
  };
  const typed = <T>(field: ImportField, v: string | null, parse: (s: string) => T | null, code: ImportIssueCode): T | null => {
    if (v === null) return null;
    const out = parse(v);
    if (out === null) issue(field, code);
    return out;
  };

  const prisonNumber = required('prisonNumber');
  if (prisonNumber !== null && !PRISON_NUMBER.test(prisonNumber)) issue('prisonNumber', 'prison-number-format');

  // Names: their own columns, or split from a full-name column ("ФИО": family, given, patronymic).
  let familyName = columns.familyName !== undefined ? required('familyName') : null;
  let givenName = columns.givenName !== undefined ? required('givenName') : null;
  let patronymic = cell('patronymic');
  const fromFullName = columns.familyName === undefined && columns.fullName !== undefined;
  if (fromFullName) {
    const full = required('fullName');
    if (full !== null) {
      const parts = full.split(/\s+/);
      if (parts.length < 2) issue('fullName', 'full-name-parts');
      else [familyName, givenName, patronymic] = [parts[0]!, parts[1]!, parts.slice(2).join(' ') || null];
    }
  }

  const dateOfBirth = date('dateOfBirth', required('dateOfBirth'));
  const sex = typed('sex', required('sex'), parseSex, 'sex-unknown');
  const legalStatus = typed('legalStatus', required('legalStatus'), parseLegalStatus, 'legal-status-unknown') as LegalStatus | null;
  const securityCategory = typed('securityCategory', cell('securityCategory'), parseSecurityCategory, 'security-category-unknown') ?? 'medium';
  const nationality = typed('nationality', cell('nationality'), parseCountry, 'nationality-unknown');
  const extremism = typed('extremismRelated', cell('extremismRelated') ?? '', parseYesNo, 'yes-no') ?? false;

  const admittedOn = date('admittedOn', cell('admittedOn')) ?? ctx.today;
  if (admittedOn > ctx.today) issue('admittedOn', 'admission-in-future');

  const startRaw = cell('sentenceStart');
  const termRaw = cell('sentenceTerm');
  const sentenceStart = date('sentenceStart', startRaw);
  const term = typed('sentenceTerm', termRaw, parseTerm, 'term-format');
  if (startRaw !== null && termRaw === null) issue('sentenceTerm', 'required');
  if (termRaw !== null && startRaw === null) issue('sentenceStart', 'required');

  const article = cell('article');
  const offence = cell('offence');
  if (extremism && article === null && offence === null) issue('extremismRelated', 'charge-required');

  const orderReference = cell('orderReference');
  const orderIssuedBy = cell('orderIssuedBy');
  const orderIssuedOn = date('orderIssuedOn', cell('orderIssuedOn'));
  const passport = cell('passportNumber');

  const result: CheckedRow = {
    line: row.line,
    prisonNumber,
    familyName,
    givenName,
    dateOfBirth,
    file: null,
    admittedOn,
    cell: cell('cell'),
    issues,
    alreadyImported: false,
  };
  // Without these there is no file to check further; the issues above already say why.
  if (familyName === null || givenName === null || dateOfBirth === null || sex === null || legalStatus === null) return result;

  const order: CommitmentOrder = orderReference
    ? {
        kind: legalStatus === 'convicted' ? 'court-sentence' : 'court-detention-order',
        issuedBy: orderIssuedBy ?? registerIssuer(ctx),
        reference: orderReference,
        issuedOn: orderIssuedOn ?? admittedOn,
        validUntil: null,
      }
    : registerOrder(ctx, row.line, admittedOn);
  if (orderReference && commitmentOrderProblem(order, ctx.today)) issue('orderIssuedOn', 'commitment-order-expired');

  const parsed = PrisonerFile.safeParse({
    identity: {
      familyName,
      givenName,
      patronymic,
      familyNameLatin: cell('familyNameLatin'),
      givenNameLatin: cell('givenNameLatin'),
      patronymicLatin: cell('patronymicLatin'),
      dateOfBirth,
      placeOfBirth: cell('placeOfBirth'),
      sex,
      nationality,
      documents: passport ? [{ kind: 'passport', number: passport, country: nationality }] : [],
    },
    legal: {
      status: legalStatus,
      charges: article || offence ? [{ offence: offence ?? article, article, extremismRelated: extremism }] : [],
      sentences: sentenceStart && term ? [{ startDate: sentenceStart, ...term }] : [],
      commitmentOrders: [order],
    },
    securityCategory,
  });
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const field = fieldOf(i.path, fromFullName, offence !== null);
      const code = codeOf(i);
      if (!issues.some((x) => x.field === field && x.code === code)) issue(field, code);
    }
    return result;
  }
  for (const [path, code] of fileDateProblems(parsed.data, ctx.today, admittedOn)) {
    const field = fieldOf(path.replace(/^file\./, '').split('.'), fromFullName, offence !== null) ?? (code === 'sentence-required' ? 'sentenceStart' : null);
    // A sentence that did not parse already has its own issue.
    if (code === 'sentence-required' && issues.some((x) => x.field === 'sentenceStart' || x.field === 'sentenceTerm')) continue;
    issue(field, code as ImportIssueCode);
  }
  result.file = parsed.data;
  return result;
}

/** The same prison number twice in one file: every repeat after the first is refused. */
export function markDuplicatesInFile(rows: CheckedRow[]): void {
  const first = new Map<string, number>();
  for (const r of rows) {
    if (r.prisonNumber === null) continue;
    const key = r.prisonNumber.toLowerCase();
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, r.line);
    else r.issues.push({ field: 'prisonNumber', code: 'duplicate-in-file', detail: String(earlier) });
  }
}

/**
 * A prison number already in the database: the same person (same names and date of birth) means
 * this row was imported before and is skipped; anyone else means the number is taken.
 */
export function compareWithExisting(row: CheckedRow, existing: { family_name: string; given_name: string; date_of_birth: CalendarDate }): 'same-person' | 'different-person' {
  return sameName(row.familyName, existing.family_name) && sameName(row.givenName, existing.given_name) && row.dateOfBirth === existing.date_of_birth
    ? 'same-person'
    : 'different-person';
}

/** The issue code for a cell-allocation violation (Mandela Rules 11–12), as the report words it. */
export function cellIssue(code: AllocationViolationCode): ImportIssueCode {
  const known: Partial<Record<AllocationViolationCode, ImportIssueCode>> = {
    'not-a-cell': 'cell-unknown',
    'cell-inactive': 'cell-inactive',
    'sex-designation': 'cell-sex-designation',
    'sex-mix': 'cell-sex-mix',
    'separation-age': 'cell-separation-age',
    'separation-legal-status': 'cell-separation-legal-status',
    'over-capacity': 'cell-over-capacity',
    'security-level': 'cell-security-level',
    'cell-sharing': 'cell-sharing',
    'segregation-cell': 'cell-segregation',
  };
  return known[code] ?? 'cell-refused';
}

/** How a cell is looked up: by its path ("A-1-01") or its own code, case and spacing ignored. */
export const cellKey = (s: string) => normaliseWord(s).replace(/\s+/g, '');

export const rowStatus = (r: CheckedRow): ImportRowStatus => (r.alreadyImported ? 'already-imported' : r.issues.length ? 'invalid' : 'ok');
