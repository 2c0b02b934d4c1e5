import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { CancelMovementBody, CreateKeepApartBody, CreateZoneBody, EndKeepApartBody, InternalMovement, KeepApart, MovementOutBody, MovementRule, PlanMovementBody, UpdateZoneBody, Zone, ZoneWindow } from '@vigil/contracts';
import { demand, type RequestContext } from '../../platform/access/actor.ts';
import { auditRead } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import type { DB } from '../../platform/db/schema.ts';
import { runWrite, updateVersioned, type Write } from '../../platform/db/write.ts';
import { Problem } from '../../platform/errors.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { addDays } from '../../platform/time/calendar.ts';
import { facilityDays } from '../../platform/time/facility-day.ts';
import { facilityQueries } from '../facilities/index.ts';
import { locationQueries, type LocationWithPath } from '../locations/index.ts';
import { prisonerQueries } from '../prisoners/index.ts';
import { movementControlRepository, type KeepApartRow, type MovementRow, type ZoneRow } from './movement-control.repository.ts';
import { checkMovement, isOverdue, localClock, wingAbove, type MovementViolation, type ZoneRules } from './movement-control.rules.ts';

type ZoneBody = z.output<typeof CreateZoneBody>;
type PlanBody = z.output<typeof PlanMovementBody>;

/** Thrown inside the transaction so nothing is written; the refusal itself is audited after the rollback. */
class Refusal extends Error {
  constructor(readonly violations: MovementViolation[]) {
    super('movement refused');
  }
}

const placeName = (p: Pick<LocationWithPath, 'name' | 'path'> | undefined) => (p ? (p.name && p.name !== p.path.split('-').at(-1) ? `${p.name} (${p.path})` : p.path) : '');
const toRules = (z: ZoneRow): ZoneRules => ({
  locationId: z.location_id,
  openWindows: z.open_windows as ZoneWindow[],
  escortedOnly: z.escorted_only,
  barredPrisonerIds: z.barred_prisoner_ids,
  barredAlertCodes: z.barred_alert_codes,
  barredCategories: z.barred_categories,
});

/**
 * Movement control inside a facility (issue 10): zones and their rules, keep-apart groups, and the
 * movement log (planned → out → back) with the out-of-cell board.
 */
export function movementControlService(deps: { db: Kysely<DB>; clock: Clock }) {
  const { db, clock } = deps;
  const repo = movementControlRepository(db);
  const locations = locationQueries(db);
  const prisoners = prisonerQueries(db);
  const facilities = facilityQueries(db);
  const days = facilityDays(deps);

  async function facilityOf(ctx: RequestContext, facilityId: string, trx: Db = db) {
    const facility = await facilities.find(ctx.actor, facilityId, trx);
    if (!facility) throw new Problem('not-found');
    return facility;
  }

  async function treeOf(ctx: RequestContext, facilityId: string, trx: Db = db) {
    const places = await locations.tree(ctx.actor, facilityId, { includeInactive: true }, trx);
    return { places, byId: new Map(places.map((p) => [p.id, p])), parents: new Map(places.map((p) => [p.id, p.parent_id])) };
  }

  async function presentZones(ctx: RequestContext, rows: ZoneRow[], trx: Db = db): Promise<Zone[]> {
    if (rows.length === 0) return [];
    const { byId } = await treeOf(ctx, rows[0]!.facility_id, trx);
    const barred = new Map((await repo.prisonerRefs(ctx.actor, [...new Set(rows.flatMap((r) => r.barred_prisoner_ids))], trx)).map((p) => [p.prisoner_id, p]));
    return rows.map((r) => {
      const place = byId.get(r.location_id);
      return {
        id: r.id,
        facilityId: r.facility_id,
        locationId: r.location_id,
        locationPath: placeName(place),
        locationKind: (place?.kind ?? 'building') as Zone['locationKind'],
        openWindows: r.open_windows as ZoneWindow[],
        escortedOnly: r.escorted_only,
        barredPrisoners: r.barred_prisoner_ids.flatMap((id) => {
          const p = barred.get(id);
          return p ? [{ id, prisonNumber: p.prison_number, familyName: p.family_name, givenName: p.given_name }] : [];
        }),
        barredAlertCodes: r.barred_alert_codes,
        barredCategories: r.barred_categories as Zone['barredCategories'],
        note: r.note,
        active: r.active,
        version: r.version,
      };
    });
  }

  async function presentGroups(rows: KeepApartRow[], today: string, trx: Db = db): Promise<KeepApart[]> {
    const members = await repo.members(
      rows.map((r) => r.id),
      trx,
    );
    return rows.map((g) => ({
      id: g.id,
      facilityId: g.facility_id,
      members: members.filter((m) => m.group_id === g.id).map((m) => ({ id: m.prisoner_id, prisonNumber: m.prison_number, familyName: m.family_name, givenName: m.given_name, patronymic: m.patronymic })),
      reason: g.reason,
      source: g.source,
      startsOn: g.starts_on,
      endsOn: g.ends_on,
      endReason: g.end_reason,
      createdBy: g.created_by,
      active: g.starts_on <= today && (g.ends_on === null || g.ends_on >= today),
      version: g.version,
    }));
  }

  async function presentMovements(ctx: RequestContext, facilityId: string, rows: MovementRow[], trx: Db = db): Promise<InternalMovement[]> {
    const { byId } = await treeOf(ctx, facilityId, trx);
    const shape = new Map([...byId].map(([id, p]) => [id, { parentId: p.parent_id, kind: p.kind }]));
    const now = clock.now();
    return rows.map((m) => {
      const wingId = wingAbove(m.from_location_id ?? m.current_location_id, shape);
      return {
        id: m.id,
        facilityId: m.facility_id,
        prisoner: { id: m.prisoner_id, prisonNumber: m.prison_number, familyName: m.family_name, givenName: m.given_name, patronymic: m.patronymic },
        purpose: m.purpose,
        fromLocationId: m.from_location_id,
        fromPath: m.from_location_id ? (byId.get(m.from_location_id)?.path ?? null) : null,
        toLocationId: m.to_location_id,
        toPath: placeName(byId.get(m.to_location_id)),
        wingId,
        wingName: wingId ? (byId.get(wingId)?.name ?? null) : null,
        plannedStart: m.planned_start.toISOString(),
        plannedEnd: m.planned_end.toISOString(),
        status: m.status,
        escort: m.escort,
        note: m.note,
        overridden: m.overridden as MovementRule[],
        overrideReason: m.override_reason,
        outAt: m.out_at?.toISOString() ?? null,
        backAt: m.back_at?.toISOString() ?? null,
        overdue: isOverdue({ status: m.status, plannedEnd: m.planned_end }, now),
        plannedBy: m.planned_by,
        version: m.version,
      };
    });
  }

  const oneMovement = async (ctx: RequestContext, id: string, trx: Db) => {
    const row = (await repo.movement(ctx.actor, id, trx))!;
    return (await presentMovements(ctx, row.facility_id, [row], trx))[0]!;
  };

  /** A movement step: lock, version, the step's precondition, change, audit, publish. */
  const step = (ctx: RequestContext, id: string, version: number, from: 'planned' | 'out', action: 'out' | 'back' | 'cancelled', changes: (w: Write) => Parameters<typeof repo.updateMovement>[3]) =>
    runWrite(db, ctx, async (w) => {
      const row = await repo.lockMovement(ctx.actor, id, w.trx);
      if (!row) throw new Problem('not-found');
      if (row.version !== version) throw new Problem('edit-conflict');
      if (row.status !== from) throw new Problem('movement-state');
      const before = await oneMovement(ctx, id, w.trx);
      if (!(await repo.updateMovement(w.trx, id, version, changes(w)))) throw new Problem('edit-conflict');
      const after = await oneMovement(ctx, id, w.trx);
      await w.audit({ action: `internal-movement.${action}`, entityType: 'internal-movement', entityId: id, facilityId: row.facility_id, before, after });
      if (action !== 'cancelled') await w.publish({ type: 'movement.logged', entityId: id, facilityId: row.facility_id, payload: { movementId: id, prisonerId: row.prisoner_id, kind: row.purpose, toLocationId: action === 'back' ? row.from_location_id : row.to_location_id } });
      return after;
    });

  return {
    async zones(ctx: RequestContext, facilityId: string) {
      await facilityOf(ctx, facilityId);
      return { items: await presentZones(ctx, await repo.zones(ctx.actor, facilityId)) };
    },

    /** A zone on a place of the facility's tree; one zone per place. */
    createZone(ctx: RequestContext, facilityId: string, body: ZoneBody) {
      return runWrite(db, ctx, async (w) => {
        await facilityOf(ctx, facilityId, w.trx);
        const place = await locations.find(ctx.actor, body.locationId, w.trx);
        if (!place || place.facility_id !== facilityId) throw Problem.at('not-found', 'locationId');
        if (await repo.zoneAt(body.locationId, w.trx)) throw Problem.at('zone-exists', 'locationId');
        const row = await repo.insertZone(w.trx, {
          facility_id: facilityId,
          location_id: body.locationId,
          open_windows: JSON.stringify(body.openWindows),
          escorted_only: body.escortedOnly,
          barred_prisoner_ids: body.barredPrisonerIds,
          barred_alert_codes: body.barredAlertCodes,
          barred_categories: body.barredCategories,
          note: body.note ?? null,
          created_by: ctx.actor.username,
        });
        const [view] = await presentZones(ctx, [row], w.trx);
        await w.audit({ action: 'zone.created', entityType: 'zone', entityId: row.id, facilityId, after: view });
        return view!;
      });
    },

    updateZone(ctx: RequestContext, id: string, body: z.output<typeof UpdateZoneBody>) {
      return updateVersioned(db, ctx, {
        lock: (trx) => repo.lockZone(ctx.actor, id, trx),
        expectedVersion: body.version,
        apply: (trx, row) =>
          repo.updateZone(trx, id, row.version, {
            open_windows: JSON.stringify(body.openWindows),
            escorted_only: body.escortedOnly,
            barred_prisoner_ids: body.barredPrisonerIds,
            barred_alert_codes: body.barredAlertCodes,
            barred_categories: body.barredCategories,
            note: body.note ?? null,
            active: body.active,
          }),
        present: async (row, trx) => (await presentZones(ctx, [row], trx))[0]!,
        audit: (row) => ({ action: 'zone.updated', entityType: 'zone', entityId: id, facilityId: row.facility_id }),
      });
    },

    /** Keep-apart groups name who is kept from whom and why (intelligence-led): the read is audited. */
    async keepApart(ctx: RequestContext, facilityId: string) {
      const facility = await facilityOf(ctx, facilityId);
      const items = await presentGroups(await repo.keepApartGroups(ctx.actor, facilityId), days.todayIn(facility.time_zone));
      await auditRead(db, ctx, { action: 'keep-apart.viewed', entityType: 'facility', entityId: facilityId, facilityId, after: { groupIds: items.map((g) => g.id) } });
      return { items };
    },

    createKeepApart(ctx: RequestContext, facilityId: string, body: z.output<typeof CreateKeepApartBody>) {
      return runWrite(db, ctx, async (w) => {
        const facility = await facilityOf(ctx, facilityId, w.trx);
        const members = await repo.prisonerRefs(ctx.actor, body.prisonerIds, w.trx);
        if (members.length !== body.prisonerIds.length || members.some((m) => m.facility_id !== facilityId || m.state === 'released')) throw Problem.at('keep-apart-member', 'prisonerIds');
        const row = await repo.insertGroup(
          w.trx,
          { facility_id: facilityId, reason: body.reason, source: body.source, starts_on: body.startsOn, ends_on: body.endsOn ?? null, created_by: ctx.actor.username },
          body.prisonerIds,
        );
        const [view] = await presentGroups([row], days.todayIn(facility.time_zone), w.trx);
        await w.audit({ action: 'keep-apart.created', entityType: 'keep-apart', entityId: row.id, facilityId, after: view });
        return view!;
      });
    },

    endKeepApart(ctx: RequestContext, id: string, body: z.output<typeof EndKeepApartBody>) {
      return runWrite(db, ctx, async (w) => {
        const row = await repo.lockGroup(ctx.actor, id, w.trx);
        if (!row) throw new Problem('not-found');
        if (row.version !== body.version) throw new Problem('edit-conflict');
        const today = await days.today(row.facility_id, w.trx);
        if (row.ends_on !== null && row.ends_on < today) throw new Problem('keep-apart-ended');
        // In force no longer from today; a group that starts today (or later) ends on its first day.
        const yesterday = addDays(today, -1);
        const endsOn = yesterday < row.starts_on ? row.starts_on : yesterday;
        const updated = await repo.endGroup(w.trx, id, row.version, { ends_on: endsOn, end_reason: body.reason, ended_by: ctx.actor.username });
        if (!updated) throw new Problem('edit-conflict');
        const [before] = await presentGroups([row], today, w.trx);
        const [after] = await presentGroups([updated], today, w.trx);
        await w.audit({ action: 'keep-apart.ended', entityType: 'keep-apart', entityId: id, facilityId: row.facility_id, before, after });
        return after!;
      });
    },

    /**
     * Plans a movement out of cell, checked against every rule (keep-apart, the zone's restricted
     * prisoners, regime times, escort). Refused with each rule broken unless an officer with
     * allocation.override gives a reason; the override is kept on the movement and audited, and
     * a refusal is audited too.
     */
    async plan(ctx: RequestContext, body: PlanBody) {
      if (body.override) demand(ctx.actor, 'allocation.override');
      let facilityId: string | undefined;
      try {
        return await runWrite(db, ctx, async (w) => {
          const prisoner = await prisoners.findForUpdate(ctx.actor, body.prisonerId, w.trx);
          if (!prisoner) throw Problem.at('not-found', 'prisonerId');
          facilityId = prisoner.facility_id;
          if (prisoner.state !== 'in-custody') throw new Problem('movement-not-in-custody');
          const place = await locations.find(ctx.actor, body.toLocationId, w.trx);
          if (!place || place.facility_id !== prisoner.facility_id || !place.active) throw Problem.at('not-found', 'toLocationId');
          const timeZone = await days.zone(prisoner.facility_id, w.trx);
          const today = days.todayIn(timeZone);
          const start = new Date(body.plannedStart);
          const end = new Date(body.plannedEnd);
          const { parents } = await treeOf(ctx, prisoner.facility_id, w.trx);
          const zones = new Map((await repo.activeZones(prisoner.facility_id, w.trx)).map((z) => [z.location_id, toRules(z)]));
          const now = clock.now();
          const others = (await repo.openMovements(prisoner.facility_id, start, end, w.trx)).map((m) => ({
            movementId: m.id,
            prisonerId: m.prisoner_id,
            toLocationId: m.to_location_id,
            start: m.planned_start,
            // Someone out past their time is still there until they are back.
            end: m.status === 'out' && m.planned_end < now ? new Date(Math.max(now.getTime(), end.getTime())) : m.planned_end,
          }));
          const subject = {
            id: prisoner.id,
            securityCategory: prisoner.security_category,
            alertCodes: await repo.alertCodes(prisoner.id, today, w.trx),
            keepApartIds: await repo.keepApartIds(prisoner.id, today, w.trx),
          };
          const violations = checkMovement(subject, { toLocationId: body.toLocationId, start, end, escort: body.escort ?? null }, others, { parents, zones }, timeZone);
          if (violations.length > 0 && !body.override) throw new Refusal(violations);
          const rules = [...new Set(violations.map((v) => v.rule))];
          const { id } = await repo.insertMovement(w.trx, {
            facility_id: prisoner.facility_id,
            prisoner_id: prisoner.id,
            purpose: body.purpose,
            from_location_id: prisoner.current_location_id,
            to_location_id: body.toLocationId,
            planned_start: start,
            planned_end: end,
            status: 'planned',
            escort: body.escort ?? null,
            note: body.note ?? null,
            overridden: rules,
            override_reason: rules.length > 0 ? body.override!.reason : null,
            planned_by: ctx.actor.username,
          });
          const view = await oneMovement(ctx, id, w.trx);
          await w.audit({ action: 'internal-movement.planned', entityType: 'internal-movement', entityId: id, facilityId: prisoner.facility_id, after: { ...view, overridden: violations } });
          await w.publish({ type: 'movement.logged', entityId: id, facilityId: prisoner.facility_id, payload: { movementId: id, prisonerId: prisoner.id, kind: body.purpose, toLocationId: body.toLocationId } });
          return view;
        });
      } catch (e) {
        if (!(e instanceof Refusal)) throw e;
        await auditRead(db, ctx, {
          action: 'internal-movement.refused',
          entityType: 'prisoner',
          entityId: body.prisonerId,
          facilityId,
          after: { toLocationId: body.toLocationId, plannedStart: body.plannedStart, plannedEnd: body.plannedEnd, violations: e.violations, overrideAsked: !!body.override },
        });
        const first = e.violations[0]!;
        const others = e.violations.filter((v) => v.otherPrisonerId).map((v) => v.otherPrisonerId!);
        const names = others.length > 0 ? (await repo.prisonerRefs(ctx.actor, others)).map((p) => p.prison_number) : [];
        throw new Problem(first.rule, names.length > 0 ? names.join(', ') : undefined, e.violations.map((v) => ({ path: v.path, message: v.rule })));
      }
    },

    out: (ctx: RequestContext, id: string, body: z.output<typeof MovementOutBody>) =>
      step(ctx, id, body.version, 'planned', 'out', (w) => ({ status: 'out', out_at: clock.now(), out_by: w.ctx.actor.username, ...(body.escort ? { escort: body.escort } : {}) })),
    back: (ctx: RequestContext, id: string, version: number) => step(ctx, id, version, 'out', 'back', (w) => ({ status: 'back', back_at: clock.now(), back_by: w.ctx.actor.username })),
    cancel: (ctx: RequestContext, id: string, body: z.output<typeof CancelMovementBody>) => step(ctx, id, body.version, 'planned', 'cancelled', () => ({ status: 'cancelled', cancel_reason: body.reason })),

    /** The out-of-cell board: who is out now and who is due out, per wing (of their cell) when asked. */
    async board(ctx: RequestContext, facilityId: string, wingId?: string) {
      await facilityOf(ctx, facilityId);
      const items = await presentMovements(ctx, facilityId, await repo.board(ctx.actor, facilityId));
      return { items: wingId ? items.filter((m) => m.wingId === wingId) : items };
    },

    /** The movement log of a day on the facility's clock (today by default). */
    async log(ctx: RequestContext, facilityId: string, date?: string) {
      const facility = await facilityOf(ctx, facilityId);
      const day = date ?? days.todayIn(facility.time_zone);
      // The day's bounds, a day either side, then kept to those whose start falls on the day there.
      const from = new Date(`${addDays(day, -1)}T00:00:00Z`);
      const to = new Date(`${addDays(day, 2)}T00:00:00Z`);
      const rows = (await repo.log(ctx.actor, facilityId, from, to)).filter((m) => localClock(m.planned_start, facility.time_zone).day === day);
      return { items: await presentMovements(ctx, facilityId, rows) };
    },
  };
}
export type MovementControlService = ReturnType<typeof movementControlService>;
