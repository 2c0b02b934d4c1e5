import type { CalendarDate, InjuryLevel, IncidentStatus, NotificationRecipient, RequiredNotification } from '@vigil/contracts';

/**
 * The rules of incident management (DOMAIN.md §10), pure: which notifications an incident requires
 * and by when, how its status may move, what closing needs, and when a deadline has passed.
 */

/** Where a duty to notify comes from: the incident's type, or a rule that applies whatever the type. */
export type NotificationBasis = 'type' | 'mandela-71' | 'mandela-69';

export interface DueNotification {
  recipient: NotificationRecipient;
  basis: NotificationBasis;
  dueAt: Date;
}

const HOUR = 3_600_000;

/** A serious or fatal injury makes the incident serious, whatever its type says. */
export const isSeriousInjury = (injury: InjuryLevel) => injury === 'serious' || injury === 'fatal';

export const isSerious = (typeSerious: boolean, injuries: readonly InjuryLevel[]) => typeSerious || injuries.some(isSeriousInjury);

/**
 * The notifications an incident requires, each with its deadline counted from the report:
 * the type's list, plus
 * - Mandela Rule 71: a death or a serious injury is reported to an independent (judicial or other)
 *   authority without delay, regardless of any internal inquiry;
 * - Mandela Rule 69: a death in custody is told to the next of kin at once (a prisoner's serious
 *   injury to the persons they designated: the next of kin here, too).
 * A recipient named twice keeps the earlier deadline and the rule's basis.
 */
export function requiredNotifications(typeNotifications: readonly RequiredNotification[], injuries: readonly { kind: string; injury: InjuryLevel }[], reportedAt: Date): DueNotification[] {
  const due = new Map<NotificationRecipient, DueNotification>();
  const add = (recipient: NotificationRecipient, withinHours: number, basis: NotificationBasis) => {
    const dueAt = new Date(reportedAt.getTime() + withinHours * HOUR);
    const current = due.get(recipient);
    if (!current || dueAt < current.dueAt || (dueAt.getTime() === current.dueAt.getTime() && basis !== 'type')) due.set(recipient, { recipient, basis, dueAt });
  };
  for (const n of typeNotifications) add(n.recipient, n.withinHours, 'type');
  if (injuries.some((p) => isSeriousInjury(p.injury))) add('independent-authority', 0, 'mandela-71');
  if (injuries.some((p) => p.kind === 'prisoner' && isSeriousInjury(p.injury))) add('next-of-kin', 0, 'mandela-69');
  return [...due.values()];
}

/** Of what is now required, what the incident does not have yet (a person added later with a serious injury). */
export function missingNotifications(existing: readonly NotificationRecipient[], required: readonly DueNotification[]): DueNotification[] {
  const have = new Set(existing);
  return required.filter((r) => !have.has(r.recipient));
}

/** Not done and past its deadline; an immediate duty (0 hours) is overdue once a quarter of an hour has passed. */
export const GRACE_MS = 15 * 60_000;
export function notificationOverdue(n: { dueAt: Date; doneAt: Date | null }, now: Date): boolean {
  return n.doneAt === null && now.getTime() > n.dueAt.getTime() + GRACE_MS;
}

/** An action not done by the end of its due day (the facility's day). */
export const actionOverdue = (a: { dueOn: CalendarDate; doneOn: CalendarDate | null }, today: CalendarDate) => a.doneOn === null && a.dueOn < today;

/**
 * Status moves forward only (DOMAIN.md §10.3: contain, resolve, recover). An incident over quickly
 * may be resolved without a separate containment; a closed incident is closed for good.
 */
const NEXT: Record<IncidentStatus, readonly IncidentStatus[]> = {
  reported: ['contained', 'resolved'],
  contained: ['resolved'],
  resolved: ['closed'],
  closed: [],
};
export const canMove = (from: IncidentStatus, to: IncidentStatus) => NEXT[from].includes(to);
export const nextStatuses = (from: IncidentStatus) => NEXT[from];

export type CloseBlocker = 'not-resolved' | 'notifications-outstanding' | 'review-missing' | 'debrief-missing';

/**
 * What stops an incident being closed: it must be resolved, every required notification done
 * (Rule 71's report is not optional), the supervisor's review recorded and, for a serious
 * incident, the debrief held (DOMAIN.md §10.3: debrief staff and witnesses, lessons and actions).
 * Open actions do not block: they are followed on their own due dates.
 */
export function closeBlockers(i: { status: IncidentStatus; serious: boolean; notificationsOutstanding: number; reviewed: boolean; debriefed: boolean }): CloseBlocker[] {
  const blockers: CloseBlocker[] = [];
  if (i.status !== 'resolved' && i.status !== 'closed') blockers.push('not-resolved');
  if (i.notificationsOutstanding > 0) blockers.push('notifications-outstanding');
  if (!i.reviewed) blockers.push('review-missing');
  if (i.serious && !i.debriefed) blockers.push('debrief-missing');
  return blockers;
}

/**
 * The time a status is reached, when given: never in the future (a minute's clock skew allowed)
 * and never before the incident happened.
 */
export const SKEW_MS = 60_000;
export function timeProblem(at: Date, occurredAt: Date | null, now: Date): 'incident-time-future' | 'incident-time-before-occurred' | null {
  if (at.getTime() > now.getTime() + SKEW_MS) return 'incident-time-future';
  if (occurredAt && at.getTime() < occurredAt.getTime()) return 'incident-time-before-occurred';
  return null;
}

/** The supervisor's review is a second pair of eyes: never by the one who reported the incident. */
export const mayReview = (reporterId: string, reviewerId: string) => reporterId !== reviewerId;

/** The number staff quote. */
export const incidentReference = (n: number) => `INC-${String(n).padStart(6, '0')}`;
