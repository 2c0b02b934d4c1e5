import { RULE_23_MINUTES, type RegimeOutcome } from '@vigil/contracts';

/*
 * The daily regime record (DOMAIN.md §6.2): Mandela Rule 23(1), at least one hour of suitable
 * exercise in the open air daily; Rule 22 food at the usual hours; Rule 16 bathing. Pure functions.
 */

export interface RegimeFields {
  exerciseOfferedMinutes: number;
  exerciseTakenMinutes: number;
  breakfast: RegimeOutcome;
  lunch: RegimeOutcome;
  supper: RegimeOutcome;
  shower: RegimeOutcome;
  refusalReason?: string | null;
}

/** Mandela Rule 23(1): the day counts only when at least an hour outdoors was offered (taking it is the prisoner's choice). */
export const rule23Met = (offeredMinutes: number | null | undefined) => (offeredMinutes ?? 0) >= RULE_23_MINUTES;

/** Exercise offered and none of it taken is a refusal. */
export const exerciseRefused = (f: Pick<RegimeFields, 'exerciseOfferedMinutes' | 'exerciseTakenMinutes'>) => f.exerciseOfferedMinutes > 0 && f.exerciseTakenMinutes === 0;

/** What was refused that day: exercise, a meal, the shower. */
export function refusals(f: RegimeFields): ('exercise' | 'breakfast' | 'lunch' | 'supper' | 'shower')[] {
  const out: ('exercise' | 'breakfast' | 'lunch' | 'supper' | 'shower')[] = [];
  if (exerciseRefused(f)) out.push('exercise');
  for (const k of ['breakfast', 'lunch', 'supper', 'shower'] as const) if (f[k] === 'refused') out.push(k);
  return out;
}

/** A refusal is recorded with its reason (security-tech.md §4.1: offered, accepted, refused). */
export const needsReason = (f: RegimeFields) => refusals(f).length > 0 && !f.refusalReason;

/**
 * Days in a row, ending on `day`, on which the prisoner was not offered an hour outdoors: a day
 * with no record counts (nothing shows it was offered). Days before `firstDay` (admission) do not
 * count; at most `max` days are looked at.
 */
export function consecutiveShortfall(offeredByDay: ReadonlyMap<string, number>, days: readonly string[], firstDay: string): number {
  // `days` is newest first, starting with the day asked about.
  let n = 0;
  for (const d of days) {
    if (d < firstDay || rule23Met(offeredByDay.get(d))) break;
    n++;
  }
  return n;
}
