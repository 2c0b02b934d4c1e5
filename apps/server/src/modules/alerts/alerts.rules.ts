import type { AlertStatus, CalendarDate, ProblemCode, Role } from '@vigil/contracts';

/** An alert code whose `restrictedTo` is empty is for everyone with alerts.read; otherwise only for the roles listed. */
export function typeVisibleTo(type: { restrictedTo: readonly string[] }, roles: readonly Role[]): boolean {
  return type.restrictedTo.length === 0 || roles.some((r) => type.restrictedTo.includes(r));
}

/**
 * Where an alert stands on a day. `endsOn` is the last day it is in force; an alert ended by
 * someone stops at once, whatever its end date says (so ending one today takes effect today).
 */
export function alertStatus(a: { startsOn: CalendarDate; endsOn: CalendarDate | null; endedBy: string | null }, today: CalendarDate): AlertStatus {
  if (a.endedBy !== null) return 'ended';
  if (a.endsOn !== null && a.endsOn < today) return 'expired';
  if (a.startsOn > today) return 'upcoming';
  return 'active';
}

/** Active and upcoming alerts first, then history; within each, the latest start first. */
export function compareAlerts(a: { status: AlertStatus; startsOn: string; raisedAt: string }, b: { status: AlertStatus; startsOn: string; raisedAt: string }): number {
  const current = (s: AlertStatus) => (s === 'active' || s === 'upcoming' ? 0 : 1);
  return current(a.status) - current(b.status) || b.startsOn.localeCompare(a.startsOn) || b.raisedAt.localeCompare(a.raisedAt);
}

/** What is wrong with a new alert's dates and link, as a problem code, or null. */
export function raiseProblem(
  type: { needsRelatedPrisoner: boolean },
  body: { prisonerId: string; relatedPrisonerId?: string | null; startsOn: CalendarDate; endsOn?: CalendarDate | null },
): ProblemCode | null {
  if (type.needsRelatedPrisoner && !body.relatedPrisonerId) return 'alert-related-required';
  if (!type.needsRelatedPrisoner && body.relatedPrisonerId) return 'alert-related-not-allowed';
  if (body.relatedPrisonerId && body.relatedPrisonerId === body.prisonerId) return 'alert-related-not-allowed';
  if (body.endsOn && body.endsOn < body.startsOn) return 'alert-dates';
  return null;
}

/**
 * The end date recorded when someone ends an alert: today, kept no earlier than its start (an
 * alert ended before it began keeps its start day, and is not in force thanks to `endedBy`), and
 * never later than an end date it already had.
 */
export function endedOn(a: { startsOn: CalendarDate; endsOn: CalendarDate | null }, today: CalendarDate): CalendarDate {
  const day = today < a.startsOn ? a.startsOn : today;
  return a.endsOn !== null && a.endsOn < day ? a.endsOn : day;
}
