import type { CalendarDate } from '@vigil/contracts';
import type { ProblemCode } from '@vigil/contracts';

/**
 * The rules of observation (docs/observations.md, security-tech.md §4.1–4.2). Pure: times in,
 * decisions out.
 *
 * Schedule: checks are due no later than one interval after the last check (or, before any, after
 * the start or the last change of level: the anchor). Officers vary when they check inside that
 * window (ACA: "at least every 30 minutes on an irregular schedule"): a check anywhere inside it is
 * on time, never "late" for not keeping a fixed beat. While no check is made, a due time passes
 * every interval: each is a missed check, recorded once.
 */

const MINUTE = 60_000;

/** How far back the sweeper records due times a stopped server left unrecorded. */
export const MISSED_LOOKBACK_HOURS = 48;
/** How far back a level may start (entered after it was put in place by phone). */
export const START_BACK_LIMIT_HOURS = 24;
/** A start a little ahead of the server's clock (a tablet's clock) counts as now. */
const CLOCK_SKEW_MS = 2 * MINUTE;

/** From when the next check is counted: the later of the last check and the schedule start. */
export function anchorOf(scheduleFrom: Date, lastCheckAt: Date | null): Date {
  return lastCheckAt && lastCheckAt > scheduleFrom ? lastCheckAt : scheduleFrom;
}

/** The window of the next check: from the anchor to one interval after it. */
export function nextWindow(anchor: Date, intervalMinutes: number) {
  return { opensAt: anchor, dueAt: new Date(anchor.getTime() + intervalMinutes * MINUTE) };
}

/** Whole minutes after a due time, rounded up (a check 10 seconds late is 1 minute late). */
const minutesAfter = (due: Date, at: Date) => Math.ceil((at.getTime() - due.getTime()) / MINUTE);

/**
 * Which due time a check made `at` answers, and how late it is. Inside the first window it
 * answers that window's due time and is on time (at the due time exactly still counts). After it,
 * it answers the latest due time already passed (those before remain missed) and is late by the
 * minutes since then.
 */
export function classifyCheck(anchor: Date, intervalMinutes: number, at: Date): { dueAt: Date; late: boolean; minutesLate: number | null } {
  const first = nextWindow(anchor, intervalMinutes).dueAt;
  if (at <= first) return { dueAt: first, late: false, minutesLate: null };
  const step = intervalMinutes * MINUTE;
  const k = Math.floor((at.getTime() - anchor.getTime()) / step);
  // The latest due time strictly before the check (a check exactly on a later due time answers the one before it).
  let due = new Date(anchor.getTime() + k * step);
  if (due >= at) due = new Date(due.getTime() - step);
  return { dueAt: due, late: true, minutesLate: Math.max(1, minutesAfter(due, at)) };
}

/**
 * The due times that have passed with no check, up to `now` (strictly before it), not earlier
 * than the lookback: what the sweeper records as missed (idempotently, one row per due time).
 */
export function passedDueTimes(anchor: Date, intervalMinutes: number, now: Date, lookbackHours = MISSED_LOOKBACK_HOURS): Date[] {
  const step = intervalMinutes * MINUTE;
  const floor = now.getTime() - lookbackHours * 60 * MINUTE;
  const firstK = Math.max(1, Math.ceil((floor - anchor.getTime()) / step));
  const out: Date[] = [];
  for (let k = firstK; ; k++) {
    const due = anchor.getTime() + k * step;
    if (due >= now.getTime()) break;
    out.push(new Date(due));
  }
  return out;
}

/** Minutes past the due time when the next check is overdue, or null when it is not. */
export function minutesOverdue(anchor: Date, intervalMinutes: number, now: Date): number | null {
  const due = nextWindow(anchor, intervalMinutes).dueAt;
  return now > due ? minutesAfter(due, now) : null;
}

/** A start given for a level: not in the future, not more than a day back. */
export function startProblem(startAt: Date, now: Date): ProblemCode | null {
  if (startAt.getTime() > now.getTime() + CLOCK_SKEW_MS) return 'observation-start-invalid';
  if (startAt.getTime() < now.getTime() - START_BACK_LIMIT_HOURS * 60 * MINUTE) return 'observation-start-invalid';
  return null;
}

/** The review date must not be in the past: a level is always set until a decision to look again. */
export const reviewDateProblem = (reviewOn: CalendarDate, today: CalendarDate): ProblemCode | null => (reviewOn < today ? 'observation-review-date-invalid' : null);

/** A review that changes the level names the new one; one that keeps it going names the next review. */
export function reviewProblem(body: { outcome: 'continue' | 'change' | 'end'; level?: string | undefined; reviewOn?: string | undefined }): ProblemCode | null {
  if (body.outcome === 'change' && !body.level) return 'observation-review-incomplete';
  if (body.outcome !== 'end' && !body.reviewOn) return 'observation-review-incomplete';
  return null;
}

/** Review overdue: the review date has passed while the level is active. */
export const isReviewOverdue = (reviewOn: CalendarDate, today: CalendarDate, active: boolean) => active && reviewOn < today;

/** The share of due checks made on time; a missed check answered late counts once, as late. */
export function onTimeRate(onTime: number, late: number, missed: number): number | null {
  const due = onTime + late + missed;
  return due === 0 ? null : onTime / due;
}
