import type { Kysely } from 'kysely';
import type { RequestContext } from '../../platform/access/actor.ts';
import type { DB } from '../../platform/db/schema.ts';
import { runWrite } from '../../platform/db/write.ts';
import { Problem } from '../../platform/errors.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { facilityDays } from '../../platform/time/facility-day.ts';
import { facilityQueries } from '../facilities/index.ts';
import { locationQueries } from '../locations/index.ts';
import { searchesRepository } from './searches.repository.ts';
import { DEFAULT_PERIOD_DAYS, overdue } from './searches.rules.ts';

/**
 * Search schedules (docs/searches.md): every cell of a wing is searched within the wing's period
 * (28 days unless a supervisor sets another); the cells past it are overdue.
 */
export function schedulesService(deps: { db: Kysely<DB>; clock: Clock }) {
  const { db } = deps;
  const repo = searchesRepository(db);
  const facilities = facilityQueries(db);
  const locations = locationQueries(db);
  const days = facilityDays(deps);

  /** Each wing with its period and its cells' overdue state, as of the facility's today. */
  async function wings(ctx: RequestContext, facilityId: string) {
    const f = await facilities.find(ctx.actor, facilityId);
    if (!f) throw Problem.at('not-found', 'facilityId');
    const today = days.todayIn(f.time_zone);
    const rows = await repo.wingCells(ctx.actor, f.id, f.time_zone);
    const byWing = new Map<string, { wingId: string; path: string; name: string; periodDays: number; set: boolean; version: number | null; cells: { id: string; path: string; name: string; lastSearchedOn: string | null }[] }>();
    for (const r of rows) {
      let w = byWing.get(r.wing_id);
      if (!w) byWing.set(r.wing_id, (w = { wingId: r.wing_id, path: r.wing_path, name: r.wing_name, periodDays: r.period_days ?? DEFAULT_PERIOD_DAYS, set: r.period_days !== null, version: r.version, cells: [] }));
      if (r.cell_id) w.cells.push({ id: r.cell_id, path: r.cell_path!, name: r.cell_name!, lastSearchedOn: r.last_on });
    }
    return { today, wings: [...byWing.values()].map((w) => ({ ...w, overdue: overdue(w.cells, w.periodDays, today) })) };
  }

  return {
    async schedules(ctx: RequestContext, facilityId: string) {
      const { wings: list } = await wings(ctx, facilityId);
      return {
        defaultPeriodDays: DEFAULT_PERIOD_DAYS,
        items: list.map((w) => ({ wingId: w.wingId, path: w.path, name: w.name, periodDays: w.periodDays, set: w.set, cells: w.cells.length, overdue: w.overdue.length, version: w.version })),
      };
    },

    /** The cells overdue for a search, the longest overdue (and the never searched) first. */
    async overdue(ctx: RequestContext, facilityId: string) {
      const { today, wings: list } = await wings(ctx, facilityId);
      const items = list.flatMap((w) => {
        const cells = new Map(w.cells.map((c) => [c.id, c]));
        return w.overdue.map((o) => ({ cellId: o.id, path: cells.get(o.id)!.path, name: cells.get(o.id)!.name, wingId: w.wingId, wingPath: w.path, periodDays: w.periodDays, lastSearchedOn: o.lastSearchedOn, dueOn: o.dueOn, daysOverdue: o.daysOverdue }));
      });
      items.sort((a, b) => (b.daysOverdue ?? Infinity) - (a.daysOverdue ?? Infinity) || a.path.localeCompare(b.path));
      return { today, items };
    },

    /** Sets a wing's period; `version` null for a wing still on the default, else the schedule's version. */
    setSchedule(ctx: RequestContext, wingId: string, body: { periodDays: number; version: number | null }) {
      return runWrite(db, ctx, async (w) => {
        const wing = await locations.find(ctx.actor, wingId, w.trx);
        if (!wing) throw new Problem('not-found');
        if (wing.kind !== 'wing') throw new Problem('schedule-not-wing');
        const current = await repo.lockSchedule(wingId, w.trx);
        if ((current?.version ?? null) !== body.version) throw new Problem('edit-conflict');
        const row = current
          ? await repo.updateSchedule(w.trx, wingId, current.version, body.periodDays, ctx.actor.userId)
          : await repo.insertSchedule(w.trx, { wing_id: wingId, facility_id: wing.facility_id, period_days: body.periodDays, updated_by: ctx.actor.userId });
        if (!row) throw new Problem('edit-conflict');
        await w.audit({
          action: 'search-schedule.set',
          entityType: 'search-schedule',
          entityId: wingId,
          facilityId: wing.facility_id,
          before: { periodDays: current?.period_days ?? DEFAULT_PERIOD_DAYS },
          after: { periodDays: row.period_days },
        });
        return { wingId, periodDays: row.period_days, version: row.version };
      });
    },
  };
}
export type SchedulesService = ReturnType<typeof schedulesService>;
