import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import {
  InstrumentDefinition,
  type AddPlanNoteBody,
  type Assessment,
  type CreateInterventionBody,
  type CreateObjectiveBody,
  type CreatePlanBody,
  type LinkableNeeds,
  type Plan,
  type PrisonerPlans,
  type RecordReviewBody,
  type UnreviewedPlans,
  type UpdateInterventionBody,
  type UpdateObjectiveBody,
} from '@vigil/contracts';
import type { RequestContext } from '../../platform/access/actor.ts';
import { auditRead } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema.ts';
import { runWrite, type Write } from '../../platform/db/write.ts';
import { Problem } from '../../platform/errors.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { daysBetween, localDay } from '../../platform/time/calendar.ts';
import { facilityDays } from '../../platform/time/facility-day.ts';
import type { AssessmentRecordsService } from '../assessments/assessment-records.service.ts';
import type { AssessmentsService } from '../assessments/assessments.service.ts';
import { prisonerQueries } from '../prisoners/index.ts';
import { userQueries } from '../users/index.ts';
import { presentIntervention, presentNote, presentObjective, presentPlanSummary, presentReview, type NeedLabels } from './plans.presenter.ts';
import { plansRepository, type PlanRow } from './plans.repository.ts';
import {
  firstReviewFaults,
  interventionFaults,
  interventionTransitionAllowed,
  objectiveFaults,
  objectiveTransitionAllowed,
  resolveNeed,
  reviewDue,
  reviewFaults,
  type Fault,
} from './plans.rules.ts';

type Body<T extends z.ZodType> = z.output<T>;

/** Refuses with every fault at its path; the first fault names the problem. */
const refuse = (faults: Fault[]) => {
  if (faults.length) throw new Problem(faults[0]!.message, undefined, faults);
};

/** Every change to a plan lands in the plan's own audit trail, whatever part of it changed. */
const onPlan = (plan: { id: string }, facilityId: string, action: string) => ({ action, entityType: 'sentence-plan', entityId: plan.id, facilityId });

export function plansService(deps: { db: Kysely<DB>; clock: Clock; assessments: AssessmentsService; assessmentRecords: AssessmentRecordsService }) {
  const { db } = deps;
  const repo = plansRepository(db);
  const prisoners = prisonerQueries(db);
  const users = userQueries(db);
  const days = facilityDays(deps);

  /** The prisoner the reader may see, or not found. */
  async function visiblePrisoner(ctx: RequestContext, prisonerId: string, trx?: Transaction<DB>) {
    const prisoner = await prisoners.find(ctx.actor, prisonerId, trx);
    if (!prisoner) throw new Problem('not-found');
    return prisoner;
  }

  /** The plan with its prisoner, when the reader may see that prisoner; otherwise not found. */
  async function visiblePlan(ctx: RequestContext, planId: string) {
    const plan = await repo.plan(planId);
    if (!plan) throw new Problem('not-found');
    return { plan, prisoner: await visiblePrisoner(ctx, plan.prisoner_id) };
  }

  /** The plan whole: objectives with their needs and interventions, review meetings, notes. */
  async function whole(plan: PlanRow, trx?: Transaction<DB>): Promise<Plan> {
    const objectives = await repo.objectivesOf(plan.id, trx);
    const ids = objectives.map((o) => o.id);
    const [needs, interventions, reviews, notes] = await Promise.all([repo.needsOf(ids, trx), repo.interventionsOf(ids, trx), repo.reviewsOf(plan.id, trx), repo.notesOf(plan.id, trx)]);
    return {
      ...presentPlanSummary(plan),
      objectives: objectives.map((o) => presentObjective(o, needs, interventions)),
      reviews: reviews.map(presentReview),
      notes: notes.map(presentNote),
    };
  }

  /**
   * A change to a plan, in one write: the plan locked, within the reader's reach, and only the
   * active plan changed (a superseded one is kept as it stood).
   */
  function onActivePlan<T>(ctx: RequestContext, planId: string, work: (w: Write, plan: PlanRow, facilityId: string) => Promise<T>) {
    return runWrite(db, ctx, async (w) => {
      const plan = await repo.lockPlan(planId, w.trx);
      const prisoner = plan && (await prisoners.find(ctx.actor, plan.prisoner_id, w.trx));
      if (!plan || !prisoner) throw new Problem('not-found');
      if (plan.status !== 'active') throw new Problem('plan-closed');
      return work(w, plan, prisoner.facility_id);
    });
  }

  /** The instrument version an assessment was made under (an approved assessment and its version never change). */
  async function definitionOf(assessment: Assessment) {
    const history = await deps.assessments.instrumentHistory(assessment.instrument.code);
    return InstrumentDefinition.parse(history.items.find((v) => v.version === assessment.instrument.version)!.data);
  }

  /** The labels a need keeps: names from the instrument version and, for an item, the level it was rated at. */
  function labelsOf(assessment: Assessment, definition: InstrumentDefinition, code: string) {
    const need = resolveNeed(definition, code);
    if (!need) return undefined;
    const instrument = definition.names;
    if (need.kind === 'domain') return { kind: need.kind, labels: { instrument, names: need.domain.names, domain: null, level: null } satisfies NeedLabels };
    const rated = assessment.ratings[code]?.level;
    const level = need.item.scale.levels.find((l) => l.code === rated)?.names ?? null;
    return { kind: need.kind, labels: { instrument, names: need.item.names, domain: need.domain?.names ?? null, level } satisfies NeedLabels };
  }

  /**
   * The needs an objective links, each checked through the assessments service: an approved
   * assessment of this prisoner (the read is audited there) and a domain or item of its instrument.
   */
  async function resolveNeeds(ctx: RequestContext, prisonerId: string, needs: Body<typeof CreateObjectiveBody>['needs']) {
    const assessments = new Map<string, { assessment: Assessment; definition: InstrumentDefinition } | null>();
    const faults: Fault[] = [];
    const resolved = [];
    for (const [index, need] of needs.entries()) {
      if (!assessments.has(need.assessmentId)) {
        const assessment = await deps.assessmentRecords.one(ctx, need.assessmentId).catch((e: unknown) => {
          if (e instanceof Problem && e.code === 'not-found') return null;
          throw e;
        });
        const usable = assessment && assessment.status === 'approved' && assessment.prisonerId === prisonerId;
        assessments.set(need.assessmentId, usable ? { assessment, definition: await definitionOf(assessment) } : null);
      }
      const found = assessments.get(need.assessmentId);
      const labelled = found && labelsOf(found.assessment, found.definition, need.code);
      if (!found || !labelled) faults.push({ path: `needs.${index}`, message: 'plan-need-invalid' });
      else resolved.push({ assessment_id: need.assessmentId, code: need.code, kind: labelled.kind, instrument_code: found.assessment.instrument.code, labels: JSON.stringify(labelled.labels) });
    }
    refuse(faults);
    // The same need named twice is one link.
    return [...new Map(resolved.map((n) => [`${n.assessment_id}/${n.code}`, n])).values()];
  }

  /** The objective, to find the plan a change to it or under it is made on. */
  async function objectiveOnPlan(objectiveId: string) {
    const objective = await repo.objective(objectiveId);
    if (!objective) throw new Problem('not-found');
    return objective;
  }

  /**
   * Active plans in a facility whose review is due and not held: the next review date has
   * passed, or a plan given no date was made more than FIRST_REVIEW_DAYS ago and never reviewed.
   */
  async function unreviewedAt(ctx: RequestContext, facilityId: string) {
    const facility = await repo.facility(ctx.actor, facilityId);
    if (!facility) throw new Problem('not-found');
    const today = days.todayIn(facility.time_zone);
    const rows = await repo.activeInFacility(ctx.actor, facilityId);
    const items: UnreviewedPlans['items'] = [];
    for (const r of rows) {
      const lastReviewOn = r.last_review_on === null ? null : String(r.last_review_on);
      const createdOn = localDay(r.created_at, r.time_zone);
      const due = reviewDue(today, { createdOn, nextReviewOn: r.next_review_on, reviewed: lastReviewOn !== null });
      if (!due) continue;
      items.push({
        planId: r.id,
        prisonerId: r.prisoner_id,
        prisonNumber: r.prison_number,
        prisonerName: [r.family_name, r.given_name, r.patronymic].filter(Boolean).join(' '),
        planNumber: r.number,
        createdOn,
        lastReviewOn,
        nextReviewOn: r.next_review_on,
        reason: due.reason,
        daysOverdue: daysBetween(due.dueOn, today),
      });
    }
    return { asOf: today, items: items.sort((a, b) => b.daysOverdue - a.daysOverdue), active: rows.length };
  }

  return {
    /** A prisoner's plans: the active one whole and every plan, newest first. The read is audited. */
    async ofPrisoner(ctx: RequestContext, prisonerId: string): Promise<PrisonerPlans> {
      const prisoner = await visiblePrisoner(ctx, prisonerId);
      const plans = await repo.plansOf(prisonerId);
      const current = plans.find((p) => p.status === 'active');
      const result = { active: current ? await whole(current) : null, plans: plans.map(presentPlanSummary) };
      await auditRead(db, ctx, { action: 'prisoner.plans-viewed', entityType: 'prisoner', entityId: prisonerId, facilityId: prisoner.facility_id, after: { planIds: plans.map((p) => p.id) } });
      return result;
    },

    /** One plan whole, an earlier one too. The read is audited. */
    async one(ctx: RequestContext, planId: string): Promise<Plan> {
      const { plan, prisoner } = await visiblePlan(ctx, planId);
      const result = await whole(plan);
      await auditRead(db, ctx, { action: 'plan.viewed', entityType: 'sentence-plan', entityId: planId, facilityId: prisoner.facility_id });
      return result;
    },

    /**
     * What an objective may answer: every domain and item of the latest approved assessment on
     * each instrument, named as in the version assessed (the assessments read is audited there).
     */
    async linkableNeeds(ctx: RequestContext, prisonerId: string): Promise<LinkableNeeds> {
      await visiblePrisoner(ctx, prisonerId);
      const latest = new Map<string, Assessment>();
      for (const a of (await deps.assessmentRecords.ofPrisoner(ctx, prisonerId)).items) {
        const seen = latest.get(a.instrument.code);
        if (a.status === 'approved' && (!seen || a.approvedAt! > seen.approvedAt!)) latest.set(a.instrument.code, a);
      }
      const items: LinkableNeeds['items'] = [];
      for (const assessment of latest.values()) {
        const definition = await definitionOf(assessment);
        const common = { assessmentId: assessment.id, instrumentCode: assessment.instrument.code, instrumentNames: definition.names, approvedAt: assessment.approvedAt! };
        for (const domain of definition.domains) {
          items.push({ ...common, kind: 'domain', code: domain.code, names: domain.names, domainNames: null, levelNames: null });
          for (const item of definition.items.filter((i) => i.domain === domain.code && assessment.ratings[i.code])) {
            const { labels } = labelsOf(assessment, definition, item.code)!;
            items.push({ ...common, kind: 'item', code: item.code, names: labels.names, domainNames: labels.domain, levelNames: labels.level });
          }
        }
      }
      return { items };
    },

    /** A new plan for the prisoner; the active one, if any, is superseded and kept as it stood. */
    async create(ctx: RequestContext, prisonerId: string, body: Body<typeof CreatePlanBody>): Promise<Plan> {
      const prisoner = await visiblePrisoner(ctx, prisonerId);
      refuse(firstReviewFaults(await days.today(prisoner.facility_id), body.nextReviewOn));
      return runWrite(db, ctx, async (w) => {
        await visiblePrisoner(ctx, prisonerId, w.trx);
        const existing = await repo.lockPlansOf(prisonerId, w.trx);
        const active = existing.find((p) => p.status === 'active');
        if (active) {
          await w.update({
            lock: (trx) => repo.lockPlan(active.id, trx),
            expectedVersion: null,
            apply: (trx, row) => repo.updatePlan(trx, row.id, row.version, { status: 'superseded', superseded_at: deps.clock.now() }),
            present: presentPlanSummary,
            audit: (row) => onPlan(row, prisoner.facility_id, 'plan.superseded'),
          });
        }
        const plan = await w.create({
          insert: (trx) => repo.insertPlan(trx, { prisoner_id: prisonerId, number: (existing[0]?.number ?? 0) + 1, next_review_on: body.nextReviewOn ?? null, created_by: ctx.actor.userId }),
          present: (row, trx) => whole(row, trx),
          audit: (row) => onPlan(row, prisoner.facility_id, 'plan.created'),
        });
        await w.publish({ type: 'plan.created', entityId: plan.id, facilityId: prisoner.facility_id, payload: { planId: plan.id, prisonerId } });
        return plan;
      });
    },

    /** An objective answering at least one assessed need or risk. */
    async addObjective(ctx: RequestContext, planId: string, body: Body<typeof CreateObjectiveBody>) {
      const { plan } = await visiblePlan(ctx, planId);
      refuse(objectiveFaults(body.needs));
      const needs = await resolveNeeds(ctx, plan.prisoner_id, body.needs);
      return onActivePlan(ctx, planId, (w, locked, facilityId) =>
        w.create({
          insert: (trx) => repo.insertObjective(trx, { plan_id: planId, text: body.text, target_on: body.targetOn, created_by: ctx.actor.userId }, needs),
          present: async (row, trx) => presentObjective(row, await repo.needsOf([row.id], trx), []),
          audit: () => onPlan(locked, facilityId, 'plan.objective-added'),
        }),
      );
    },

    /** Rewords or re-dates an objective, or records its outcome (open → achieved, not achieved or withdrawn). */
    async updateObjective(ctx: RequestContext, objectiveId: string, body: Body<typeof UpdateObjectiveBody>) {
      const { plan_id: planId } = await objectiveOnPlan(objectiveId);
      return onActivePlan(ctx, planId, (w, plan, facilityId) =>
        w.update({
          lock: (trx) => repo.lockObjective(objectiveId, trx),
          expectedVersion: body.version,
          check(row) {
            if (!objectiveTransitionAllowed(row.status, body.status)) throw Problem.at('plan-status-transition', 'status');
          },
          apply: (trx, row) => repo.updateObjective(trx, row.id, row.version, { text: body.text, target_on: body.targetOn, status: body.status }),
          present: async (row, trx) => presentObjective(row, await repo.needsOf([row.id], trx), await repo.interventionsOf([row.id], trx)),
          audit: () => onPlan(plan, facilityId, 'plan.objective-changed'),
        }),
      );
    },

    /** An intervention under an open objective, owned by a member of staff or an outside agency; it starts planned. */
    async addIntervention(ctx: RequestContext, objectiveId: string, body: Body<typeof CreateInterventionBody>) {
      refuse(interventionFaults(body));
      if (body.owner.kind === 'staff') {
        const owner = await users.standing(body.owner.userId);
        if (!owner?.active) throw Problem.at('plan-owner-invalid', 'owner.userId');
      }
      const { plan_id: planId } = await objectiveOnPlan(objectiveId);
      return onActivePlan(ctx, planId, async (w, plan, facilityId) => {
        const objective = await repo.lockObjective(objectiveId, w.trx);
        if (objective?.status !== 'open') throw new Problem('plan-objective-closed');
        return w.create({
          insert: (trx) =>
            repo.insertIntervention(trx, {
              objective_id: objectiveId,
              description: body.description,
              kind: body.kind,
              owner_user_id: body.owner.kind === 'staff' ? body.owner.userId : null,
              owner_agency: body.owner.kind === 'agency' ? body.owner.agency : null,
              starts_on: body.startsOn,
              ends_on: body.endsOn ?? null,
              created_by: ctx.actor.userId,
            }),
          present: presentIntervention,
          audit: () => onPlan(plan, facilityId, 'plan.intervention-added'),
        });
      });
    },

    /** Changes an intervention; a change of status (planned → active → completed, or stopped) is published. */
    async updateIntervention(ctx: RequestContext, interventionId: string, body: Body<typeof UpdateInterventionBody>) {
      refuse(interventionFaults(body));
      if (body.owner.kind === 'staff') {
        const owner = await users.standing(body.owner.userId);
        if (!owner?.active) throw Problem.at('plan-owner-invalid', 'owner.userId');
      }
      const intervention = await repo.intervention(interventionId);
      if (!intervention) throw new Problem('not-found');
      const { plan_id: planId } = await objectiveOnPlan(intervention.objective_id);
      return onActivePlan(ctx, planId, async (w, plan, facilityId) => {
        let from = intervention.status;
        const after = await w.update({
          lock: (trx) => repo.lockIntervention(interventionId, trx),
          expectedVersion: body.version,
          check(row) {
            from = row.status;
            if (!interventionTransitionAllowed(row.status, body.status)) throw Problem.at('plan-status-transition', 'status');
          },
          apply: (trx, row) =>
            repo.updateIntervention(trx, row.id, row.version, {
              description: body.description,
              kind: body.kind,
              owner_user_id: body.owner.kind === 'staff' ? body.owner.userId : null,
              owner_agency: body.owner.kind === 'agency' ? body.owner.agency : null,
              starts_on: body.startsOn,
              ends_on: body.endsOn ?? null,
              status: body.status,
            }),
          present: presentIntervention,
          audit: () => onPlan(plan, facilityId, 'plan.intervention-changed'),
        });
        if (after.status !== from) {
          await w.publish({ type: 'plan.intervention-changed', entityId: plan.id, facilityId, payload: { planId: plan.id, prisonerId: plan.prisoner_id, interventionId, status: after.status } });
        }
        return after;
      });
    },

    /** Minutes of a review meeting; its next review date becomes the plan's. */
    async recordReview(ctx: RequestContext, planId: string, body: Body<typeof RecordReviewBody>) {
      const { prisoner } = await visiblePlan(ctx, planId);
      refuse(reviewFaults(await days.today(prisoner.facility_id), body));
      return onActivePlan(ctx, planId, async (w, plan, facilityId) => {
        const { id } = await repo.insertReview(w.trx, {
          plan_id: planId,
          held_on: body.heldOn,
          participants: JSON.stringify(body.participants.map((p) => ({ name: p.name, role: p.role, agency: p.agency ?? null }))),
          outcome: body.outcome,
          next_review_on: body.nextReviewOn,
          prisoner_comments: body.prisonerComments ?? null,
          recorded_by: ctx.actor.userId,
        });
        await w.update({
          lock: (trx) => repo.lockPlan(planId, trx),
          expectedVersion: null,
          apply: (trx, row) => repo.updatePlan(trx, row.id, row.version, { next_review_on: body.nextReviewOn }),
          present: presentPlanSummary,
          audit: () => onPlan(plan, facilityId, 'plan.reviewed'),
        });
        await w.publish({ type: 'plan.reviewed', entityId: planId, facilityId, payload: { planId, prisonerId: plan.prisoner_id, reviewId: id } });
        return presentReview((await repo.reviewsOf(planId, w.trx)).find((r) => r.id === id)!);
      });
    },

    /** A progress note, or the prisoner's own comment on the plan written down by staff. */
    addNote(ctx: RequestContext, planId: string, body: Body<typeof AddPlanNoteBody>) {
      return onActivePlan(ctx, planId, async (w, plan, facilityId) => {
        const { id } = await repo.insertNote(w.trx, { plan_id: planId, kind: body.kind, text: body.text, recorded_by: ctx.actor.userId });
        const note = presentNote((await repo.notesOf(planId, w.trx)).find((n) => n.id === id)!);
        await w.audit({ ...onPlan(plan, facilityId, 'plan.note-added'), after: note });
        return note;
      });
    },

    /** Active plans whose review is due and not held (unreviewedAt). */
    async unreviewed(ctx: RequestContext, facilityId: string): Promise<UnreviewedPlans> {
      const { asOf, items } = await unreviewedAt(ctx, facilityId);
      return { asOf, items };
    },

    /** How many plans are active in the facility and how many of them wait for a review: numbers for dashboards. */
    async reviewCounts(ctx: RequestContext, facilityId: string): Promise<{ active: number; withoutReview: number }> {
      const { items, active } = await unreviewedAt(ctx, facilityId);
      return { active, withoutReview: items.length };
    },
  };
}
export type PlansService = ReturnType<typeof plansService>;
