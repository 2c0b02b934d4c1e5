import type { Kysely } from 'kysely';
import type { AllocateBody, AllocationViolation, CalendarDate, CellOption, CellSpecialType, SecurityLevel, SexDesignation } from '@vigil/contracts';
import type { DB } from '../../platform/db/schema.ts';
import { demand, type RequestContext } from '../../platform/access/actor.ts';
import { auditRead } from '../../platform/audit/audit.ts';
import { runWrite } from '../../platform/db/write.ts';
import { publish } from '../../platform/events/outbox.ts';
import { Problem } from '../../platform/errors.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { facilityDays } from '../../platform/time/facility-day.ts';
import { locationQueries } from '../locations/index.ts';
import { movePlacement, prisonerQueries, type PrisonerRow } from '../prisoners/index.ts';
import { presentPrisoner } from '../prisoners/prisoners.presenter.ts';
import { separationCategory } from '../prisoners/prisoners.rules.ts';
import { allocationRepository } from './allocation.repository.ts';
import { toCell, toOccupant } from './allocation.inputs.ts';
import { checkAllocation, compareOptions, overrideAllowed, wingOf, type AllocationSubject, type Occupant } from './allocation.rules.ts';
import type { Db } from '../../platform/db/db.ts';

/** Thrown inside the transaction so nothing is written; the refusal itself is audited after the rollback. */
class Refusal extends Error {
  constructor(readonly violations: AllocationViolation[]) {
    super('allocation refused');
  }
}

export function allocationService(deps: { db: Kysely<DB>; clock: Clock }) {
  const { db } = deps;
  const days = facilityDays(deps);
  const repo = allocationRepository(db);
  const prisoners = prisonerQueries(db);
  const locations = locationQueries(db);

  /** What the rules need to know about the prisoner being placed. */
  async function subjectOf(p: PrisonerRow, today: CalendarDate, trx: Db = db): Promise<AllocationSubject> {
    return {
      id: p.id,
      facilityId: p.facility_id,
      currentLocationId: p.current_location_id,
      separation: separationCategory({ sex: p.sex, legalStatus: p.legal_status, dateOfBirth: p.date_of_birth }, today),
      securityCategory: p.security_category as SecurityLevel,
      sharingRisk: await repo.sharingRisk(p.id, today, trx),
      keepApartIds: await repo.keepApartIds(p.id, today, trx),
    };
  }

  return {
    /**
     * The cells of the prisoner's facility, each checked against the rules, suitable ones first.
     * One query for the tree, one for everyone placed in the facility: the rules run in memory.
     */
    async options(ctx: RequestContext, prisonerId: string, query: { q?: string; limit: number }) {
      const prisoner = await prisoners.find(ctx.actor, prisonerId);
      if (!prisoner) throw new Problem('not-found');
      const today = await days.today(prisoner.facility_id);
      const subject = await subjectOf(prisoner, today);
      const places = await locations.tree(ctx.actor, prisoner.facility_id, { includeInactive: false });
      const byId = new Map(places.map((p) => [p.id, { parentId: p.parent_id, kind: p.kind }]));
      const byCell = new Map<string, Occupant[]>();
      for (const r of await repo.occupants({ facilityId: prisoner.facility_id }, prisonerId, today)) {
        byCell.set(r.location_id, [...(byCell.get(r.location_id) ?? []), toOccupant(r, today)]);
      }
      const byParent = new Map<string | null, string[]>();
      for (const p of places) byParent.set(p.parent_id, [...(byParent.get(p.parent_id) ?? []), p.id]);

      const currentWing = wingOf(prisoner.current_location_id, byId);
      const filter = query.q?.toLocaleLowerCase();
      const items: CellOption[] = places
        .filter((p) => p.kind === 'cell' && p.id !== prisoner.current_location_id && (!filter || p.path.toLocaleLowerCase().includes(filter)))
        .map((p) => {
          const occupants = byCell.get(p.id) ?? [];
          const neighbours = (byParent.get(p.parent_id) ?? []).filter((id) => id !== p.id).flatMap((id) => (byCell.get(id) ?? []).map((o) => o.id));
          const { violations, warnings } = checkAllocation(subject, toCell(p), occupants, neighbours);
          const capacity = p.operational_capacity ?? 0;
          return {
            locationId: p.id,
            path: p.path,
            name: p.name,
            sexDesignation: p.sex_designation as SexDesignation,
            securityLevel: p.security_level as SecurityLevel,
            specialTypes: p.special_types as CellSpecialType[],
            operationalCapacity: capacity,
            occupants: occupants.length,
            freePlaces: Math.max(0, capacity - occupants.length),
            sameWing: currentWing !== null && wingOf(p.id, byId) === currentWing,
            violations,
            warnings,
          };
        })
        .sort(compareOptions)
        .slice(0, query.limit);
      const current = prisoner.current_location_id ? { locationId: prisoner.current_location_id, path: prisoner.location_path ?? '' } : null;
      return { current, items };
    },

    /**
     * Allocates a cell, or moves to another (Mandela Rule 11). Holds the prisoner's row lock and a
     * lock on the target cell, so two officers cannot both fill its last place; refuses with every
     * violation listed, unless each is overridable and an officer with allocation.override gives
     * a reason. The override reason is kept on the placement and the audit event lists what was
     * overridden.
     */
    async allocate(ctx: RequestContext, prisonerId: string, body: AllocateBody) {
      if (body.override) demand(ctx.actor, 'allocation.override');
      let facilityId: string | undefined;
      try {
        return await runWrite(db, ctx, async ({ trx, audit }) => {
          const prisoner = await prisoners.findForUpdate(ctx.actor, prisonerId, trx);
          if (!prisoner) throw new Problem('not-found');
          facilityId = prisoner.facility_id;
          if (prisoner.version !== body.version) throw new Problem('edit-conflict');
          if (prisoner.state !== 'in-custody') throw new Problem('allocation-not-in-custody');
          // Locked: two officers filling the last place of one cell queue here, and the second then counts the first one's prisoner.
          const cell = await locations.findForUpdate(ctx.actor, body.locationId, trx);
          if (!cell) throw new Problem('not-found');

          const today = await days.today(prisoner.facility_id, trx);
          const subject = await subjectOf(prisoner, today, trx);
          const occupants = (await repo.occupants({ locationIds: [cell.id] }, prisonerId, today, trx)).map((r) => toOccupant(r, today));
          const siblings = await repo.siblings(cell.parent_id, cell.id, trx);
          const neighbours = (await repo.occupants({ locationIds: siblings }, prisonerId, today, trx)).map((r) => r.id);
          const { violations, warnings } = checkAllocation(subject, toCell(cell), occupants, neighbours);
          if (violations.length > 0 && !(body.override && overrideAllowed(violations))) throw new Refusal(violations);

          const overrideReason = violations.length > 0 ? body.override!.reason : null;
          const before = { location: prisoner.current_location_id ? { locationId: prisoner.current_location_id, path: prisoner.location_path } : null };
          await movePlacement(trx, { prisonerId, facilityId: prisoner.facility_id, locationId: cell.id, reason: body.reason, overrideReason, movedBy: ctx.actor.username });
          const after = presentPrisoner((await prisoners.find(ctx.actor, prisonerId, trx))!, today);
          await audit({
            action: 'prisoner.allocated',
            entityType: 'prisoner',
            entityId: prisonerId,
            facilityId: prisoner.facility_id,
            before,
            after: { location: after.location, reason: body.reason, overrideReason, overridden: violations.map((v) => v.code), warnings },
          });
          await publish(trx, { type: 'prisoner.moved', entityId: prisonerId, facilityId: prisoner.facility_id, payload: { prisonerId, fromLocationId: prisoner.current_location_id, toLocationId: cell.id } });
          return after;
        });
      } catch (e) {
        if (!(e instanceof Refusal)) throw e;
        // Refusals are part of the record too: who tried to put whom where, and why it was stopped.
        await auditRead(db, ctx, {
          action: 'prisoner.allocation-refused',
          entityType: 'prisoner',
          entityId: prisonerId,
          facilityId,
          after: { locationId: body.locationId, violations: e.violations, overrideAsked: !!body.override },
        });
        throw new Problem('allocation-refused', undefined, e.violations.map((v) => ({ path: 'locationId', message: v.code })));
      }
    },
  };
}
export type AllocationService = ReturnType<typeof allocationService>;
