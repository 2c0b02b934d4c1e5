import type { CalendarDate, ReassessmentReason } from '@vigil/contracts';
import { addDays, addMonths } from '../../platform/time/calendar.ts';
import type { DomainEvent } from '../../platform/events/event-types.ts';

/** The reasons a domain event gives to reassess: stored as triggers until an approval satisfies them. */
export type EventReason = Extract<ReassessmentReason, 'category-review' | 'intelligence' | 'incident'>;

/** The events that make a reassessment due (DOMAIN.md §5.4 step 9). */
export const TRIGGERING_EVENTS = ['classification.decided', 'intelligence.report-graded', 'incident.recorded'] as const;

/**
 * Which prisoners an event makes due for reassessment, and why: a category review (not a first
 * decision), a graded intelligence report naming them, a serious incident they were part of. New
 * information is a reason to reassess (VERA-2R: "whenever relevant new information emerges"), so
 * the reassessment is due from the day of the event.
 */
export function triggerOf(event: DomainEvent): { reason: EventReason; prisonerIds: string[] } | null {
  switch (event.type) {
    case 'classification.decided':
      return event.payload.review ? { reason: 'category-review', prisonerIds: [event.payload.prisonerId] } : null;
    case 'intelligence.report-graded':
      return { reason: 'intelligence', prisonerIds: [...new Set(event.payload.prisonerIds)] };
    case 'incident.recorded':
      return event.payload.serious ? { reason: 'incident', prisonerIds: [...new Set(event.payload.prisonerIds)] } : null;
    default:
      return null;
  }
}

/** Release planning: a prisoner is reassessed six months before their earliest release date. */
export const RELEASE_LEAD_MONTHS = 6;
export const releaseReviewOn = (earliestRelease: CalendarDate): CalendarDate => addMonths(earliestRelease, -RELEASE_LEAD_MONTHS);

export interface ApprovedSummary {
  instrumentCode: string;
  approvedOn: CalendarDate;
  nextReviewOn: CalendarDate;
}

export interface DueReason {
  code: ReassessmentReason;
  dueOn: CalendarDate;
  instrumentCode: string | null;
}

/**
 * Why one prisoner is due a reassessment: each instrument's interval from its latest approval, the
 * open event triggers, and release planning unless an approval has come since the six-month mark.
 * Sorted by date, earliest first.
 */
export function dueReasons(input: { approved: readonly ApprovedSummary[]; openTriggers: readonly { reason: EventReason; dueOn: CalendarDate }[]; earliestRelease: CalendarDate | null }): DueReason[] {
  const latest = new Map<string, ApprovedSummary>();
  for (const a of input.approved) {
    const seen = latest.get(a.instrumentCode);
    if (!seen || a.approvedOn > seen.approvedOn) latest.set(a.instrumentCode, a);
  }
  const reasons: DueReason[] = [...latest.values()].map((a) => ({ code: 'interval', dueOn: a.nextReviewOn, instrumentCode: a.instrumentCode }));
  for (const t of input.openTriggers) reasons.push({ code: t.reason, dueOn: t.dueOn, instrumentCode: null });
  if (input.earliestRelease) {
    const mark = releaseReviewOn(input.earliestRelease);
    if (!input.approved.some((a) => a.approvedOn >= mark)) reasons.push({ code: 'release', dueOn: mark, instrumentCode: null });
  }
  return reasons.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.code.localeCompare(b.code));
}

/** Listed when due within the horizon (overdue ones always are). */
export const withinHorizon = (dueOn: CalendarDate, today: CalendarDate, withinDays: number) => dueOn <= addDays(today, withinDays);
