import type { IncidentPerson, IncidentStaff, Language } from '@vigil/contracts';
import { nameOwnScript } from '../prisoners/prisoner-format.ts';

type Names = { en: string; ru: string; tg: string };

/** A catalogue name in the reader's language (English when the language is not one of ours). */
export const nameIn = (names: Names, language: string) => names[(['en', 'ru', 'tg'].includes(language) ? language : 'en') as Language];

export const staffName = (s: IncidentStaff | null | undefined) => (s ? `${s.familyName} ${s.givenName}` : '—');

/** Who someone involved is: the prisoner with their number, the member of staff, or the name given. */
export function personName(p: IncidentPerson): string {
  if (p.prisoner) return `${nameOwnScript(p.prisoner)} · ${p.prisoner.prisonNumber}`;
  if (p.staff) return staffName(p.staff);
  return p.name ?? '—';
}

/** Now on the facility's clock, as a DateField with time holds it ('YYYY-MM-DDTHH:mm'). */
export function nowInput(timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date())
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** Today on the facility's clock ('YYYY-MM-DD'). */
export const todayIn = (timeZone: string) => nowInput(timeZone).slice(0, 10);
