import { formatLocale } from '../../i18n/index.ts';

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
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat(formatLocale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/** An instant, shown in the facility's time zone (UTC when none is known). */
export function formatTimestamp(at: string | null | undefined, language: string, timeZone = 'UTC'): string {
  if (!at) return '—';
  return new Intl.DateTimeFormat(formatLocale(language), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(at));
}
