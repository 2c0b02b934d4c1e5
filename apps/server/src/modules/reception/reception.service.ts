import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { formatPrisonNumber, type CompleteIntakeBody, type CreateIntakeBody, type IntakeData, type IntakeStatus, type PrisonerFile } from '@vigil/contracts';
import type { DB } from '../../platform/db/schema.ts';
import type { RequestContext } from '../../platform/access/actor.ts';
import { appendAudit, auditRead } from '../../platform/audit/audit.ts';
import { Problem } from '../../platform/errors.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { facilityDays } from '../../platform/time/facility-day.ts';
import type { PrisonersService } from '../prisoners/prisoners.service.ts';
import { searchPrisonerIds } from '../prisoners/name-search.ts';
import { facilityQueries, type FacilityRow } from '../facilities/index.ts';
import { prisonerQueries } from '../prisoners/index.ts';
import { receptionRepository, type IntakeRow } from './reception.repository.ts';
import { presentIntake, presentMatch } from './reception.presenter.ts';
import { birthInFuture, fileFromIntake, intakeMissing, matchReasons, undecidedMatches, type DuplicateDecision } from './reception.rules.ts';
import { runWrite } from '../../platform/db/write.ts';

type CreateIntake = z.infer<typeof CreateIntakeBody>;
type CompleteIntake = z.infer<typeof CompleteIntakeBody>;
const OPEN = new Set(['expected', 'in-progress']);
const MAX_MATCHES = 10;

/** The first missing item decides the problem code: the commitment order has its own (Rule 7). */
function incompleteProblem(missing: { path: string; code: string }[]) {
  const order = missing.find((m) => m.path === 'commitmentOrder');
  const code = order ? (order.code as 'commitment-order-required' | 'commitment-order-expired') : 'intake-incomplete';
  return new Problem(code, undefined, missing.map((m) => ({ path: m.path, message: m.code })));
}

export function receptionService(deps: { db: Kysely<DB>; clock: Clock; prisoners: PrisonersService }) {
  const { db, prisoners } = deps;
  const days = facilityDays(deps);
  const repo = receptionRepository(db);
  const facilities = facilityQueries(db);
  const prisonerFiles = prisonerQueries(db);

  /**
   * Earlier files in ANY facility whose names match in any script and whose date of birth or an
   * identity document matches too, strongest first.
   */
  async function findMatches(intake: IntakeRow) {
    const identity = ((intake.data ?? {}) as IntakeData).identity ?? {};
    const documentNumbers = (identity.documents ?? []).map((d) => d.number);
    const queries = [
      [identity.familyName, identity.givenName, identity.patronymic].filter(Boolean).join(' '),
      [identity.familyNameLatin, identity.givenNameLatin].filter(Boolean).join(' '),
      ...(identity.aliases ?? []),
      ...documentNumbers,
    ].filter((q) => q.trim().length > 0);
    const scores = new Map<string, number>();
    const found = await Promise.all([...new Set(queries)].map((query) => searchPrisonerIds(db, { query, facilityIds: 'all', limit: 50, includeReleased: true })));
    for (const hit of found.flat()) scores.set(hit.prisonerId, Math.max(scores.get(hit.prisonerId) ?? 0, hit.score));
    const candidates = await prisonerFiles.findManyAnywhere([...scores.keys()]);
    return candidates
      .map((row) => {
        const file = row.file as PrisonerFile;
        const reasons = matchReasons({ dateOfBirth: row.date_of_birth, documentNumbers: file.identity.documents.map((d) => d.number) }, { dateOfBirth: identity.dateOfBirth, documentNumbers });
        return presentMatch(row, { score: scores.get(row.id)!, reasons: reasons.length ? ['similar-name', ...reasons] : [] }, intake.facility_id);
      })
      .filter((m) => m.reasons.length > 0)
      .sort((a, b) => b.reasons.length - a.reasons.length || b.score - a.score)
      .slice(0, MAX_MATCHES);
  }

  /**
   * A new file's number: the next of the facility's yearly sequence, skipping any number already
   * held (typed by hand or imported), so no number is ever given twice.
   */
  async function takePrisonNumber(trx: Transaction<DB>, facility: FacilityRow) {
    // The facility's year: a number taken on 1 January in Dushanbe is of the new year there.
    const year = Number(days.todayIn(facility.time_zone).slice(0, 4));
    for (;;) {
      const seq = await repo.takeSequence(trx, facility.id, year);
      const number = formatPrisonNumber(facility.prison_number_pattern, { facility: facility.code, year, seq });
      if (!(await prisonerFiles.numberTaken(number, trx))) return number;
    }
  }

  return {
    async list(ctx: RequestContext, facilityId: string, status?: IntakeStatus) {
      if (!(await facilities.find(ctx.actor, facilityId))) throw new Problem('not-found');
      const today = await days.today(facilityId);
      return { items: (await repo.list(ctx.actor, facilityId, status)).map((r) => presentIntake(r, today)) };
    },

    async get(ctx: RequestContext, id: string) {
      const row = await repo.find(ctx.actor, id);
      if (!row) throw new Problem('not-found');
      return presentIntake(row, await days.today(row.facility_id));
    },

    /** An expected arrival: what the escort or the court told reception is coming. */
    async create(ctx: RequestContext, facilityId: string, body: CreateIntake) {
      const facility = await facilities.find(ctx.actor, facilityId);
      if (!facility) throw new Problem('not-found');
      // As on the file itself and in the import: nobody is born after today.
      if (birthInFuture(body.dateOfBirth, days.todayIn(facility.time_zone))) throw Problem.at('birth-in-future', 'dateOfBirth');
      const data: IntakeData = { identity: { familyName: body.familyName, givenName: body.givenName, ...(body.dateOfBirth ? { dateOfBirth: body.dateOfBirth } : {}) } };
      return runWrite(db, ctx, async ({ trx }) => {
        const row = await repo.insert(trx, {
          facility_id: facilityId,
          status: 'expected',
          expected_on: body.expectedOn,
          arriving_from: body.arrivingFrom ?? null,
          data: JSON.stringify(data),
          created_by: ctx.actor.userId,
        });
        const after = presentIntake(row, await days.today(facilityId, trx));
        await appendAudit(trx, ctx, { action: 'intake.created', entityType: 'intake', entityId: row.id, facilityId, after });
        return after;
      });
    },

    /** Saves a step (save and resume): the whole draft is replaced by what the wizard sends. */
    async save(ctx: RequestContext, id: string, body: { data: IntakeData; version: number }) {
      return runWrite(db, ctx, async ({ trx }) => {
        const current = await repo.findForUpdate(ctx.actor, id, trx);
        if (!current) throw new Problem('not-found');
        if (!OPEN.has(current.status)) throw new Problem('intake-closed');
        if (current.version !== body.version) throw new Problem('edit-conflict');
        const row = await repo.update(trx, id, body.version, { data: JSON.stringify(body.data), status: 'in-progress' });
        if (!row) throw new Problem('edit-conflict');
        const today = await days.today(row.facility_id, trx);
        const after = presentIntake(row, today);
        await appendAudit(trx, ctx, { action: 'intake.saved', entityType: 'intake', entityId: id, facilityId: row.facility_id, before: presentIntake(current, today), after });
        return after;
      });
    },

    /**
     * "This person may already be known": earlier files in ANY facility whose names match in any
     * script and whose date of birth or an identity document matches too. Reception sees only a
     * summary (of a file held elsewhere, not even its cell, category or legal status: see
     * presentMatch), and the look-up is audited, since it reaches beyond the officer's own facility.
     */
    async matches(ctx: RequestContext, id: string) {
      const intake = await repo.find(ctx.actor, id);
      if (!intake) throw new Problem('not-found');
      const items = await findMatches(intake);
      await auditRead(db, ctx, { action: 'intake.matches-checked', entityType: 'intake', entityId: id, facilityId: intake.facility_id, after: { matches: items.map((m) => m.id) } });
      return { items };
    },

    /**
     * "None of these": reception says the person is not one of the likely duplicates, and why. The
     * server works out which candidates were shown (the browser cannot shorten the list) and keeps
     * them with the reason; completion refuses a new file until every current candidate is covered.
     */
    async dismissMatches(ctx: RequestContext, id: string, body: { reason: string; version: number }) {
      const shown = await repo.find(ctx.actor, id);
      if (!shown) throw new Problem('not-found');
      const candidates = (await findMatches(shown)).map((m) => m.id);
      return runWrite(db, ctx, async ({ trx }) => {
        const current = await repo.findForUpdate(ctx.actor, id, trx);
        if (!current) throw new Problem('not-found');
        if (!OPEN.has(current.status)) throw new Problem('intake-closed');
        // The version also proves the identity the candidates were found for has not changed.
        if (current.version !== body.version || shown.version !== body.version) throw new Problem('edit-conflict');
        const decision = { candidates, reason: body.reason, decidedBy: ctx.actor.username, decidedAt: new Date().toISOString() };
        const row = await repo.update(trx, id, body.version, { duplicate_decision: JSON.stringify(decision) });
        if (!row) throw new Problem('edit-conflict');
        const today = await days.today(row.facility_id, trx);
        const after = presentIntake(row, today);
        await appendAudit(trx, ctx, { action: 'intake.duplicates-dismissed', entityType: 'intake', entityId: id, facilityId: row.facility_id, before: presentIntake(current, today), after: { candidates, reason: body.reason } });
        return after;
      });
    },

    /** The number a new file would be given now (taken for real only at completion). */
    async proposedPrisonNumber(ctx: RequestContext, id: string) {
      const intake = await repo.find(ctx.actor, id);
      if (!intake) throw new Problem('not-found');
      const facility = await facilities.find(ctx.actor, intake.facility_id);
      if (!facility) throw new Problem('not-found');
      const year = Number(days.todayIn(facility.time_zone).slice(0, 4));
      const seq = await repo.peekSequence(facility.id, year);
      return { prisonNumber: formatPrisonNumber(facility.prison_number_pattern, { facility: facility.code, year, seq }), pattern: facility.prison_number_pattern, editable: facility.prison_number_editable };
    },

    /**
     * Completes reception: refused while anything is missing, above all a valid commitment order
     * (Mandela Rule 7). Opens the file (or re-admits the earlier one), records the property and
     * closes the intake, all in one transaction.
     */
    async complete(ctx: RequestContext, id: string, body: CompleteIntake) {
      const newFile = !body.existingPrisonerId;
      // Found before the transaction (the search reads through its own connection); the version
      // check below proves the identity they were found for is the one being completed.
      const before = await repo.find(ctx.actor, id);
      if (!before) throw new Problem('not-found');
      const candidates = newFile ? (await findMatches(before)).map((m) => m.id) : [];
      return runWrite(db, ctx, async ({ trx }) => {
        const intake = await repo.findForUpdate(ctx.actor, id, trx);
        if (!intake) throw new Problem('not-found');
        if (!OPEN.has(intake.status)) throw new Problem('intake-closed');
        if (intake.version !== body.version || before.version !== body.version) throw new Problem('edit-conflict');
        const data = (intake.data ?? {}) as IntakeData;
        const today = await days.today(intake.facility_id, trx);
        const missing = intakeMissing(data, today);
        if (missing.length) throw incompleteProblem(missing);
        if (newFile && undecidedMatches(candidates, intake.duplicate_decision as DuplicateDecision | null).length > 0) throw new Problem('duplicates-not-decided');

        const file = fileFromIntake(data);
        const admission = { facilityId: intake.facility_id, file, admittedAt: new Date(), reason: 'reception' };
        let prisoner;
        if (body.existingPrisonerId) {
          prisoner = await prisoners.readmit(trx, ctx, body.existingPrisonerId, admission);
        } else {
          const facility = await facilities.find(ctx.actor, intake.facility_id, trx);
          if (!facility) throw new Problem('not-found');
          const typed = body.prisonNumber;
          if (typed !== undefined) {
            if (!facility.prison_number_editable) throw Problem.at('prison-number-not-editable', 'prisonNumber');
            if (!body.prisonNumberReason) throw Problem.at('prison-number-reason-required', 'prisonNumberReason');
          }
          prisoner = await prisoners.admit(trx, ctx, { ...admission, prisonNumber: typed ?? (await takePrisonNumber(trx, facility)) });
          if (typed !== undefined) {
            await appendAudit(trx, ctx, { action: 'intake.prison-number-overridden', entityType: 'intake', entityId: id, facilityId: intake.facility_id, after: { prisonNumber: typed, reason: body.prisonNumberReason, pattern: facility.prison_number_pattern } });
          }
        }
        await repo.insertProperty(
          trx,
          (data.property ?? []).map((p) => ({ prisoner_id: prisoner.id, description: p.description, quantity: p.quantity, storage: p.storage, seal_number: p.sealNumber ?? null, received_by: ctx.actor.username })),
        );
        const row = await repo.update(trx, id, body.version, { status: 'completed', prisoner_id: prisoner.id, linked_existing: body.existingPrisonerId !== null });
        if (!row) throw new Problem('edit-conflict');
        const after = presentIntake(row, today);
        await appendAudit(trx, ctx, { action: 'intake.completed', entityType: 'intake', entityId: id, facilityId: intake.facility_id, before: presentIntake(intake, today), after });
        return { intake: after, prisoner };
      });
    },

    async cancel(ctx: RequestContext, id: string, body: { reason: string; version: number }) {
      return runWrite(db, ctx, async ({ trx }) => {
        const intake = await repo.findForUpdate(ctx.actor, id, trx);
        if (!intake) throw new Problem('not-found');
        if (!OPEN.has(intake.status)) throw new Problem('intake-closed');
        if (intake.version !== body.version) throw new Problem('edit-conflict');
        const row = await repo.update(trx, id, body.version, { status: 'cancelled', cancel_reason: body.reason });
        if (!row) throw new Problem('edit-conflict');
        const today = await days.today(intake.facility_id, trx);
        const after = presentIntake(row, today);
        await appendAudit(trx, ctx, { action: 'intake.cancelled', entityType: 'intake', entityId: id, facilityId: intake.facility_id, before: presentIntake(intake, today), after });
        return after;
      });
    },
  };
}
export type ReceptionService = ReturnType<typeof receptionService>;
