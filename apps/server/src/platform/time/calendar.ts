import type { CalendarDate } from '@vigil/contracts';

/*
 * Calendar days as ISO strings (YYYY-MM-DD). Day-based rules count the facility's local days
 * (ARCHITECTURE invariant 7), so "today" is always taken from an instant and a time zone, and
 * arithmetic on days is done on the calendar, never by adding 86,400,000 ms to an instant (a
 * DST day has 23 or 25 hours).
 */

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD; formatToParts keeps us independent of that anyway.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** The calendar day it is at `instant` in `timeZone` (an IANA name such as Asia/Dushanbe). */
export function localDay(instant: Date, timeZone: string): CalendarDate {
  const parts = dayFormat(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const utcMidnight = (day: CalendarDate) => Date.parse(`${day}T00:00:00Z`);
const fromUtc = (ms: number): CalendarDate => new Date(ms).toISOString().slice(0, 10);

export function addDays(day: CalendarDate, days: number): CalendarDate {
  return fromUtc(utcMidnight(day) + days * 86_400_000);
}

/**
 * The same day `months` later (or earlier, when negative). A day the target month lacks (31 August
 * + 6 months) falls on that month's last day, as review intervals are counted.
 */
export function addMonths(day: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, lastDay))}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / 86_400_000);
}

/** Whole years between a birth date and a day, as a birthday counts them (29 February turns a year older on 1 March). */
export function ageOn(dateOfBirth: CalendarDate, day: CalendarDate): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
