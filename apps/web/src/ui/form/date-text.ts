/**
 * A date as the user types it, and as the form keeps it. The field shows "15.01.2024" (day first,
 * dots, four-digit year) in every language: Russian and Tajik write dates so, and English uses the
 * same shape rather than ISO because one way of typing serves an officer who switches language,
 * while the placeholder ("dd.mm.yyyy") says the order and the dots keep it from being read as a
 * US "month/day". The form keeps ISO ('2024-01-15', or '2024-01-15T14:30' with a time), as the
 * contracts want it. Slashes are refused on purpose: "03/04/2024" is read either way round.
 */

/** What a typed text is: nothing, a date (its ISO value), or why not. */
export type DateTextReading = { kind: 'empty' } | { kind: 'date'; value: string } | { kind: 'wrong-form' } | { kind: 'no-such-day' };

const twoDigits = (n: number) => String(n).padStart(2, '0');

const DAY_FIRST = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DAY_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
/** A day and a time ("15.01.2024 14:30"), or ISO's "2024-01-15T14:30" pasted from elsewhere. */
const DAY_AND_TIME = /^(\S+)(?:\s+|T)(\d{1,2}):(\d{2})$/;

/** Day, month and year of a typed day ("15.01.2024", or ISO pasted from elsewhere), unchecked. */
function dayParts(text: string): [number, number, number] | null {
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) return [Number(dayFirst[1]), Number(dayFirst[2]), Number(dayFirst[3])];
  const iso = ISO_DAY.exec(text);
  return iso ? [Number(iso[3]), Number(iso[2]), Number(iso[1])] : null;
}

/** Whether the day is on the calendar (no 31 April, 29 February only in a leap year). */
function onCalendar(day: number, month: number, year: number): boolean {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Reads what was typed: "15.01.2024" (or "15.01.2024 14:30" with a time); surrounding spaces do not count. */
export function readDateText(text: string, withTime = false): DateTextReading {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  const split = withTime ? DAY_AND_TIME.exec(trimmed) : null;
  if (withTime && !split) return { kind: 'wrong-form' };
  const parts = dayParts(split?.[1] ?? trimmed);
  if (!parts) return { kind: 'wrong-form' };
  const [day, month, year] = parts;
  if (!onCalendar(day, month, year)) return { kind: 'no-such-day' };
  const isoDay = `${year}-${twoDigits(month)}-${twoDigits(day)}`;
  if (!split) return { kind: 'date', value: isoDay };
  const [hour, minute] = [Number(split[2]), Number(split[3])];
  if (hour > 23 || minute > 59) return { kind: 'no-such-day' };
  return { kind: 'date', value: `${isoDay}T${twoDigits(hour)}:${twoDigits(minute)}` };
}

/**
 * What the form holds for a typed text: the ISO value of a date, '' for nothing, and otherwise the
 * text itself, which no contract takes for a date, so a half-typed or mistyped date cannot be
 * sent as if the field were empty.
 */
export function dateFormValue(text: string, withTime = false): string {
  const reading = readDateText(text, withTime);
  return reading.kind === 'date' ? reading.value : reading.kind === 'empty' ? '' : text.trim();
}

/** Whether a form value is a whole ISO date (or date and time): what the form can send. */
export function isDateValue(value: string, withTime = false): boolean {
  return (withTime ? ISO_DAY_TIME : ISO_DAY).test(value);
}

/** An ISO form value as the field shows it ("2024-01-15" → "15.01.2024"); anything else as it is. */
export function formatDateText(value: string, withTime = false): string {
  const m = (withTime ? ISO_DAY_TIME : ISO_DAY).exec(value);
  if (!m) return value;
  const day = `${m[3]}.${m[2]}.${m[1]}`;
  return withTime ? `${day} ${m[4]}:${m[5]}` : day;
}
