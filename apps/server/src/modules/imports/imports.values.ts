import type { CalendarDate, LegalStatus, SecurityLevel, Sex } from '@vigil/contracts';

/**
 * Reading one register cell into a file value: the spellings registers in Tajikistan and its
 * neighbours actually use (Russian, Tajik, English; DD.MM.YYYY dates), as pure functions.
 * Each returns the value, or null when the text is not one it understands.
 */

/** Lower case, ё as е, no dots or extra spaces: "Осуждённый." and "осужденный" are one word. */
export function normaliseWord(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[.,;:()"'«»[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A cell a spreadsheet would run when the value is exported again and opened (CSV/formula
 * injection, e.g. `=HYPERLINK("http://…","click")`): text starting with = + - @, or a tab or
 * carriage return, once leading spaces are gone (the contract trims them, so " =1+1" would be
 * stored as "=1+1"). Fullwidth ＝ ＋ － are included: some spreadsheet programs accept them.
 * A cell that is only dashes is the register's way of writing "none", not a formula.
 */
export function isFormulaLike(raw: string): boolean {
  if (/^[\t\r]/.test(raw)) return true;
  const s = raw.trimStart();
  if (/^[-\u2013\u2014]+$/.test(s.trimEnd())) return false;
  return /^[=+\-@\uFF1D\uFF0B\uFF0D]/.test(s);
}

/** The register's placeholder for "none": an empty cell or dashes only. */
export const isBlank = (s: string | null | undefined) => s === null || s === undefined || /^[\s\-\u2013\u2014]*$/.test(s);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function realDay(y: number, m: number, d: number): CalendarDate | 'date-invalid' {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1000 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return 'date-invalid';
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

// Excel counts days from 30 December 1899 (the 1900 leap-year bug folded in); serials from 1 January 1920 to 2100.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const SERIAL_MIN = 7306;
const SERIAL_MAX = 73415;

/**
 * A date as registers write it: DD.MM.YYYY (also with / or -, and a trailing "г."), YYYY-MM-DD, or
 * an Excel day number (a date cell whose format was lost). Day first always: that is the local use.
 */
export function parseDate(raw: string): CalendarDate | 'date-format' | 'date-invalid' {
  const s = raw.trim().replace(/\s*(г|гг|с)\.?$/u, '').trim();
  let m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(s);
  if (m) return realDay(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.000)?)?Z?)?$/.exec(s);
  if (m) return realDay(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d{4,5}$/.test(s)) {
    const serial = Number(s);
    if (serial >= SERIAL_MIN && serial <= SERIAL_MAX) return new Date(EXCEL_EPOCH_MS + serial * 86_400_000).toISOString().slice(0, 10);
  }
  return 'date-format';
}

const SEX: Record<string, Sex> = Object.fromEntries([
  ...['m', 'male', 'man', 'м', 'муж', 'мужской', 'мужчина', 'мард', 'мардона'].map((w) => [normaliseWord(w), 'male' as const]),
  ...['f', 'female', 'woman', 'ж', 'жен', 'женский', 'женщина', 'зан', 'занона'].map((w) => [normaliseWord(w), 'female' as const]),
]);
export const parseSex = (raw: string): Sex | null => SEX[normaliseWord(raw)] ?? null;

const LEGAL_STATUS: Record<string, LegalStatus> = Object.fromEntries([
  ...[
    'untried', 'remand', 'on remand', 'remanded', 'accused', 'unconvicted', 'pre-trial', 'pretrial',
    'подследственный', 'подследственная', 'обвиняемый', 'обвиняемая', 'подозреваемый', 'подозреваемая',
    'под следствием', 'следственно-арестованный', 'следственно-арестованная', 'следственно арестованный', 'сизо',
    'айбдоршаванда', 'гумонбаршуда', 'таҳти тафтиш', 'ҳабси пешакӣ',
  ].map((w) => [normaliseWord(w), 'untried' as const]),
  ...[
    'convicted', 'sentenced', 'осужденный', 'осужденная', 'осужден', 'осуждена', 'маҳкумшуда', 'маҳкум',
  ].map((w) => [normaliseWord(w), 'convicted' as const]),
]);
export const parseLegalStatus = (raw: string): LegalStatus | null => LEGAL_STATUS[normaliseWord(raw)] ?? null;

const SECURITY: Record<string, SecurityLevel> = Object.fromEntries([
  ...['low', 'низкая', 'низкий', 'паст'].map((w) => [normaliseWord(w), 'low' as const]),
  ...['medium', 'средняя', 'средний', 'миёна'].map((w) => [normaliseWord(w), 'medium' as const]),
  ...['high', 'высокая', 'высокий', 'баланд'].map((w) => [normaliseWord(w), 'high' as const]),
  ...['maximum', 'max', 'максимальная', 'максимальный', 'ҳадди аксар', 'максималӣ'].map((w) => [normaliseWord(w), 'maximum' as const]),
]);
export const parseSecurityCategory = (raw: string): SecurityLevel | null => SECURITY[normaliseWord(raw)] ?? null;

/**
 * Citizenship ("гражданство"), not "национальность" (which in the region means ethnicity and is
 * not a country): an ISO 3166 code, or the name of a country the region's registers commonly hold.
 */
const COUNTRIES: Record<string, string> = Object.fromEntries(
  Object.entries({
    TJ: ['tajikistan', 'таджикистан', 'республика таджикистан', 'тоҷикистон', 'ҷумҳурии тоҷикистон'],
    UZ: ['uzbekistan', 'узбекистан', 'ӯзбекистон', 'узбекистон'],
    KG: ['kyrgyzstan', 'kyrgyz republic', 'кыргызстан', 'киргизия', 'қирғизистон', 'кыргызская республика'],
    KZ: ['kazakhstan', 'казахстан', 'қазоқистон'],
    TM: ['turkmenistan', 'туркменистан', 'туркманистон'],
    AF: ['afghanistan', 'афганистан', 'афғонистон'],
    RU: ['russia', 'russian federation', 'россия', 'российская федерация', 'русия', 'федератсияи русия'],
    CN: ['china', 'китай', 'чин'],
    IR: ['iran', 'иран', 'эрон'],
    PK: ['pakistan', 'пакистан', 'покистон'],
  }).flatMap(([code, names]) => names.map((n) => [normaliseWord(n), code])),
);
export function parseCountry(raw: string): string | null {
  const s = raw.trim();
  if (/^[A-Za-z]{2}$/.test(s)) return s.toUpperCase();
  return COUNTRIES[normaliseWord(s)] ?? null;
}

const YES = new Set<string>(['yes', 'y', 'true', '1', 'x', '+', 'да', 'д', 'ҳа', 'бале', '✓', '✔'].map(normaliseWord));
const NO = new Set<string>(['no', 'n', 'false', '0', 'нет', 'н', 'не', 'неъ'].map(normaliseWord));
/** A yes/no column; an empty cell is "no". */
export function parseYesNo(raw: string): boolean | null {
  const w = normaliseWord(raw);
  if (w === '' || NO.has(w)) return false;
  return YES.has(w) ? true : null;
}

const YEAR_WORDS = /^(y|yr|yrs|year|years|г|год|года|лет|л|сол|сола)$/;
const MONTH_WORDS = /^(m|mo|mos|month|months|м|мес|месяц|месяца|месяцев|моҳ|моҳа)$/;
const DAY_WORDS = /^(d|day|days|д|дн|день|дня|дней|рӯз|рӯза|руз)$/;

/**
 * A term of imprisonment: "5 лет 6 мес. 10 дн.", "5 years 6 months", "5 сол 6 моҳ", "5y 6m", or a
 * plain number of years. Months beyond 11 carry into years, as the contract counts them.
 */
export function parseTerm(raw: string): { years: number; months: number; days: number } | null {
  const s = normaliseWord(raw);
  if (/^\d{1,2}$/.test(s)) return { years: Number(s), months: 0, days: 0 };
  const parts = [...s.matchAll(/(\d{1,4})\s*([^\d\s]+)/gu)];
  if (!parts.length || parts.map((p) => p[0]).join(' ').replace(/\s+/g, '') !== s.replace(/\s+/g, '')) return null;
  let years = 0;
  let months = 0;
  let days = 0;
  for (const [, n, unit] of parts) {
    if (YEAR_WORDS.test(unit!)) years += Number(n);
    else if (MONTH_WORDS.test(unit!)) months += Number(n);
    else if (DAY_WORDS.test(unit!)) days += Number(n);
    else return null;
  }
  years += Math.floor(months / 12);
  months %= 12;
  if (years > 99 || days > 365) return null;
  return { years, months, days };
}

/** The same name, whoever typed it: case, ё/е and spacing do not make two people. */
export const sameName = (a: string | null | undefined, b: string | null | undefined) => normaliseWord(a ?? '') === normaliseWord(b ?? '');
