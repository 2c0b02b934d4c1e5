/**
 * Dates, times and country names from our own catalogues. Browsers carry no Tajik locale data, so
 * Intl would silently fall back to US English ("Dec 3, 2026, 11:28 AM") in the Tajik interface;
 * month names and patterns therefore come from the i18n catalogues, in every language alike. Intl is
 * used only for what is not language (the calendar fields of an instant in a time zone).
 */

/** Looks a message up in the interface's language (i18next's `t`, or a plain function in tests). */
export type Translate = (key: string, values?: Record<string, string>) => string;

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const fieldFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields of an instant in a time zone (an invalid zone falls back to UTC). */
function fieldsIn(at: Date, timeZone: string): Fields {
  let format = fieldFormats.get(timeZone);
  if (!format) {
    const options = { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' } as const;
    try {
      format = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
    } catch {
      format = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
    }
    fieldFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second) };
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

const day = (f: Pick<Fields, 'year' | 'month' | 'day'>, t: Translate) =>
  t('dates.day', { day: String(f.day), month: t(`dates.months.${f.month}`), year: String(f.year) });

/** A calendar day ('YYYY-MM-DD'): a day, not an instant, so no time zone shift. Unparseable input is shown as given. */
export function formatCalendarDay(date: string, t: Translate): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const f = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return f.month >= 1 && f.month <= 12 ? day(f, t) : date;
}

/** An instant (ISO timestamp) as date and 24-hour time on the wall clock of `timeZone`; seconds where they matter (the audit trail). */
export function formatInstant(at: string, t: Translate, timeZone: string, precision: 'minute' | 'second' = 'minute'): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  const f = fieldsIn(d, timeZone);
  const time = `${twoDigits(f.hour)}:${twoDigits(f.minute)}${precision === 'second' ? `:${twoDigits(f.second)}` : ''}`;
  return t('dates.dayTime', { date: day(f, t), time });
}

/** Minutes the zone's wall clock is ahead of UTC at `at`. */
function offsetMinutes(timeZone: string, at: Date): number {
  const f = fieldsIn(at, timeZone);
  const wall = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute);
  return Math.round((wall - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/** "+05:00": the zone's offset from UTC at `at` (the offset changes with daylight saving). */
export function utcOffset(timeZone: string, at = new Date()): string {
  const minutes = offsetMinutes(timeZone, at);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${twoDigits(Math.floor(abs / 60))}:${twoDigits(abs % 60)}`;
}

/**
 * A wall-clock time as a form field gives it ('2026-12-03T11:28', no zone) read on the clock of
 * `timeZone`, as an ISO instant; '' when there is none. (The browser would read it on its own clock.)
 */
export function wallTimeToIso(local: string, timeZone: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) return '';
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  // The offset is the one in force at that moment; a second look settles a daylight-saving change.
  let at = wall - offsetMinutes(timeZone, new Date(wall)) * 60_000;
  at = wall - offsetMinutes(timeZone, new Date(at)) * 60_000;
  return new Date(at).toISOString();
}

/** "Times in Asia/Dushanbe (UTC+05:00)", to say which clock a list of times follows. */
export const describeZone = (timeZone: string, t: Translate, at = new Date()) => t('dates.zone', { zone: timeZone, offset: utcOffset(timeZone, at) });

/**
 * A country (ISO 3166 alpha-2) by name: from our catalogue first (it lists the countries the
 * service meets most), else from the browser's data (which has no Tajik: Tajik falls back to
 * Russian names, which Tajik readers share), else the code itself.
 */
export function countryName(code: string, language: string, t: Translate): string {
  const upper = code.toUpperCase();
  const key = `countries.${upper}`;
  const named = t(key);
  if (named !== key) return named;
  try {
    return new Intl.DisplayNames([language === 'tg' ? 'ru' : language], { type: 'region', fallback: 'code' }).of(upper) ?? upper;
  } catch {
    return upper;
  }
}
