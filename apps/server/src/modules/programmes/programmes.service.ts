import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { CalendarDate, CreateProgrammeBody, EligibilityRule, EndEnrolmentBody, EnrolBody, Enrolment, UpdateProgrammeBody } from '@vigil/contracts';
import { systemContext, type RequestContext } from '../../platform/access/actor.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { publish } from '../../platform/events/outbox.ts';
import type { DB } from '../../platform/db/schema.ts';
import { createRecord, runWrite, updateVersioned, type Write } from '../../platform/db/write.ts';
import { Problem } from '../../platform/errors.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { ageOn } from '../../platform/time/calendar.ts';
import { facilityDays } from '../../platform/time/facility-day.ts';
import { alertQueries } from '../alerts/index.ts';
import { facilityQueries } from '../facilities/index.ts';
import { prisonerQueries, type PrisonerRow } from '../prisoners/index.ts';
import { presentEnrolment, presentProgramme } from './programmes.presenter.ts';
import { programmesRepository, type EnrolmentRow, type ProgrammeRow } from './programmes.repository.ts';
import { alertInForceOn, canTake, eligibility, isFull, ruleProblem, type EnrolmentStep } from './programmes.rules.ts';

type CreateBody = z.output<typeof CreateProgrammeBody>;
type UpdateBody = z.output<typeof UpdateProgrammeBody>;
type EnrolInput = z.output<typeof EnrolBody>;
type EndBody = z.output<typeof EndEnrolmentBody>;

/** The programme's columns from a create or edit form. */
const columns = (body: Omit<CreateBody, 'facilityId'>) => ({
  kind: body.kind,
  name: body.name,
  name_ru: body.nameRu ?? null,
  name_tg: body.nameTg ?? null,
  capacity: body.capacity,
  hours_per_week: body.hoursPerWeek ?? null,
  sessions: JSON.stringify(body.sessions),
  eligibility: JSON.stringify(body.eligibility),
});

/** The catalogue, the waiting lists and the enrolments of a facility's programmes. */
export function programmesService(deps: { db: Kysely<DB>; clock: Clock }) {
  const { db } = deps;
  const repo = programmesRepository(db);
  const prisoners = prisonerQueries(db);
  const alerts = alertQueries(db);
  const facilities = facilityQueries(db);
  const days = facilityDays(deps);

  async function visible(ctx: RequestContext, id: string) {
    const row = await repo.one(ctx.actor, id);
    if (!row) throw new Problem('not-found');
    return row;
  }

  /**
   * Refuses a prisoner the programme may not take: held elsewhere, released, or failing an
   * eligibility rule (the first failed rule names the problem; every failed rule is in errors[]).
   */
  async function checkEligible(ctx: RequestContext, programme: ProgrammeRow, prisoner: PrisonerRow, today: CalendarDate, trx: Transaction<DB>) {
    if (prisoner.state === 'released') throw Problem.at('programme-prisoner-released', 'prisonerId');
    if (prisoner.facility_id !== programme.facility_id) throw Problem.at('programme-other-facility', 'prisonerId');
    const rules = programme.eligibility as EligibilityRule[];
    const codes = rules.flatMap((r) => (r.kind === 'no-alert' ? [r.code] : []));
    const inForce = (await alerts.ofPrisoner(ctx.actor, prisoner.id, codes, trx)).filter((a) => alertInForceOn(a, today));
    const failed = eligibility(rules, {
      sex: prisoner.sex,
      legalStatus: prisoner.legal_status,
      securityCategory: prisoner.security_category,
      age: ageOn(prisoner.date_of_birth, today),
      alertCodes: inForce.map((a) => a.code),
    });
    if (failed.length) throw new Problem(ruleProblem(failed[0]!.rule), undefined, failed.map((f) => ({ path: `eligibility.${f.index}`, message: ruleProblem(f.rule) })));
  }

  const enrolled = (w: Write, row: EnrolmentRow, facilityId: string) =>
    w.publish({ type: 'programme.enrolled', entityId: row.id, facilityId, payload: { enrolmentId: row.id, prisonerId: row.prisoner_id, programmeId: row.programme_id } });

  /**
   * A step of an enrolment (admit, complete, withdraw) through the one write path: the programme
   * locked within the actor's facilities (so capacity checks queue), then the enrolment and its version.
   */
  function step(ctx: RequestContext, id: string, version: number, change: { name: EnrolmentStep; action: string; check?(row: EnrolmentRow, programme: ProgrammeRow, today: CalendarDate, trx: Transaction<DB>): Promise<void> | void; apply(row: EnrolmentRow, today: CalendarDate): Parameters<typeof repo.updateEnrolment>[3] }) {
    return runWrite(db, ctx, async (w) => {
      const first = await repo.enrolment(id, w.trx);
      const programme = first && (await repo.lock(ctx.actor, first.programme_id, w.trx));
      if (!programme) throw new Problem('not-found');
      const today = await days.today(programme.facility_id, w.trx);
      const after = await w.update<EnrolmentRow, Enrolment>({
        lock: (trx) => repo.lockEnrolment(id, trx),
        expectedVersion: version,
        async check(row, trx) {
          if (!canTake(change.name, row.status)) throw new Problem('programme-enrolment-wrong-status');
          await change.check?.(row, programme, today, trx);
        },
        apply: (trx, row) => repo.updateEnrolment(trx, id, row.version, change.apply(row, today)),
        present: presentEnrolment,
        audit: () => ({ action: change.action, entityType: 'programme-enrolment', entityId: id, facilityId: programme.facility_id }),
      });
      const payload = { enrolmentId: id, prisonerId: after.prisoner.id, programmeId: after.programmeId };
      if (after.status === 'enrolled') await w.publish({ type: 'programme.enrolled', entityId: id, facilityId: programme.facility_id, payload });
      // Only a place that was taken ends; leaving the waiting list is not an enrolment ending.
      if ((after.status === 'completed' || after.status === 'withdrawn') && after.enrolledOn) await w.publish({ type: 'programme.ended', entityId: id, facilityId: programme.facility_id, payload: { ...payload, outcome: after.status } });
      return after;
    });
  }

  return {
    /**
     * A prisoner who leaves (released, or transferred away) gives up their places where they were
     * held: each open place is withdrawn with the cause, audited, and a taken one publishes
     * `programme.ended`, so the registers list only those still there. Inside the event's delivery.
     */
    async endOnLeaving(trx: Transaction<DB>, prisonerId: string, cause: 'released' | 'transferred', fromFacilityId: string | null) {
      const ctx = systemContext('programmes');
      const open = (await repo.openOfPrisoner(prisonerId, trx)).filter((e) => fromFacilityId === null || e.facility_id === fromFacilityId);
      for (const e of open) {
        const before = (await repo.enrolment(e.id, trx))!;
        const changed = (await repo.updateEnrolment(trx, e.id, before.version, { status: 'withdrawn', ended_on: await days.today(e.facility_id, trx), end_cause: cause }))!;
        const after = presentEnrolment(changed);
        await appendAudit(trx, ctx, { action: 'programme-enrolment.withdrawn', entityType: 'programme-enrolment', entityId: e.id, facilityId: e.facility_id, before: presentEnrolment(before), after });
        if (after.enrolledOn) await publish(trx, { type: 'programme.ended', entityId: e.id, facilityId: e.facility_id, payload: { enrolmentId: e.id, prisonerId, programmeId: e.programme_id, outcome: 'withdrawn' } });
      }
    },

    async list(ctx: RequestContext, facilityId: string) {
      return { items: (await repo.list(ctx.actor, facilityId)).map(presentProgramme) };
    },

    one: async (ctx: RequestContext, id: string) => presentProgramme(await visible(ctx, id)),

    async create(ctx: RequestContext, body: CreateBody) {
      if (!(await facilities.find(ctx.actor, body.facilityId))) throw Problem.at('not-found', 'facilityId');
      if (await repo.nameTaken(body.facilityId, body.name, null)) throw Problem.at('programme-duplicate-name', 'name');
      return createRecord(db, ctx, {
        insert: (trx) => repo.insert(trx, { ...columns(body), facility_id: body.facilityId, created_by: ctx.actor.username }),
        present: presentProgramme,
        audit: (row) => ({ action: 'programme.created', entityType: 'programme', entityId: row.id, facilityId: row.facility_id }),
      });
    },

    update(ctx: RequestContext, id: string, body: UpdateBody) {
      return updateVersioned(db, ctx, {
        lock: (trx) => repo.lock(ctx.actor, id, trx),
        expectedVersion: body.version,
        async check(row, trx) {
          if (body.capacity < Number(row.enrolled_count ?? 0)) throw Problem.at('programme-capacity-below-enrolled', 'capacity');
          if (await repo.nameTaken(row.facility_id, body.name, id, trx)) throw Problem.at('programme-duplicate-name', 'name');
        },
        apply: (trx, row) => repo.update(trx, id, row.version, { ...columns(body), active: body.active }),
        present: presentProgramme,
        audit: (row) => ({ action: 'programme.updated', entityType: 'programme', entityId: id, facilityId: row.facility_id }),
      });
    },

    /** Everyone on the programme: enrolled first, then the waiting list in its order, then those who left. */
    async enrolments(ctx: RequestContext, id: string) {
      await visible(ctx, id);
      return { items: (await repo.enrolments(id)).map(presentEnrolment) };
    },

    /**
     * Enrols a prisoner, or puts them on the waiting list when the caseworker chose it. A full
     * programme refuses a direct enrolment (`programme-full`): nothing is written, and the screen
     * offers the waiting list instead. Eligibility is checked either way.
     */
    enrol(ctx: RequestContext, programmeId: string, body: EnrolInput) {
      return runWrite(db, ctx, async (w) => {
        const programme = await repo.lock(ctx.actor, programmeId, w.trx);
        if (!programme) throw new Problem('not-found');
        if (!programme.active) throw new Problem('programme-inactive');
        const prisoner = await prisoners.find(ctx.actor, body.prisonerId, w.trx);
        if (!prisoner) throw Problem.at('not-found', 'prisonerId');
        if (await repo.openEnrolment(programmeId, prisoner.id, w.trx)) throw Problem.at('programme-already-enrolled', 'prisonerId');
        const today = await days.today(programme.facility_id, w.trx);
        await checkEligible(ctx, programme, prisoner, today, w.trx);
        if (!body.waitingList && isFull(Number(programme.enrolled_count ?? 0), programme.capacity)) throw new Problem('programme-full');
        const status = body.waitingList ? 'waiting' : 'enrolled';
        let row: EnrolmentRow | undefined;
        const view = await w.create({
          insert: async (trx) =>
            (row = await repo.insertEnrolment(trx, {
              programme_id: programmeId,
              prisoner_id: prisoner.id,
              status,
              queued_at: deps.clock.now(),
              enrolled_on: status === 'enrolled' ? today : null,
              hours_per_week: body.hoursPerWeek ?? programme.hours_per_week,
              created_by: ctx.actor.username,
            })),
          present: presentEnrolment,
          audit: (r) => ({ action: status === 'enrolled' ? 'programme-enrolment.enrolled' : 'programme-enrolment.waitlisted', entityType: 'programme-enrolment', entityId: r.id, facilityId: programme.facility_id }),
        });
        if (status === 'enrolled') await enrolled(w, row!, programme.facility_id);
        return view;
      });
    },

    /** Gives a waiting prisoner a place: there must be one free, and they must still be eligible. */
    admit: (ctx: RequestContext, id: string, version: number) =>
      step(ctx, id, version, {
        name: 'admit',
        action: 'programme-enrolment.admitted',
        async check(row, programme, today, trx) {
          if (!programme.active) throw new Problem('programme-inactive');
          if (isFull(Number(programme.enrolled_count ?? 0), programme.capacity)) throw new Problem('programme-full');
          const prisoner = await prisoners.find(ctx.actor, row.prisoner_id, trx);
          if (!prisoner) throw new Problem('not-found');
          await checkEligible(ctx, programme, prisoner, today, trx);
        },
        apply: (_row, today) => ({ status: 'enrolled', enrolled_on: today }),
      }),

    /** Completion, or withdrawal with its reason; the place it frees is offered to the first waiting. */
    end: (ctx: RequestContext, id: string, body: EndBody) =>
      step(ctx, id, body.version, {
        name: body.outcome === 'completed' ? 'complete' : 'withdraw',
        action: body.outcome === 'completed' ? 'programme-enrolment.completed' : 'programme-enrolment.withdrawn',
        apply: (_row, today) => ({ status: body.outcome, ended_on: today, end_reason: body.reason ?? null }),
      }),
  };
}
export type ProgrammesService = ReturnType<typeof programmesService>;
