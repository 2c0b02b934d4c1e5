import type { ForceTechniqueData, ProblemCode, ProtectedState } from '@vigil/contracts';

/** What the prisoner file tells about a person that a restraint's protected states are checked against. */
export interface PersonOnFile {
  sex: 'male' | 'female';
  /** Admission health screening (asked of women only). */
  pregnant: boolean;
  breastfeeding: boolean;
}

/** The protected states a person is in, as far as the file records them. */
export function protectedStatesOf(p: PersonOnFile): ProtectedState[] {
  const states: ProtectedState[] = [];
  if (p.sex === 'female') {
    states.push('female');
    // Bangkok Rule 6: pregnancy is asked of women only; a flag on a man's file is a data error and not read.
    if (p.pregnant) states.push('pregnant');
    if (p.breastfeeding) states.push('breastfeeding');
  }
  return states;
}

/**
 * Whether a technique or instrument may be used on this person.
 * - Mandela Rule 47(1): chains, irons and other inherently degrading or painful restraints are prohibited.
 * - Mandela Rule 48(2), Bangkok Rule 24: never on women during labour, childbirth or just after; the
 *   list names the states (pregnancy, breastfeeding, sex) the file records that refuse it.
 */
export function techniqueProblem(technique: Pick<ForceTechniqueData, 'allowed' | 'refusedFor'> | undefined, person: PersonOnFile): ProblemCode | null {
  if (!technique) return 'force-technique-unknown';
  if (!technique.allowed) return 'force-technique-prohibited';
  const states = protectedStatesOf(person);
  if (technique.refusedFor.some((s) => states.includes(s))) return 'force-technique-protected';
  return null;
}

export interface ReportTimes {
  startedAt: Date;
  endedAt: Date | null;
  uses: { appliedAt: Date; removedAt: Date | null }[];
  medicalAt: Date | null;
}

/**
 * Start and stop make sense (Rules 47–48 ask for both): a restraint goes on after the force began
 * and comes off before it ended; nothing ends before it starts; nothing is in the future (a minute's
 * grace for clocks); the medical check is after the force began.
 */
export function timesProblem(t: ReportTimes, now: Date): ProblemCode | null {
  const future = (d: Date | null) => d !== null && d.getTime() > now.getTime() + 60_000;
  if (future(t.startedAt) || future(t.endedAt) || future(t.medicalAt) || t.uses.some((u) => future(u.appliedAt) || future(u.removedAt))) return 'force-times-order';
  if (t.endedAt && t.endedAt < t.startedAt) return 'force-times-order';
  for (const u of t.uses) {
    if (u.appliedAt < t.startedAt) return 'force-times-order';
    if (u.removedAt && u.removedAt < u.appliedAt) return 'force-times-order';
    if (t.endedAt && (u.appliedAt > t.endedAt || (u.removedAt && u.removedAt > t.endedAt))) return 'force-times-order';
  }
  if (t.medicalAt && t.medicalAt < t.startedAt) return 'force-times-order';
  return null;
}

/** A report is submitted whole: the force ended, every restraint came off, and health staff saw the prisoner (Rule 47(2)(b)). */
export function submissionProblem(r: { endedAt: Date | null; uses: { removedAt: Date | null }[]; medical: unknown }): ProblemCode | null {
  if (!r.endedAt || r.uses.some((u) => !u.removedAt) || !r.medical) return 'force-report-incomplete';
  return null;
}

const HOUR = 3_600_000;

/** Rule 82(2): reported at once; the configured hours after the force ended. Null while it goes on. */
export function dueAt(endedAt: Date | null, reportDueHours: number): Date | null {
  return endedAt ? new Date(endedAt.getTime() + reportDueHours * HOUR) : null;
}

/** A draft past its due time. */
export function isOverdue(r: { status: string; dueAt: Date | null }, now: Date): boolean {
  return r.status === 'draft' && r.dueAt !== null && now > r.dueAt;
}

/** Submitted after it was due (the flag stays with the report). */
export function isLate(r: { dueAt: Date | null; submittedAt: Date | null }): boolean {
  return r.dueAt !== null && r.submittedAt !== null && r.submittedAt > r.dueAt;
}

/**
 * How long a technique or restraint lasted (so far, while on), whether that is longer than its
 * maximum (Rule 48(1)(c): only as long as strictly necessary), and how many reviews it needed.
 */
export function useDuration(u: { appliedAt: Date; removedAt: Date | null }, t: Pick<ForceTechniqueData, 'maxDurationMinutes' | 'reviewIntervalMinutes'>, now: Date) {
  const minutes = Math.max(0, Math.floor(((u.removedAt ?? now).getTime() - u.appliedAt.getTime()) / 60_000));
  return {
    minutes,
    overMaximum: t.maxDurationMinutes !== null && minutes > t.maxDurationMinutes,
    reviewsNeeded: t.reviewIntervalMinutes ? Math.floor(minutes / t.reviewIntervalMinutes) : 0,
  };
}

/**
 * The review is independent of the force (Rule 82(2), reporting to the director): not by the
 * report's author, the officer who authorised it or anyone involved.
 */
export function mayReview(reviewerId: string, r: { reportedBy: string; authorisedBy: string; staff: readonly string[] }): boolean {
  return reviewerId !== r.reportedBy && reviewerId !== r.authorisedBy && !r.staff.includes(reviewerId);
}

/** Restraints and injuries name only prisoners involved. */
export function involvementProblem(prisonerIds: readonly string[], uses: readonly { prisonerId: string }[], injuries: readonly { person: string; prisonerId: string | null }[]): ProblemCode | null {
  const involved = new Set(prisonerIds);
  if (uses.some((u) => !involved.has(u.prisonerId))) return 'force-prisoner-not-involved';
  if (injuries.some((i) => i.person === 'prisoner' && (!i.prisonerId || !involved.has(i.prisonerId)))) return 'force-prisoner-not-involved';
  return null;
}
