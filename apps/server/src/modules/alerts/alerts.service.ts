import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { CreateAlertTypeBody, RaiseAlertBody, UpdateAlertTypeBody } from '@vigil/contracts';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor, RequestContext } from '../../platform/access/actor.ts';
import { appendAudit, auditRead } from '../../platform/audit/audit.ts';
import { publish } from '../../platform/events/outbox.ts';
import { Problem } from '../../platform/errors.ts';
import { prisonersRepository } from '../prisoners/prisoners.repository.ts';
import { todayUtc } from '../prisoners/prisoners.rules.ts';
import { locationsRepository } from '../locations/locations.repository.ts';
import { alertsRepository, type AlertTypeRow } from './alerts.repository.ts';
import { presentAlert, presentAlertType, presentLocationAlert } from './alerts.presenter.ts';
import { alertStatus, compareAlerts, endedOn, raiseProblem, typeVisibleTo } from './alerts.rules.ts';

type CreateType = z.output<typeof CreateAlertTypeBody>;
type UpdateType = z.output<typeof UpdateAlertTypeBody>;

const typeColumns = (b: Omit<UpdateType, 'version'>) => ({
  name_en: b.names.en,
  name_ru: b.names.ru,
  name_tg: b.names.tg,
  needs_related_prisoner: b.needsRelatedPrisoner,
  blocks_cell_sharing: b.blocksCellSharing,
  restricted_to: [...new Set(b.restrictedTo)],
  active: b.active,
});

export function alertsService(deps: { db: Kysely<DB> }) {
  const { db } = deps;
  const repo = alertsRepository(db);
  const prisoners = prisonersRepository(db);
  const locations = locationsRepository(db);

  const isVisible = (type: AlertTypeRow, actor: Actor) => typeVisibleTo({ restrictedTo: type.restricted_to }, actor.roles);

  /** The codes this actor may see, and which of them are restricted (their reads are audited). */
  async function visibleTypes(actor: Actor) {
    const types = (await repo.types()).filter((t) => isVisible(t, actor));
    return { codes: types.map((t) => t.code), restricted: new Set(types.filter((t) => t.restricted_to.length > 0).map((t) => t.code)) };
  }

  return {
    /** The codes a reader may see, inactive ones included (the history still names them). */
    async types(ctx: RequestContext) {
      const rows = await repo.types();
      return { items: rows.filter((t) => isVisible(t, ctx.actor)).map(presentAlertType) };
    },

    /** Every code, restricted and inactive ones included: for those who configure them. */
    async allTypes() {
      return { items: (await repo.types()).map(presentAlertType) };
    },

    async createType(ctx: RequestContext, body: CreateType) {
      return db.transaction().execute(async (trx) => {
        if (await repo.type(body.code, trx)) throw Problem.at('duplicate-code', 'code');
        const row = await repo.insertType(trx, { code: body.code, ...typeColumns(body) });
        const after = presentAlertType(row);
        await appendAudit(trx, ctx, { action: 'alert-type.created', entityType: 'alert-type', entityId: body.code, after });
        return after;
      });
    },

    /** Rename, (de)activate, restrict or change what a code does. Codes are never deleted: past alerts use them. */
    async updateType(ctx: RequestContext, code: string, body: UpdateType) {
      return db.transaction().execute(async (trx) => {
        const current = await repo.typeForUpdate(code, trx);
        if (!current) throw new Problem('not-found');
        if (current.version !== body.version) throw new Problem('edit-conflict');
        const before = presentAlertType(current);
        const after = presentAlertType(await repo.updateType(trx, code, { ...typeColumns(body), version: current.version + 1 }));
        await appendAudit(trx, ctx, { action: 'alert-type.updated', entityType: 'alert-type', entityId: code, before, after });
        return after;
      });
    },

    /** A prisoner's alerts, current and past, of the codes the reader may see; restricted ones are audited reads. */
    async ofPrisoner(ctx: RequestContext, prisonerId: string) {
      const prisoner = await prisoners.find(ctx.actor, prisonerId);
      if (!prisoner) throw new Problem('not-found');
      const { codes, restricted } = await visibleTypes(ctx.actor);
      const today = todayUtc();
      const items = (await repo.ofPrisoner(ctx.actor, prisonerId, codes)).map((r) => presentAlert(r, today)).sort(compareAlerts);
      const seen = items.filter((a) => restricted.has(a.code));
      if (seen.length) {
        await auditRead(db, ctx, { action: 'prisoner.restricted-alerts-viewed', entityType: 'prisoner', entityId: prisonerId, facilityId: prisoner.facility_id, after: { alertIds: seen.map((a) => a.id) } });
      }
      return { items };
    },

    async raise(ctx: RequestContext, prisonerId: string, body: RaiseAlertBody) {
      const prisoner = await prisoners.find(ctx.actor, prisonerId);
      if (!prisoner) throw new Problem('not-found');
      const type = await repo.type(body.code);
      if (!type || !type.active) throw Problem.at('alert-type-unknown', 'code');
      // A restricted code is raised only by the roles that may see it.
      if (!isVisible(type, ctx.actor)) throw new Problem('forbidden');
      const problem = raiseProblem({ needsRelatedPrisoner: type.needs_related_prisoner }, { prisonerId, ...body });
      if (problem) throw new Problem(problem);
      if (body.relatedPrisonerId && !(await prisoners.find(ctx.actor, body.relatedPrisonerId))) throw Problem.at('not-found', 'relatedPrisonerId');

      return db.transaction().execute(async (trx) => {
        const { id } = await repo.insert(trx, {
          prisoner_id: prisonerId,
          code: body.code,
          related_prisoner_id: body.relatedPrisonerId ?? null,
          comment: body.comment ?? null,
          starts_on: body.startsOn,
          ends_on: body.endsOn ?? null,
          raised_by: ctx.actor.username,
        });
        const after = presentAlert((await repo.one(ctx.actor, id, trx))!, todayUtc());
        await appendAudit(trx, ctx, { action: 'alert.raised', entityType: 'prisoner', entityId: prisonerId, facilityId: prisoner.facility_id, after });
        await publish(trx, { type: 'alert.raised', entityId: id, facilityId: prisoner.facility_id, payload: { alertId: id, prisonerId, code: body.code } });
        return after;
      });
    },

    /** Ends an alert today with a reason. Alerts are never deleted: the history keeps who raised and ended them. */
    async end(ctx: RequestContext, alertId: string, body: { reason: string; version: number }) {
      return db.transaction().execute(async (trx) => {
        const locked = await repo.lock(alertId, trx);
        if (!locked) throw new Problem('not-found');
        const prisoner = await prisoners.find(ctx.actor, locked.prisoner_id, trx);
        const type = await repo.type(locked.code, trx);
        // An alert the reader may not see does not exist for them.
        if (!prisoner || !type || !isVisible(type, ctx.actor)) throw new Problem('not-found');
        if (locked.version !== body.version) throw new Problem('edit-conflict');
        const today = todayUtc();
        const status = alertStatus({ startsOn: locked.starts_on, endsOn: locked.ends_on, endedBy: locked.ended_by }, today);
        if (status === 'ended' || status === 'expired') throw new Problem('alert-already-ended');
        const before = presentAlert((await repo.one(ctx.actor, alertId, trx))!, today);
        const ends_on = endedOn({ startsOn: locked.starts_on, endsOn: locked.ends_on }, today);
        if (!(await repo.end(trx, alertId, body.version, { ended_by: ctx.actor.username, end_reason: body.reason, ends_on }))) throw new Problem('edit-conflict');
        const after = presentAlert((await repo.one(ctx.actor, alertId, trx))!, today);
        await appendAudit(trx, ctx, { action: 'alert.ended', entityType: 'prisoner', entityId: locked.prisoner_id, facilityId: prisoner.facility_id, before, after });
        await publish(trx, { type: 'alert.ended', entityId: alertId, facilityId: prisoner.facility_id, payload: { alertId, prisonerId: locked.prisoner_id, code: locked.code } });
        return after;
      });
    },

    /** The bulk view per wing or landing: alerts in force of everyone placed under that place now. */
    async underLocation(ctx: RequestContext, locationId: string) {
      const location = await locations.find(ctx.actor, locationId);
      if (!location) throw new Problem('not-found');
      const { codes, restricted } = await visibleTypes(ctx.actor);
      const today = todayUtc();
      const items = (await repo.inForceUnder(ctx.actor, locationId, codes, today)).map((r) => presentLocationAlert(r, today));
      const seen = items.filter((a) => restricted.has(a.code));
      if (seen.length) {
        await auditRead(db, ctx, { action: 'location.restricted-alerts-viewed', entityType: 'location', entityId: locationId, facilityId: location.facility_id, after: { alertIds: seen.map((a) => a.id) } });
      }
      return { items };
    },
  };
}
export type AlertsService = ReturnType<typeof alertsService>;
