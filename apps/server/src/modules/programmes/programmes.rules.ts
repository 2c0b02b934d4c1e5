import { SECURITY_LEVELS, type AttendanceMark, type CalendarDate, type EligibilityRule, type ProblemCode, type RegisterMark, type SecurityLevel, type SessionSlot, type Sex } from '@vigil/contracts';
import { addDays } from '../../platform/time/calendar.ts';

/** What eligibility rules ask of a prisoner, gathered from the prisoners and alerts modules. */
export interface EligibilityFacts {
  sex: Sex;
  legalStatus: 'convicted' | 'untried';
  securityCategory: SecurityLevel;
  age: number;
  /** Codes of the alerts in force today. */
  alertCodes: readonly string[];
}

export interface FailedRule {
  /** The rule's place in the programme's list, so the screen names the very rule. */
  index: number;
  rule: EligibilityRule;
}

const rank = (level: SecurityLevel) => SECURITY_LEVELS.indexOf(level);

/** Whether one rule holds. Each rule says what the programme requires; none is implied. */
function holds(rule: EligibilityRule, p: EligibilityFacts): boolean {
  switch (rule.kind) {
    // Mandela Rule 11 / Bangkok Rules: some programmes are for women or men only.
    case 'sex':
      return p.sex === rule.sex;
    // Mandela Rule 11(b): untried prisoners are kept apart from convicted ones, and work is not
    // required of them (Rule 116), so a programme may be for one or the other.
    case 'legal-status':
      return p.legalStatus === rule.status;
    case 'min-security':
      return rank(p.securityCategory) >= rank(rule.category);
    case 'max-security':
      return rank(p.securityCategory) <= rank(rule.category);
    case 'no-alert':
      return !p.alertCodes.includes(rule.code);
    case 'min-age':
      return p.age >= rule.years;
  }
}

/** The rules the prisoner fails, in the programme's order; empty when eligible. */
export function eligibility(rules: readonly EligibilityRule[], prisoner: EligibilityFacts): FailedRule[] {
  return rules.flatMap((rule, index) => (holds(rule, prisoner) ? [] : [{ index, rule }]));
}

/** The problem that names a failed rule, in every language. */
export const ruleProblem = (rule: EligibilityRule): ProblemCode => `programme-ineligible-${rule.kind}`;

/** Over capacity a prisoner is refused, or queued when the caseworker chose the waiting list. */
export const isFull = (enrolled: number, capacity: number) => enrolled >= capacity;

/** The transitions of an enrolment: the status each action starts from and the one it leads to. */
export const ENROLMENT_STEPS = {
  admit: { from: ['waiting'], to: 'enrolled' },
  complete: { from: ['enrolled'], to: 'completed' },
  withdraw: { from: ['waiting', 'enrolled'], to: 'withdrawn' },
} as const;
export type EnrolmentStep = keyof typeof ENROLMENT_STEPS;

export const canTake = (step: EnrolmentStep, status: string) => (ENROLMENT_STEPS[step].from as readonly string[]).includes(status);

/** ISO weekday (1 Monday … 7 Sunday) of a calendar day. */
export function weekday(day: CalendarDate): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The weekly slot that gives a session on this day at this time, if any. */
export const slotOn = (slots: readonly SessionSlot[], day: CalendarDate, start: string) => slots.find((s) => s.weekday === weekday(day) && s.start === start);

/** Every session the weekly slots give from one day to another (both included), in time order. */
export function occurrences(slots: readonly SessionSlot[], from: CalendarDate, to: CalendarDate): { date: CalendarDate; start: string; end: string }[] {
  const out: { date: CalendarDate; start: string; end: string }[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    for (const s of [...slots].filter((x) => x.weekday === weekday(day)).sort((a, b) => a.start.localeCompare(b.start))) out.push({ date: day, start: s.start, end: s.end });
  }
  return out;
}

export interface Fault {
  path: string;
  message: ProblemCode;
}

/**
 * A register is saved whole: every one enrolled on the day marked once, nobody else; an absence
 * with its reason and nothing else with one; hours worked only for work, beside "attended".
 */
export function registerFaults(expected: readonly string[], marks: readonly RegisterMark[], recordsHours: boolean): Fault[] {
  const faults: Fault[] = [];
  const seen = new Set<string>();
  marks.forEach((m, i) => {
    if (!expected.includes(m.enrolmentId) || seen.has(m.enrolmentId)) faults.push({ path: `marks.${i}.enrolmentId`, message: 'programme-register-unknown' });
    seen.add(m.enrolmentId);
    if ((m.mark === 'absent') !== (m.absenceReason != null)) faults.push({ path: `marks.${i}.absenceReason`, message: 'programme-absence-reason' });
    if (m.hours != null && (!recordsHours || m.mark !== 'attended')) faults.push({ path: `marks.${i}.hours`, message: 'programme-hours' });
  });
  expected.forEach((id) => {
    if (!seen.has(id)) faults.push({ path: `marks`, message: 'programme-register-incomplete' });
  });
  return faults.filter((f, i) => faults.findIndex((g) => g.path === f.path && g.message === f.message) === i);
}

export interface MarkCounts {
  attended: number;
  absent: number;
  excused: number;
}

export const countMarks = (marks: readonly AttendanceMark[]): MarkCounts => ({
  attended: marks.filter((m) => m === 'attended').length,
  absent: marks.filter((m) => m === 'absent').length,
  excused: marks.filter((m) => m === 'excused').length,
});

/**
 * Attendance as a share of the sessions that counted: an excused absence (a court date, a visit
 * the service arranged) does not count against the prisoner. Null when nothing counted yet.
 */
export function attendanceRate(c: Pick<MarkCounts, 'attended' | 'absent'>): number | null {
  const counted = c.attended + c.absent;
  return counted === 0 ? null : Math.round((c.attended / counted) * 1000) / 1000;
}

/** An alert in force on a day, judged as the alerts module judges it (`alertInForce`): not ended, started, not expired. */
export const alertInForceOn = (a: { ended_by: string | null; starts_on: CalendarDate; ends_on: CalendarDate | null }, day: CalendarDate) =>
  a.ended_by === null && a.starts_on <= day && (a.ends_on === null || a.ends_on >= day);
