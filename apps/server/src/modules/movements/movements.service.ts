import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { ABSENCE_KINDS, type AbsenceKind, type StartAbsenceBody, type StartTransferBody } from '@vigil/contracts';
import type { DB } from '../../platform/db/schema.ts';
import { mayAccessFacility, type RequestContext } from '../../platform/access/actor.ts';
import { appendAudit, auditRead } from '../../platform/audit/audit.ts';
import { runWrite } from '../../platform/db/write.ts';
import { publish } from '../../platform/events/outbox.ts';
import { Problem } from '../../platform/errors.ts';
import { endPlacement, movePlacement, prisonerCustody, prisonerQueries, type PrisonerRow } from '../prisoners/index.ts';
import { facilityQueries } from '../facilities/index.ts';
import { movementsRepository } from './movements.repository.ts';
import { presentMovement, presentTransferIn } from './movements.presenter.ts';

type StartAbsence = z.output<typeof StartAbsenceBody>;
type StartTransfer = z.output<typeof StartTransferBody>;

/**
 * Temporary absences and transfers between facilities. Every change of where a prisoner is goes
 * through placements.repository (location history), under the prisoner's row lock, with its audit
 * event in the same transaction.
 */
export function movementsService(deps: { db: Kysely<DB> }) {
  const { db } = deps;
  const repo = movementsRepository(db);
  const prisoners = prisonerQueries(db);
  const custody = prisonerCustody(db);
  const facilities = facilityQueries(db);

  async function lockPrisoner(ctx: RequestContext, id: string, trx: Transaction<DB>): Promise<PrisonerRow> {
    const row = await prisoners.findForUpdate(ctx.actor, id, trx);
    if (!row) throw new Problem('not-found');
    return row;
  }

  /** The prisoner's state moves on with their row version, so an open form sees the change. */
  async function setState(trx: Transaction<DB>, p: Pick<PrisonerRow, 'id' | 'version'>, state: PrisonerRow['state']) {
    if (!(await custody.setState(trx, p.id, p.version, { state }))) throw new Problem('edit-conflict');
  }

  const presentLocked = async (trx: Transaction<DB>, id: string) => presentMovement(await repo.lock(trx, id));

  /** A transfer concerns two facilities: each one's audit trail gets the event. */
  async function auditBothSides(trx: Transaction<DB>, ctx: RequestContext, action: string, prisonerId: string, facilityIds: [string, string | null], before: unknown, after: unknown) {
    for (const facilityId of new Set(facilityIds.filter((f): f is string => f !== null))) {
      await appendAudit(trx, ctx, { action, entityType: 'prisoner', entityId: prisonerId, facilityId, before, after });
    }
  }

  return {
    /** Where someone went and why is as sensitive as their file: the read is audited once. */
    async list(ctx: RequestContext, prisonerId: string) {
      const prisoner = await prisoners.find(ctx.actor, prisonerId);
      if (!prisoner) throw new Problem('not-found');
      const items = (await repo.forPrisoner(prisonerId)).map(presentMovement);
      await auditRead(db, ctx, { action: 'prisoner.movements-viewed', entityType: 'prisoner', entityId: prisonerId, facilityId: prisoner.facility_id });
      return { items };
    },

    /** Out to court, hospital or elsewhere: still on their cell's roll, counted as out. */
    async startAbsence(ctx: RequestContext, prisonerId: string, body: StartAbsence) {
      return runWrite(db, ctx, async ({ trx, audit }) => {
        const p = await lockPrisoner(ctx, prisonerId, trx);
        if (p.state !== 'in-custody') throw new Problem('movement-not-in-custody');
        const { id } = await repo.insert(trx, {
          prisoner_id: p.id,
          kind: body.kind,
          from_facility_id: p.facility_id,
          destination: body.destination,
          reason: body.reason,
          escort: body.escort ?? null,
          out_at: new Date(),
          recorded_by: ctx.actor.username,
        });
        await setState(trx, p, 'temporarily-absent');
        const after = await presentLocked(trx, id);
        await audit({ action: 'prisoner.absence-started', entityType: 'prisoner', entityId: p.id, facilityId: p.facility_id, before: { state: p.state }, after: { state: 'temporarily-absent', movement: after } });
        return after;
      });
    },

    async endAbsence(ctx: RequestContext, movementId: string) {
      const found = await repo.find(ctx.actor, movementId);
      if (!found || !ABSENCE_KINDS.includes(found.kind as AbsenceKind)) throw new Problem('not-found');
      return runWrite(db, ctx, async ({ trx, audit }) => {
        const p = await lockPrisoner(ctx, found.prisoner_id, trx);
        const m = await repo.lock(trx, movementId);
        if (m.in_at !== null) throw new Problem('movement-closed');
        const before = presentMovement(m);
        await repo.close(trx, m.id, new Date(), ctx.actor.username);
        await setState(trx, p, 'in-custody');
        const after = await presentLocked(trx, m.id);
        await audit({ action: 'prisoner.absence-ended', entityType: 'prisoner', entityId: p.id, facilityId: p.facility_id, before: { state: p.state, movement: before }, after: { state: 'in-custody', movement: after } });
        return after;
      });
    },

    /**
     * Sends a prisoner to another facility. The file stays with the sender until the receiving
     * facility signs for them; meanwhile they are in transit and on nobody's cell roll.
     */
    async startTransfer(ctx: RequestContext, prisonerId: string, body: StartTransfer) {
      return runWrite(db, ctx, async ({ trx }) => {
        const p = await lockPrisoner(ctx, prisonerId, trx);
        if (p.state !== 'in-custody') throw new Problem('movement-not-in-custody');
        // The sender need not be assigned to the destination; it must exist, be open and be elsewhere.
        const destination = await repo.facility(body.toFacilityId, trx);
        if (!destination?.active || destination.id === p.facility_id) throw Problem.at('transfer-destination', 'toFacilityId');
        const { id } = await repo.insert(trx, {
          prisoner_id: p.id,
          kind: 'transfer',
          from_facility_id: p.facility_id,
          to_facility_id: destination.id,
          reason: body.reason,
          escort: body.escort,
          out_at: new Date(),
          recorded_by: ctx.actor.username,
        });
        await endPlacement(trx, p.id);
        await setState(trx, p, 'in-transit');
        const after = await presentLocked(trx, id);
        await auditBothSides(trx, ctx, 'prisoner.transfer-sent', p.id, [p.facility_id, destination.id], { state: p.state, locationId: p.current_location_id }, { state: 'in-transit', movement: after });
        return after;
      });
    },

    async destinations() {
      return { items: (await repo.activeFacilities()).map((f) => ({ id: f.id, code: f.code, name: f.name, nameLatin: f.name_latin })) };
    },

    /** Who is on their way here: the receiving facility sees them before the file is theirs. */
    async transfersIn(ctx: RequestContext, facilityId: string) {
      if (!(await facilities.find(ctx.actor, facilityId))) throw new Problem('not-found');
      return { items: (await repo.transfersIn(facilityId)).map(presentTransferIn) };
    },

    /**
     * The receiving facility signs for the prisoner: the file follows them (the sender no longer
     * sees it), and they wait in reception until a cell is allocated.
     */
    async receive(ctx: RequestContext, movementId: string) {
      const found = await repo.find(ctx.actor, movementId);
      if (!found || found.kind !== 'transfer' || !found.to_facility_id || !mayAccessFacility(ctx.actor, found.to_facility_id)) throw new Problem('not-found');
      const toFacilityId = found.to_facility_id;
      return runWrite(db, ctx, async ({ trx }) => {
        // The file is still the sender's: lock it without the receiver's facility scope.
        const p = await prisoners.lockAnywhere(found.prisoner_id, trx);
        if (!p) throw new Problem('not-found');
        const m = await repo.lock(trx, movementId);
        if (m.in_at !== null || p.state !== 'in-transit') throw new Problem('movement-closed');
        const before = presentMovement(m);
        await repo.close(trx, m.id, new Date(), ctx.actor.username);
        await movePlacement(trx, { prisonerId: p.id, facilityId: toFacilityId, locationId: null, reason: `transfer from ${m.from_facility_code}: ${m.reason}`, movedBy: ctx.actor.username });
        await setState(trx, p, 'in-custody');
        const after = await presentLocked(trx, m.id);
        await auditBothSides(trx, ctx, 'prisoner.transfer-received', p.id, [toFacilityId, m.from_facility_id], { state: p.state, facilityId: p.facility_id, movement: before }, { state: 'in-custody', facilityId: toFacilityId, movement: after });
        await publish(trx, { type: 'prisoner.transferred', entityId: p.id, facilityId: toFacilityId, payload: { prisonerId: p.id, movementId: m.id, fromFacilityId: m.from_facility_id, toFacilityId } });
        return after;
      });
    },

    /**
     * Calls a transfer off before receipt. The prisoner is back with the sender, in reception:
     * their old cell may have been given to someone else, so allocation (with its checks) follows.
     */
    async cancelTransfer(ctx: RequestContext, movementId: string, reason: string) {
      const found = await repo.find(ctx.actor, movementId);
      if (!found || found.kind !== 'transfer' || !mayAccessFacility(ctx.actor, found.from_facility_id)) throw new Problem('not-found');
      return runWrite(db, ctx, async ({ trx }) => {
        const p = await lockPrisoner(ctx, found.prisoner_id, trx);
        const m = await repo.lock(trx, movementId);
        if (m.in_at !== null || p.state !== 'in-transit') throw new Problem('movement-closed');
        const before = presentMovement(m);
        // No one signs for a cancelled transfer: an in-time without a receiver marks it cancelled.
        await repo.close(trx, m.id, new Date(), null);
        await movePlacement(trx, { prisonerId: p.id, facilityId: m.from_facility_id, locationId: null, reason: `transfer cancelled: ${reason}`, movedBy: ctx.actor.username });
        await setState(trx, p, 'in-custody');
        const after = await presentLocked(trx, m.id);
        await auditBothSides(trx, ctx, 'prisoner.transfer-cancelled', p.id, [m.from_facility_id, m.to_facility_id], { state: p.state, movement: before }, { state: 'in-custody', reason, movement: after });
        return after;
      });
    },
  };
}
export type MovementsService = ReturnType<typeof movementsService>;
