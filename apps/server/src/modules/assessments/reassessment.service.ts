import type { Kysely, Transaction } from 'kysely';
import { ROLE_PERMISSIONS, ROLES, type Assessor, type CalendarDate, type DueAssessment } from '@vigil/contracts';
import { mayAccessFacility, systemContext, type RequestContext } from '../../platform/access/actor.ts';
import { appendAudit, auditRead } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema.ts';
import { Problem } from '../../platform/errors.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { localDay } from '../../platform/time/calendar.ts';
import { facilityDays } from '../../platform/time/facility-day.ts';
import { prisonerQueries } from '../prisoners/index.ts';
import { reassessmentRepository } from './reassessment.repository.ts';
import type { DomainEvent } from '../../platform/events/event-types.ts';
import { dueReasons, triggerOf, withinHorizon, type EventReason } from './reassessment.rules.ts';

// Triggers are written by the system as it hears another module's event, not by a person.
const SUBSCRIBER = systemContext('assessments.reassessment');

// The roles whose holders may be assigned an assessment (those granted assessments.assess).
const ASSESSOR_ROLES = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('assessments.assess'));

/**
 * When prisoners are due a reassessment (DOMAIN.md §5.4 step 9): the instrument's interval, release
 * planning, and the events other modules publish, kept as triggers until an approval satisfies them.
 */
export function reassessmentService(deps: { db: Kysely<DB>; clock: Clock }) {
  const { db } = deps;
  const repo = reassessmentRepository(db);
  const prisoners = prisonerQueries(db);
  const days = facilityDays(deps);

  /** The prisoners of one facility due (or overdue) within `withinDays`, earliest first, with every reason. */
  async function dueAt(ctx: RequestContext, facilityId: string, withinDays: number): Promise<{ today: CalendarDate; items: DueAssessment[] }> {
    if (!mayAccessFacility(ctx.actor, facilityId)) throw new Problem('not-found');
    const today = await days.today(facilityId);
    // Only the facility's records: the dashboard asks this for every facility in turn.
    const [summaries, triggers] = await Promise.all([repo.summaries(facilityId), repo.openTriggers(facilityId)]);
    const ids = [...new Set([...summaries.filter((s) => s.status === 'approved').map((s) => s.prisoner_id), ...triggers.map((t) => t.prisoner_id)])];
    const held = (await prisoners.findManyAnywhere(ids)).filter((p) => p.facility_id === facilityId && p.state !== 'released');
    const zone = await days.zone(facilityId);
    const items: DueAssessment[] = [];
    for (const p of held) {
      const mine = summaries.filter((s) => s.prisoner_id === p.id);
      const reasons = dueReasons({
        approved: mine.filter((s) => s.status === 'approved').map((s) => ({ instrumentCode: s.instrument_code, approvedOn: localDay(s.approved_at!, zone), nextReviewOn: s.next_review_on! })),
        openTriggers: triggers.filter((t) => t.prisoner_id === p.id).map((t) => ({ reason: t.reason, dueOn: t.due_on })),
        earliestRelease: p.earliest_release_date,
      });
      const dueOn = reasons[0]?.dueOn;
      if (!dueOn || !withinHorizon(dueOn, today, withinDays)) continue;
      items.push({
        prisoner: { id: p.id, prisonNumber: p.prison_number, familyName: p.family_name, givenName: p.given_name, patronymic: p.patronymic, familyNameLatin: p.family_name_latin, givenNameLatin: p.given_name_latin, sex: p.sex },
        dueOn,
        overdue: dueOn < today,
        reasons: reasons.filter((r) => withinHorizon(r.dueOn, today, withinDays)),
        inProgress: mine.some((s) => s.status !== 'approved'),
      });
    }
    items.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.prisoner.prisonNumber.localeCompare(b.prisoner.prisonNumber));
    return { today, items };
  }

  return {
    /**
     * A subscriber's handler: the prisoners an event makes due, each once (a trigger per event and
     * prisoner), due from the event's day where the prisoner is held. Unknown prisoners are skipped.
     */
    async recordTriggers(event: DomainEvent, trx: Transaction<DB>) {
      const trigger = triggerOf(event);
      if (!trigger) return;
      const found = await prisoners.findManyAnywhere(trigger.prisonerIds, trx);
      const rows = [];
      for (const p of found) {
        const dueOn = localDay(new Date(event.occurredAt), await days.zone(p.facility_id, trx));
        rows.push({ prisoner_id: p.id, reason: trigger.reason as EventReason, source_event_id: event.id, due_on: dueOn });
      }
      for (const written of await repo.insert(trx, rows)) {
        const facilityId = found.find((p) => p.id === written.prisoner_id)!.facility_id;
        await appendAudit(trx, SUBSCRIBER, { action: 'assessment.reassessment-triggered', entityType: 'prisoner', entityId: written.prisoner_id, facilityId, after: { triggerId: written.id, reason: trigger.reason, eventId: event.id, eventType: event.type } });
      }
    },

    /** Inside an approval's write: the prisoner's open triggers are satisfied by it. */
    satisfy: (trx: Transaction<DB>, prisonerId: string, assessmentId: string) => repo.satisfy(trx, prisonerId, assessmentId),

    /**
     * The prisoners of one facility due (or overdue) a reassessment within `withinDays`, earliest
     * first, with every reason. The read is audited: the reasons speak of intelligence and incidents.
     */
    async due(ctx: RequestContext, facilityId: string, withinDays: number): Promise<{ today: CalendarDate; items: DueAssessment[] }> {
      const { today, items } = await dueAt(ctx, facilityId, withinDays);
      await auditRead(db, ctx, { action: 'assessment.due-viewed', entityType: 'facility', entityId: facilityId, facilityId, after: { prisonerIds: items.map((i) => i.prisoner.id) } });
      return { today, items };
    },

    /** How many are due within `withinDays` and how many of them overdue: numbers only, for dashboards. */
    async dueCounts(ctx: RequestContext, facilityId: string, withinDays: number): Promise<{ due: number; overdue: number }> {
      const { items } = await dueAt(ctx, facilityId, withinDays);
      return { due: items.length, overdue: items.filter((i) => i.overdue).length };
    },

    /** Who may be assigned an assessment of this prisoner: active, allowed to assess, at the prisoner's facility. */
    async assessors(ctx: RequestContext, prisonerId: string): Promise<{ items: Assessor[] }> {
      const prisoner = await prisoners.find(ctx.actor, prisonerId);
      if (!prisoner) throw new Problem('not-found');
      const rows = await repo.assessorsAt(prisoner.facility_id, ASSESSOR_ROLES);
      return { items: rows.map((u) => ({ id: u.id, username: u.username, displayName: `${u.family_name} ${u.given_name}` })) };
    },
  };
}
export type ReassessmentService = ReturnType<typeof reassessmentService>;
