import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { Language, ReleaseBody, ReleaseCheck } from '@vigil/contracts';
import type { DB } from '../../platform/db/schema.ts';
import { can, type Actor, type RequestContext } from '../../platform/access/actor.ts';
import { auditRead } from '../../platform/audit/audit.ts';
import { runWrite } from '../../platform/db/write.ts';
import { publish } from '../../platform/events/outbox.ts';
import { Problem } from '../../platform/errors.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { facilityDays } from '../../platform/time/facility-day.ts';
import { endPlacement, prisonerCustody, prisonerQueries, type PrisonerRow } from '../prisoners/index.ts';
import { facilityQueries } from '../facilities/index.ts';
import { movementsRepository } from './movements.repository.ts';
import { encodeRelease, presentMovement, presentProperty } from './movements.presenter.ts';
import { BLOCKER_PATHS, releaseBlockers, releaseCheckBlockers, releaseDue } from './movements.rules.ts';

type Release = z.output<typeof ReleaseBody>;

const alertName = (r: { name_en: string; name_ru: string; name_tg: string }, lang: Language) => ({ en: r.name_en, ru: r.name_ru, tg: r.name_tg })[lang];

/** Property handed back, and release with its checks (due date or order, property, alerts shown). */
export function releaseService(deps: { db: Kysely<DB>; clock: Clock }) {
  const { db } = deps;
  const days = facilityDays(deps);
  const repo = movementsRepository(db);
  const prisoners = prisonerQueries(db);
  const custody = prisonerCustody(db);
  const facilities = facilityQueries(db);

  /** Today where the prisoner is held: a release date is due by the facility's calendar, not UTC. */
  async function facilityDay(actor: Actor, facilityId: string, trx: Kysely<DB> | Transaction<DB> = db) {
    const f = await facilities.find(actor, facilityId, trx);
    if (!f) throw new Problem('not-found');
    return days.todayIn(f.time_zone);
  }

  async function activeAlerts(actor: Actor, prisonerId: string, today: string) {
    // Alerts are shown only to those who may read alerts at all; restricted codes only to their roles.
    if (!can(actor, 'alerts.read')) return [];
    const rows = await repo.activeAlerts(actor, prisonerId, today);
    return rows.map((r) => ({ code: r.code, name: alertName(r, actor.language), startsOn: r.starts_on, endsOn: r.ends_on }));
  }

  return {
    /** What a person brought in is part of their record: the read is audited once. */
    async property(ctx: RequestContext, prisonerId: string) {
      const prisoner = await prisoners.find(ctx.actor, prisonerId);
      if (!prisoner) throw new Problem('not-found');
      const items = (await repo.property(prisonerId)).map(presentProperty);
      await auditRead(db, ctx, { action: 'prisoner.property-viewed', entityType: 'prisoner', entityId: prisonerId, facilityId: prisoner.facility_id });
      return { items };
    },

    /** Hands property back (at release, or to a visitor): each item once, and only the prisoner's own. */
    async returnProperty(ctx: RequestContext, prisonerId: string, itemIds: readonly string[]) {
      const ids = [...new Set(itemIds)];
      return runWrite(db, ctx, async ({ trx, audit }) => {
        const p = await prisoners.findForUpdate(ctx.actor, prisonerId, trx);
        if (!p) throw new Problem('not-found');
        const returned = await repo.returnProperty(trx, p.id, ids, new Date(), ctx.actor.username);
        if (returned.length !== ids.length) throw Problem.at('property-items-unknown', 'itemIds');
        const items = (await repo.property(p.id, trx)).map(presentProperty);
        await audit({ action: 'prisoner.property-returned', entityType: 'prisoner', entityId: p.id, facilityId: p.facility_id, after: { items: items.filter((i) => ids.includes(i.id)) } });
        return { items };
      });
    },

    async releaseCheck(ctx: RequestContext, prisonerId: string): Promise<ReleaseCheck> {
      const p = await prisoners.find(ctx.actor, prisonerId);
      if (!p) throw new Problem('not-found');
      const today = await facilityDay(ctx.actor, p.facility_id);
      const due = releaseDue(p.latest_release_date, today);
      const outstanding = (await repo.property(p.id)).filter((i) => i.returned_at === null).map(presentProperty);
      return {
        dueDate: p.latest_release_date,
        due,
        propertyOutstanding: outstanding,
        activeAlerts: await activeAlerts(ctx.actor, p.id, today),
        blockers: releaseCheckBlockers({ state: p.state, due, propertyOutstanding: outstanding.length }),
        version: p.version,
      };
    },

    /**
     * Releases a prisoner: refused with every blocker listed unless the due date is reached (or
     * an order is given) and all property is back. The release closes the placement, ends any
     * absence they are on (released from court) and leaves a 'release' movement.
     */
    async release(ctx: RequestContext, prisonerId: string, body: Release) {
      return runWrite(db, ctx, async ({ trx, audit }) => {
        const p: PrisonerRow | undefined = await prisoners.findForUpdate(ctx.actor, prisonerId, trx);
        if (!p) throw new Problem('not-found');
        if (p.version !== body.version) throw new Problem('edit-conflict');
        const today = await facilityDay(ctx.actor, p.facility_id, trx);
        const outstanding = (await repo.property(p.id, trx)).filter((i) => i.returned_at === null).length;
        const orderReference = body.orderReference ?? null;
        const blockers = releaseBlockers({ state: p.state, due: releaseDue(p.latest_release_date, today), basis: body.basis, orderReference, propertyOutstanding: outstanding });
        if (blockers.length) throw new Problem('release-blocked', undefined, blockers.map((b) => ({ path: BLOCKER_PATHS[b], message: b })));

        const at = new Date();
        const absence = await repo.openAbsence(trx, p.id);
        if (absence) await repo.close(trx, absence.id, at, ctx.actor.username);
        const details = { basis: body.basis, orderReference, notifications: { family: body.notifications.family, police: body.notifications.police, probation: body.notifications.probation } };
        const { id } = await repo.insert(trx, { prisoner_id: p.id, kind: 'release', from_facility_id: p.facility_id, reason: encodeRelease(details), out_at: at, recorded_by: ctx.actor.username });
        await endPlacement(trx, p.id);
        if (!(await custody.setState(trx, p.id, p.version, { state: 'released', released_at: at }))) throw new Problem('edit-conflict');
        const movement = presentMovement(await repo.lock(trx, id));
        await audit({
          action: 'prisoner.released',
          entityType: 'prisoner',
          entityId: p.id,
          facilityId: p.facility_id,
          before: { state: p.state, locationId: p.current_location_id },
          after: { state: 'released', releasedAt: at.toISOString(), movement },
        });
        await publish(trx, { type: 'prisoner.released', entityId: p.id, facilityId: p.facility_id, payload: { prisonerId: p.id, movementId: id } });
        return movement;
      });
    },
  };
}
export type ReleaseService = ReturnType<typeof releaseService>;
