import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { permissionsOf, type Assessment, type AssessmentComparison, type CreateAssessmentBody, type ReturnAssessmentBody, type Role, type SaveAssessmentBody, type Sex } from '@vigil/contracts';
import type { RequestContext } from '../../platform/access/actor.ts';
import { auditRead } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema.ts';
import { createRecord, runWrite } from '../../platform/db/write.ts';
import { Problem } from '../../platform/errors.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { localDay } from '../../platform/time/calendar.ts';
import { facilityDays } from '../../platform/time/facility-day.ts';
import { prisonerQueries } from '../prisoners/index.ts';
import { userQueries } from '../users/index.ts';
import { definitionOf, presentAssessment, storedRatings } from './assessment-records.presenter.ts';
import { assessmentRecordsRepository, type AssessmentRow } from './assessment-records.repository.ts';
import { draftFaults, nextReviewOn, ownApproval, submitFaults, type Fault } from './assessments.rules.ts';
import { instrumentsCatalogue } from './instruments.catalogue.ts';
import { reassessmentRepository } from './reassessment.repository.ts';

type SaveBody = z.output<typeof SaveAssessmentBody>;
type CreateBody = z.output<typeof CreateAssessmentBody>;
type ReturnBody = z.output<typeof ReturnAssessmentBody>;
/** A locked assessment with what its rules need of its prisoner, read within the reader's scope. */
type Locked = AssessmentRow & { sex: Sex; facilityId: string };
type Changes = Parameters<ReturnType<typeof assessmentRecordsRepository>['update']>[3];

/** Refuses with every fault at its path; the first fault names the problem. */
const refuse = (faults: Fault[], code?: Fault['message']) => {
  if (faults.length) throw new Problem(code ?? faults[0]!.message, undefined, faults);
};

export function assessmentRecordsService(deps: { db: Kysely<DB>; clock: Clock }) {
  const { db } = deps;
  const repo = assessmentRecordsRepository(db);
  const prisoners = prisonerQueries(db);
  const users = userQueries(db);
  const instruments = instrumentsCatalogue(db);
  const days = facilityDays(deps);
  const triggers = reassessmentRepository(db);

  /** The assessment with its prisoner, when the reader may see that prisoner; otherwise not found. */
  async function visible(ctx: RequestContext, id: string) {
    const row = await repo.one(id);
    const prisoner = row && (await prisoners.find(ctx.actor, row.prisoner_id));
    if (!row || !prisoner) throw new Problem('not-found');
    return { row, prisoner };
  }

  /**
   * A change through the one write path: the assessment locked within the reader's reach, the
   * version checked, an approved one refused (it is locked), then the step's own rules.
   */
  function change(ctx: RequestContext, id: string, version: number, action: string, step: { check(row: Locked): void; apply(row: Locked, trx: Transaction<DB>): Changes | Promise<Changes> }) {
    return runWrite(db, ctx, async (w) => {
      const after = await w.update<Locked, Assessment>({
        async lock(trx) {
          const row = await repo.lock(id, trx);
          const prisoner = row && (await prisoners.find(ctx.actor, row.prisoner_id, trx));
          return row && prisoner ? { ...row, sex: prisoner.sex, facilityId: prisoner.facility_id } : undefined;
        },
        expectedVersion: version,
        check(row) {
          if (row.status === 'approved') throw new Problem('assessment-locked');
          step.check(row);
        },
        apply: async (trx, row) => {
          const changed = await repo.update(trx, id, row.version, await step.apply(row, trx));
          return changed && { ...changed, sex: row.sex, facilityId: row.facilityId };
        },
        present: presentAssessment,
        audit: (row) => ({ action, entityType: 'assessment', entityId: id, facilityId: row.facilityId }),
      });
      if (after.status === 'approved') {
        const { facility_id: facilityId } = (await prisoners.find(ctx.actor, after.prisonerId, w.trx))!;
        await w.publish({ type: 'assessment.approved', entityId: id, facilityId, payload: { assessmentId: id, prisonerId: after.prisonerId, instrumentCode: after.instrument.code, judgement: after.judgement! } });
        // A reassessment approved: whatever made the prisoner due (an incident, a category review) is answered.
        const satisfied = await triggers.satisfy(w.trx, after.prisonerId, id);
        if (satisfied.length) await w.audit({ action: 'assessment.reassessment-satisfied', entityType: 'prisoner', entityId: after.prisonerId, facilityId, after: { assessmentId: id, triggerIds: satisfied } });
      }
      return after;
    });
  }

  /** Only the assigned assessor rates, saves and submits (the judgement is theirs). */
  const byAssessor = (ctx: RequestContext, row: AssessmentRow) => {
    if (row.status !== 'draft') throw new Problem('assessment-wrong-status');
    if (row.assessor_id !== ctx.actor.userId) throw new Problem('assessment-not-assessor');
  };

  return {
    /** Opens a draft on the instrument version in force today, assigned to an assessor. */
    async create(ctx: RequestContext, prisonerId: string, body: CreateBody) {
      const prisoner = await prisoners.find(ctx.actor, prisonerId);
      if (!prisoner) throw new Problem('not-found');
      // Instruments are configuration for the whole service: their versions take effect on UTC days.
      const instrument = await instruments.find(body.instrumentCode, localDay(deps.clock.now(), 'UTC'));
      if (!instrument) throw Problem.at('assessment-instrument-unknown', 'instrumentCode');
      const assessor = await users.standing(body.assessorId);
      if (!assessor?.active || !permissionsOf(assessor.roles as Role[]).includes('assessments.assess')) throw Problem.at('assessment-assessor-invalid', 'assessorId');
      return createRecord(db, ctx, {
        insert: (trx) => repo.insert(trx, { prisoner_id: prisonerId, instrument_entry_id: instrument.id, assessor_id: assessor.id, created_by: ctx.actor.userId }),
        present: presentAssessment,
        audit: (row) => ({ action: 'assessment.created', entityType: 'assessment', entityId: row.id, facilityId: prisoner.facility_id }),
      });
    },

    /** One assessment; the read is audited (assessment content is sensitive). */
    async one(ctx: RequestContext, id: string) {
      const { row, prisoner } = await visible(ctx, id);
      await auditRead(db, ctx, { action: 'assessment.viewed', entityType: 'assessment', entityId: id, facilityId: prisoner.facility_id });
      return presentAssessment(row);
    },

    /** A prisoner's assessments, newest first: the trajectory over time. One audit event per read. */
    async ofPrisoner(ctx: RequestContext, prisonerId: string) {
      const prisoner = await prisoners.find(ctx.actor, prisonerId);
      if (!prisoner) throw new Problem('not-found');
      const items = (await repo.ofPrisoner(prisonerId)).map(presentAssessment);
      await auditRead(db, ctx, { action: 'prisoner.assessments-viewed', entityType: 'prisoner', entityId: prisonerId, facilityId: prisoner.facility_id, after: { assessmentIds: items.map((a) => a.id) } });
      return { items };
    },

    /** Saves the whole draft (save and resume); ratings are checked against the pinned version. */
    save(ctx: RequestContext, id: string, body: SaveBody) {
      const content = { ratings: storedRatings({ ratings: body.ratings }), formulation: body.formulation ?? null, judgement: body.judgement ?? null };
      return change(ctx, id, body.version, 'assessment.saved', {
        check(row) {
          byAssessor(ctx, row);
          refuse(draftFaults(definitionOf(row), row.sex, content));
        },
        apply: () => ({ ratings: JSON.stringify(content.ratings), formulation: content.formulation, judgement: content.judgement }),
      });
    },

    /** Hands the draft to an approver: refused with every missing part at its path. */
    submit(ctx: RequestContext, id: string, version: number) {
      return change(ctx, id, version, 'assessment.submitted', {
        check(row) {
          byAssessor(ctx, row);
          refuse(submitFaults(definitionOf(row), row.sex, { ratings: storedRatings(row), formulation: row.formulation, judgement: row.judgement }), 'assessment-incomplete');
        },
        apply: () => ({ status: 'submitted', submitted_at: deps.clock.now() }),
      });
    },

    /** Countersigns a submitted assessment (four eyes) and sets when it is due for review. It is locked from then on. */
    approve(ctx: RequestContext, id: string, version: number) {
      return change(ctx, id, version, 'assessment.approved', {
        check(row) {
          if (row.status !== 'submitted') throw new Problem('assessment-wrong-status');
          if (ownApproval(ctx.actor.userId, { assessorId: row.assessor_id, createdBy: row.created_by })) throw new Problem('assessment-own-approval');
        },
        async apply(row, trx) {
          const today = await days.today(row.facilityId, trx);
          return { status: 'approved', approved_by: ctx.actor.userId, approved_at: deps.clock.now(), next_review_on: nextReviewOn(today, definitionOf(row).reviewIntervalMonths) };
        },
      });
    },

    /** Sends a submitted assessment back to its assessor as a draft, with the reason. */
    returnToDraft(ctx: RequestContext, id: string, body: ReturnBody) {
      return change(ctx, id, body.version, 'assessment.returned', {
        check(row) {
          if (row.status !== 'submitted') throw new Problem('assessment-wrong-status');
        },
        apply: () => ({ status: 'draft', submitted_at: null, return_reason: body.reason }),
      });
    },

    /** Two assessments of one prisoner on one instrument side by side, items matched by code across versions. */
    async compare(ctx: RequestContext, firstId: string, secondId: string): Promise<AssessmentComparison> {
      const first = await visible(ctx, firstId);
      const second = await visible(ctx, secondId);
      if (first.row.prisoner_id !== second.row.prisoner_id || first.row.instrument_code !== second.row.instrument_code) throw new Problem('assessment-compare-mismatch');
      const [a, b] = [presentAssessment(first.row), presentAssessment(second.row)];
      const newerFirst = first.row.instrument_version >= second.row.instrument_version;
      const [newer, older] = newerFirst ? [definitionOf(first.row), definitionOf(second.row)] : [definitionOf(second.row), definitionOf(first.row)];
      const items = [...newer.items, ...older.items.filter((o) => !newer.items.some((n) => n.code === o.code))];
      await auditRead(db, ctx, { action: 'assessment.compared', entityType: 'prisoner', entityId: first.row.prisoner_id, facilityId: first.prisoner.facility_id, after: { assessmentIds: [firstId, secondId] } });
      return { first: a, second: b, items: items.map((i) => ({ code: i.code, names: i.names, first: a.ratings[i.code] ?? null, second: b.ratings[i.code] ?? null })) };
    },
  };
}
export type AssessmentRecordsService = ReturnType<typeof assessmentRecordsService>;
