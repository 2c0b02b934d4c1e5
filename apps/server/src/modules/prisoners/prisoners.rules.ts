import { addDays, ageOn } from '../../platform/time/calendar.ts';
import type { AgeGroup, CalendarDate, LegalStatus, PrisonerFile, ProblemCode, Sentence, SeparationCategory, Sex } from '@vigil/contracts';

/** Mandela Rule 11(d): children apart from adults; young adults (18–21) are a group of their own. */
export function ageGroup(age: number): AgeGroup {
  if (age < 18) return 'child';
  if (age < 21) return 'young-adult';
  return 'adult';
}

/**
 * The separation category Mandela Rule 11 asks for, derived from the file and never entered by
 * hand: (a) men apart from women, (b) untried apart from convicted, (d) children apart from adults.
 */
export function separationCategory(p: { sex: Sex; legalStatus: LegalStatus; dateOfBirth: CalendarDate }, today: CalendarDate): SeparationCategory {
  return { sex: p.sex, legalStatus: p.legalStatus, ageGroup: ageGroup(ageOn(p.dateOfBirth, today)) };
}

const toDate = (s: CalendarDate) => new Date(`${s}T00:00:00Z`);
const fromDate = (d: Date): CalendarDate => d.toISOString().slice(0, 10);

/** Adds whole years, months and days to a calendar date (31 Jan + 1 month = 28/29 Feb, as courts count). */
export function addTerm(start: CalendarDate, term: { years: number; months: number; days: number }): CalendarDate {
  const d = toDate(start);
  const y = d.getUTCFullYear() + term.years;
  const m = d.getUTCMonth() + term.months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const moved = new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay)));
  moved.setUTCDate(moved.getUTCDate() + term.days);
  return fromDate(moved);
}

/**
 * Release dates from the sentences: the latest date is the end of the longest-running sentence
 * (concurrent sentences) less the remand already served; the earliest also takes off any
 * early-release days. No sentence (untried) → no dates.
 */
export function releaseDates(sentences: readonly Sentence[]): { earliest: CalendarDate | null; latest: CalendarDate | null } {
  let latest: CalendarDate | null = null;
  let earliest: CalendarDate | null = null;
  for (const s of sentences) {
    const end = addDays(addTerm(s.startDate, s), -s.remandDays);
    const early = addDays(end, -s.earlyReleaseDays);
    if (latest === null || end > latest) latest = end;
    if (earliest === null || early > earliest) earliest = early;
  }
  return { earliest, latest };
}

/**
 * Date problems a file may have, as [path, problem code] pairs: a birth in the future, a sentence
 * starting before birth, a release before admission.
 */
export function fileDateProblems(file: PrisonerFile, today: CalendarDate, admittedOn: CalendarDate): [string, ProblemCode][] {
  const problems: [string, ProblemCode][] = [];
  const dob = file.identity.dateOfBirth;
  if (dob > today) problems.push(['file.identity.dateOfBirth', 'birth-in-future']);
  if (dob > admittedOn) problems.push(['file.identity.dateOfBirth', 'birth-after-admission']);
  file.legal.sentences.forEach((s, i) => {
    if (s.startDate < dob) problems.push([`file.legal.sentences.${i}.startDate`, 'sentence-before-birth']);
  });
  const { latest } = releaseDates(file.legal.sentences);
  if (latest !== null && latest < admittedOn && file.legal.status === 'convicted') {
    problems.push(['file.legal.sentences', 'release-before-admission']);
  }
  if (file.legal.status === 'convicted' && file.legal.sentences.length === 0) problems.push(['file.legal.sentences', 'sentence-required']);
  return problems;
}

/** Any charge marked as extremism- or terrorism-related makes the whole file so. */
export const isExtremismRelated = (file: PrisonerFile) => file.legal.charges.some((c) => c.extremismRelated);
