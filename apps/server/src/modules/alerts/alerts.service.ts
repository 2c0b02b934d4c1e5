import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { AlertTypeData, CreateAlertTypeBody, RaiseAlertBody, UpdateAlertTypeBody } from '@vigil/contracts';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor, RequestContext } from '../../platform/access/actor.ts';
import { auditRead } from '../../platform/audit/audit.ts';
import { publish } from '../../platform/events/outbox.ts';
import { Problem } from '../../platform/errors.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { localDay } from '../../platform/time/calendar.ts';
import { facilityDays } from '../../platform/time/facility-day.ts';
import { prisonerQueries } from '../prisoners/index.ts';
import { locationQueries } from '../locations/index.ts';
import { runWrite } from '../../platform/db/write.ts';
import { alertTypesCatalogue, type AlertTypeEntry } from './alert-types.catalogue.ts';
import { alertsRepository } from './alerts.repository.ts';
import { presentAlert, presentAlertType, presentLocationAlert } from './alerts.presenter.ts';
import { alertStatus, compareAlerts, endedOn, raiseProblem, typeVisibleTo } from './alerts.rules.ts';

type CreateType = z.output<typeof CreateAlertTypeBody>;
type UpdateType = z.output<typeof UpdateAlertTypeBody>;

const typeData = (b: Omit<UpdateType, 'version' | 'effectiveFrom' | 'source'>): AlertTypeData => ({
  names: b.names,
  needsRelatedPrisoner: b.needsRelatedPrisoner,
  blocksCellSharing: b.blocksCellSharing,
  restrictedTo: [...new Set(b.restrictedTo)],
  active: b.active,
});

export function alertsService(deps: { db: Kysely<DB>; clock: Clock }) {
  const { db } = deps;
  // An alert's days are the facility's: one ending today is in force until local midnight there.
  const days = facilityDays(deps);
  // Codes are configuration for the whole service: their versions take effect on UTC days, as the
  // alert_types view (current_date) sees them. An alert pins the version in force where it is raised.
  const serviceToday = () => localDay(deps.clock.now(), 'UTC');
  const repo = alertsRepository(db);
  const prisoners = prisonerQueries(db);
  const locations = locationQueries(db);
  const types = alertTypesCatalogue(db);

  const isVisible = (type: AlertTypeEntry, actor: Actor) => typeVisibleTo(type.data, actor.roles);
  const auditTarget = (code: string) => ({ action: 'alert-type.updated', entityType: 'alert-type', entityId: code });

  /** The codes this actor may see, and which of them are restricted (their reads are audited). */
  async function visibleTypes(actor: Actor) {
    const visible = (await types.inForce(serviceToday())).filter((t) => isVisible(t, actor));
    return { codes: visible.map((t) => t.code), restricted: new Set(visible.filter((t) => t.data.restrictedTo.length > 0).map((t) => t.code)) };
  }

  return {
    /** The codes a reader may see as they stand today, inactive ones included (the history still names them). */
    async types(ctx: RequestContext) {
      const rows = await types.inForce(serviceToday());
      return { items: rows.filter((t) => isVisible(t, ctx.actor)).map((t) => presentAlertType(t, 'in-force')) };
    },

    /** Every code at its newest version (scheduled ones too), restricted and inactive included: for those who configure them. */
    async allTypes() {
      const today = serviceToday();
      return { items: (await types.latest()).map((t) => presentAlertType(t, t.effectiveFrom > today ? 'scheduled' : 'in-force')) };
    },

    /** Every version of a code, with its source, author and how many alerts were raised under it. */
    async typeHistory(code: string) {
      const history = await types.history(code, serviceToday());
      if (!history) throw new Problem('not-found');
      return history;
    },

    async createType(ctx: RequestContext, body: CreateType) {
      const today = serviceToday();
      return runWrite(db, ctx, async (w) => {
        const entry = await types.add(w, body.code, typeData(body), { effectiveFrom: body.effectiveFrom ?? today, source: body.source }, today);
        const after = presentAlertType(entry, entry.effectiveFrom > today ? 'scheduled' : 'in-force');
        await w.audit({ action: 'alert-type.created', entityType: 'alert-type', entityId: body.code, after });
        return after;
      });
    },

    /**
     * Renames, (de)activates, restricts or changes what a code does, as a new version from its
     * effective date. Codes and versions are never deleted or edited: past alerts keep theirs.
     */
    async updateType(ctx: RequestContext, code: string, body: UpdateType) {
      const today = serviceToday();
      const basis = { effectiveFrom: body.effectiveFrom ?? today, source: body.source };
      return runWrite(db, ctx, (w) =>
        types.revise(w, code, body.version, () => typeData(body), basis, today, (e) => presentAlertType(e, e.effectiveFrom > today ? 'scheduled' : 'in-force'), () => auditTarget(code)),
      );
    },

    /** A prisoner's alerts, current and past, of the codes the reader may see. The read is audited once, naming any restricted alerts it showed. */
    async ofPrisoner(ctx: RequestContext, prisonerId: string) {
      const prisoner = await prisoners.find(ctx.actor, prisonerId);
      if (!prisoner) throw new Problem('not-found');
      const { codes, restricted } = await visibleTypes(ctx.actor);
      const today = await days.today(prisoner.facility_id);
      const items = (await repo.ofPrisoner(ctx.actor, prisonerId, codes)).map((r) => presentAlert(r, today)).sort(compareAlerts);
      const seen = items.filter((a) => restricted.has(a.code));
      await auditRead(db, ctx, {
        action: seen.length ? 'prisoner.restricted-alerts-viewed' : 'prisoner.alerts-viewed',
        entityType: 'prisoner', entityId: prisonerId, facilityId: prisoner.facility_id,
        ...(seen.length ? { after: { alertIds: seen.map((a) => a.id) } } : {}),
      });
      return { items };
    },

    async raise(ctx: RequestContext, prisonerId: string, body: RaiseAlertBody) {
      const prisoner = await prisoners.find(ctx.actor, prisonerId);
      if (!prisoner) throw new Problem('not-found');
      const today = await days.today(prisoner.facility_id);
      const type = await types.find(body.code, today);
      if (!type || !type.data.active) throw Problem.at('alert-type-unknown', 'code');
      // A restricted code is raised only by the roles that may see it.
      if (!isVisible(type, ctx.actor)) throw new Problem('forbidden');
      const problem = raiseProblem({ needsRelatedPrisoner: type.data.needsRelatedPrisoner }, { prisonerId, ...body });
      if (problem) throw new Problem(problem);
      if (body.relatedPrisonerId && !(await prisoners.find(ctx.actor, body.relatedPrisonerId))) throw Problem.at('not-found', 'relatedPrisonerId');

      return runWrite(db, ctx, async ({ trx, audit }) => {
        const { id } = await repo.insert(trx, {
          prisoner_id: prisonerId,
          code: body.code,
          type_entry_id: type.id,
          related_prisoner_id: body.relatedPrisonerId ?? null,
          comment: body.comment ?? null,
          starts_on: body.startsOn,
          ends_on: body.endsOn ?? null,
          raised_by: ctx.actor.username,
        });
        const after = presentAlert((await repo.one(ctx.actor, id, trx))!, today);
        await audit({ action: 'alert.raised', entityType: 'prisoner', entityId: prisonerId, facilityId: prisoner.facility_id, after });
        await publish(trx, { type: 'alert.raised', entityId: id, facilityId: prisoner.facility_id, payload: { alertId: id, prisonerId, code: body.code } });
        return after;
      });
    },

    /** Ends an alert today with a reason. Alerts are never deleted: the history keeps who raised and ended them. */
    async end(ctx: RequestContext, alertId: string, body: { reason: string; version: number }) {
      return runWrite(db, ctx, async ({ trx, audit }) => {
        const locked = await repo.lock(alertId, trx);
        if (!locked) throw new Problem('not-found');
        const prisoner = await prisoners.find(ctx.actor, locked.prisoner_id, trx);
        const type = await types.find(locked.code, serviceToday(), trx);
        // An alert the reader may not see does not exist for them.
        if (!prisoner || !type || !isVisible(type, ctx.actor)) throw new Problem('not-found');
        if (locked.version !== body.version) throw new Problem('edit-conflict');
        const today = await days.today(prisoner.facility_id, trx);
        const status = alertStatus({ startsOn: locked.starts_on, endsOn: locked.ends_on, endedBy: locked.ended_by }, today);
        if (status === 'ended' || status === 'expired') throw new Problem('alert-already-ended');
        const before = presentAlert((await repo.one(ctx.actor, alertId, trx))!, today);
        const ends_on = endedOn({ startsOn: locked.starts_on, endsOn: locked.ends_on }, today);
        if (!(await repo.end(trx, alertId, body.version, { ended_by: ctx.actor.username, end_reason: body.reason, ends_on }))) throw new Problem('edit-conflict');
        const after = presentAlert((await repo.one(ctx.actor, alertId, trx))!, today);
        await audit({ action: 'alert.ended', entityType: 'prisoner', entityId: locked.prisoner_id, facilityId: prisoner.facility_id, before, after });
        await publish(trx, { type: 'alert.ended', entityId: alertId, facilityId: prisoner.facility_id, payload: { alertId, prisonerId: locked.prisoner_id, code: locked.code } });
        return after;
      });
    },

    /** The bulk view per wing or landing: alerts in force of everyone placed under that place now. */
    async underLocation(ctx: RequestContext, locationId: string) {
      const location = await locations.find(ctx.actor, locationId);
      if (!location) throw new Problem('not-found');
      const { codes, restricted } = await visibleTypes(ctx.actor);
      const today = await days.today(location.facility_id);
      const items = (await repo.inForceUnder(ctx.actor, locationId, codes, today)).map((r) => presentLocationAlert(r, today));
      const seen = items.filter((a) => restricted.has(a.code));
      await auditRead(db, ctx, {
        action: seen.length ? 'location.restricted-alerts-viewed' : 'location.alerts-viewed',
        entityType: 'location', entityId: locationId, facilityId: location.facility_id,
        ...(seen.length ? { after: { alertIds: seen.map((a) => a.id) } } : {}),
      });
      return { items };
    },
  };
}
export type AlertsService = ReturnType<typeof alertsService>;
