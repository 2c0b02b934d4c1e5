import i18n from '../../i18n/index.ts';
import { formatCalendarDay, formatInstant } from '../../i18n/dates.ts';

interface Named {
  familyName?: string | null;
  givenName?: string | null;
  patronymic?: string | null;
  familyNameLatin?: string | null;
  givenNameLatin?: string | null;
  patronymicLatin?: string | null;
}

const join = (...parts: (string | null | undefined)[]) => parts.filter((p) => p && p.trim()).join(' ');

/** The name as written in the person's own script: family name first, as on their documents. */
export const nameOwnScript = (p: Named) => join(p.familyName, p.givenName, p.patronymic);

/** The Latin form, or '' when none was recorded. */
export const nameLatin = (p: Named) => join(p.familyNameLatin, p.givenNameLatin, p.patronymicLatin);

/** A calendar date ('YYYY-MM-DD') in the user's language. It is a day, not an instant: no time zone shift. */
export function formatDate(date: string | null | undefined, language: string): string {
  if (!date) return '—';
  return formatCalendarDay(date, i18n.getFixedT(language));
}

/** An instant, shown in the facility's time zone (UTC when none is known). */
export function formatTimestamp(at: string | null | undefined, language: string, timeZone = 'UTC', precision: 'minute' | 'second' = 'minute'): string {
  if (!at) return '—';
  return formatInstant(at, i18n.getFixedT(language), timeZone, precision);
}
