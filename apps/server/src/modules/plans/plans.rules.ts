import { INTERVENTION_TRANSITIONS, OBJECTIVE_TRANSITIONS, type CalendarDate, type InstrumentDefinition, type InterventionStatus, type ObjectiveStatus } from '@vigil/contracts';
import { addDays } from '../../platform/time/calendar.ts';

/** A fault at its path in the request, named by a problem code (a form shows it beside the field). */
export interface Fault {
  path: string;
  message: 'plan-objective-unlinked' | 'plan-need-invalid' | 'plan-review-date-past' | 'plan-review-held-future' | 'plan-dates-order';
}

/**
 * DOMAIN.md §2.3: interventions are "based on the assessed needs". An objective that answers no
 * assessed need or risk has no place in the plan.
 */
export const objectiveFaults = (needs: readonly unknown[]): Fault[] => (needs.length === 0 ? [{ path: 'needs', message: 'plan-objective-unlinked' }] : []);

/** What a need link resolves to in the instrument version the assessment was made under. */
export type ResolvedNeed =
  | { kind: 'domain'; domain: InstrumentDefinition['domains'][number] }
  | { kind: 'item'; item: InstrumentDefinition['items'][number]; domain: InstrumentDefinition['domains'][number] | undefined };

/** A need link names a domain or an item of the assessed instrument version; anything else is refused. */
export function resolveNeed(definition: InstrumentDefinition, code: string): ResolvedNeed | undefined {
  const domain = definition.domains.find((d) => d.code === code);
  if (domain) return { kind: 'domain', domain };
  const item = definition.items.find((i) => i.code === code);
  return item ? { kind: 'item', item, domain: definition.domains.find((d) => d.code === item.domain) } : undefined;
}

/**
 * A review meeting is minuted after it is held, and sets the next one on a day still to come: a
 * plan whose next review is already past the day it is set is reviewed by nobody.
 */
export function reviewFaults(today: CalendarDate, review: { heldOn: CalendarDate; nextReviewOn: CalendarDate }): Fault[] {
  const faults: Fault[] = [];
  if (review.heldOn > today) faults.push({ path: 'heldOn', message: 'plan-review-held-future' });
  if (review.nextReviewOn < today) faults.push({ path: 'nextReviewOn', message: 'plan-review-date-past' });
  return faults;
}

/** The first review date given with a new plan: not in the past either. */
export const firstReviewFaults = (today: CalendarDate, nextReviewOn: CalendarDate | null | undefined): Fault[] =>
  nextReviewOn && nextReviewOn < today ? [{ path: 'nextReviewOn', message: 'plan-review-date-past' }] : [];

/** An intervention ends on or after the day it starts. */
export const interventionFaults = (dates: { startsOn: CalendarDate; endsOn?: CalendarDate | null }): Fault[] =>
  dates.endsOn && dates.endsOn < dates.startsOn ? [{ path: 'endsOn', message: 'plan-dates-order' }] : [];

/** Whether a status may change from `from` to `to` (staying the same is always allowed: an edit of the text). */
export const objectiveTransitionAllowed = (from: ObjectiveStatus, to: ObjectiveStatus) => from === to || OBJECTIVE_TRANSITIONS[from].includes(to);
export const interventionTransitionAllowed = (from: InterventionStatus, to: InterventionStatus) => from === to || INTERVENTION_TRANSITIONS[from].includes(to);

/**
 * A plan must be reviewed with the prisoner: one never reviewed is due for its first review this
 * many days after it was made, when it was given no date of its own (docs/plans.md).
 */
export const FIRST_REVIEW_DAYS = 28;

/** When an active plan's review fell due, and why; undefined while it is not yet due. */
export function reviewDue(
  today: CalendarDate,
  plan: { createdOn: CalendarDate; nextReviewOn: CalendarDate | null; reviewed: boolean },
): { reason: 'review-overdue' | 'never-reviewed'; dueOn: CalendarDate } | undefined {
  if (plan.nextReviewOn) {
    if (plan.nextReviewOn >= today) return undefined;
    return { reason: plan.reviewed ? 'review-overdue' : 'never-reviewed', dueOn: plan.nextReviewOn };
  }
  const dueOn = addDays(plan.createdOn, FIRST_REVIEW_DAYS);
  return dueOn < today ? { reason: 'never-reviewed', dueOn } : undefined;
}
