import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { CalendarDate, PrisonerRegime, RegimeDay, RegimeMonitor, RegimeSheet, SaveRegimeSheetBody } from '@vigil/contracts';
import type { RequestContext } from '../../platform/access/actor.ts';
import type { DB } from '../../platform/db/schema.ts';
import { runWrite } from '../../platform/db/write.ts';
import { Problem } from '../../platform/errors.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { addDays, localDay } from '../../platform/time/calendar.ts';
import { facilityDays } from '../../platform/time/facility-day.ts';
import { facilityQueries } from '../facilities/index.ts';
import { locationQueries } from '../locations/index.ts';
import { prisonerQueries } from '../prisoners/index.ts';
import { regimeRepository, type RegimeDayRow, type RegimePrisonerRow } from './regime.repository.ts';
import { consecutiveShortfall, needsReason, refusals, rule23Met } from './regime.rules.ts';

/** The longest run of days the monitor counts back. */
const MONITOR_DAYS = 30;

export const presentRegimeDay = (r: RegimeDayRow): RegimeDay => ({
  id: r.id,
  prisonerId: r.prisoner_id,
  date: r.on_date,
  exerciseOfferedMinutes: r.exercise_offered_minutes,
  exerciseTakenMinutes: r.exercise_taken_minutes,
  breakfast: r.breakfast,
  lunch: r.lunch,
  supper: r.supper,
  shower: r.shower,
  refusalReason: r.refusal_reason,
  note: r.note,
  rule23Met: rule23Met(r.exercise_offered_minutes),
  recordedBy: r.recorded_by,
  recordedAt: r.recorded_at.toISOString(),
  version: r.version,
});

/** The daily regime record (issue 10): the wing's daily sheet, a prisoner's record, and the Rule 23 monitor. */
export function regimeService(deps: { db: Kysely<DB>; clock: Clock }) {
  const { db, clock } = deps;
  const repo = regimeRepository(db);
  const facilities = facilityQueries(db);
  const locations = locationQueries(db);
  const prisoners = prisonerQueries(db);
  const days = facilityDays(deps);

  async function facilityOf(ctx: RequestContext, facilityId: string) {
    const facility = await facilities.find(ctx.actor, facilityId);
    if (!facility) throw new Problem('not-found');
    return facility;
  }

  /** Each place's path, and the places under a wing. */
  async function placesOf(ctx: RequestContext, facilityId: string) {
    const tree = await locations.tree(ctx.actor, facilityId, { includeInactive: true });
    const byId = new Map(tree.map((p) => [p.id, p]));
    const under = (rootId: string) => {
      const ids = new Set([rootId]);
      for (const p of tree) if (p.parent_id && ids.has(p.parent_id)) ids.add(p.id); // ordered by path: parents first
      return ids;
    };
    return { byId, under };
  }

  const ref = (p: RegimePrisonerRow, path: (id: string | null) => string | null) => ({
    id: p.id,
    prisonNumber: p.prison_number,
    familyName: p.family_name,
    givenName: p.given_name,
    patronymic: p.patronymic,
    cellPath: path(p.current_location_id),
  });

  return {
    /** The wing's sheet for a day: everyone whose cell is on the wing, with the day's record once made. */
    async sheet(ctx: RequestContext, facilityId: string, wingId: string, date: CalendarDate): Promise<RegimeSheet> {
      await facilityOf(ctx, facilityId);
      const { byId, under } = await placesOf(ctx, facilityId);
      if (!byId.has(wingId)) throw Problem.at('not-found', 'wingId');
      const onWing = under(wingId);
      const held = (await repo.held(ctx.actor, facilityId)).filter((p) => p.current_location_id && onWing.has(p.current_location_id));
      const records = new Map((await repo.days(ctx.actor, facilityId, held.map((p) => p.id), date, date)).map((r) => [r.prisoner_id, r]));
      const path = (id: string | null) => (id ? (byId.get(id)?.path ?? null) : null);
      return {
        facilityId,
        wingId,
        date,
        rows: held
          .sort((a, b) => (path(a.current_location_id) ?? '').localeCompare(path(b.current_location_id) ?? '') || a.family_name.localeCompare(b.family_name))
          .map((p) => {
            const r = records.get(p.id);
            return { prisoner: ref(p, path), day: r ? presentRegimeDay(r) : null };
          }),
      };
    },

    /**
     * Saves the rows of a sheet that changed, each guarded by its version (null for the day's first
     * record), all or nothing. A refusal needs its reason. Each row is audited.
     */
    saveSheet(ctx: RequestContext, body: z.output<typeof SaveRegimeSheetBody>) {
      return runWrite(db, ctx, async (w) => {
        const facility = await facilities.find(ctx.actor, body.facilityId, w.trx);
        if (!facility) throw new Problem('not-found');
        if (body.date > days.todayIn(facility.time_zone)) throw Problem.at('regime-future-day', 'date');
        const held = await repo.prisoners(
          ctx.actor,
          body.rows.map((r) => r.prisonerId),
          w.trx,
        );
        const byId = new Map(held.map((p) => [p.id, p]));
        body.rows.forEach((row, i) => {
          const p = byId.get(row.prisonerId);
          if (!p || p.facility_id !== body.facilityId || p.state === 'released' || p.state === 'in-transit') throw Problem.at('regime-not-held', `rows.${i}.prisonerId`);
          if (needsReason(row)) throw Problem.at('regime-refusal-reason', `rows.${i}.refusalReason`);
        });
        const items: RegimeDay[] = [];
        for (const row of body.rows) {
          const columns = {
            exercise_offered_minutes: row.exerciseOfferedMinutes,
            exercise_taken_minutes: row.exerciseTakenMinutes,
            breakfast: row.breakfast,
            lunch: row.lunch,
            supper: row.supper,
            shower: row.shower,
            refusal_reason: row.refusalReason ?? null,
            note: row.note ?? null,
            recorded_by: ctx.actor.username,
            recorded_at: clock.now(),
          };
          const existing = await repo.lockDay(row.prisonerId, body.date, w.trx);
          if ((existing?.version ?? null) !== row.version) throw new Problem('edit-conflict');
          const saved = existing
            ? await repo.updateDay(w.trx, existing.id, existing.version, columns)
            : await repo.insertDay(w.trx, { facility_id: body.facilityId, prisoner_id: row.prisonerId, on_date: body.date, ...columns });
          if (!saved) throw new Problem('edit-conflict');
          const after = presentRegimeDay(saved);
          await w.audit({
            action: existing ? 'regime-day.corrected' : 'regime-day.recorded',
            entityType: 'regime-day',
            entityId: saved.id,
            facilityId: body.facilityId,
            before: existing ? presentRegimeDay(existing) : undefined,
            after,
          });
          items.push(after);
        }
        return { saved: items.length, items };
      });
    },

    /**
     * For the governor: prisoners held on the day who were not offered an hour outdoors (Mandela
     * Rule 23), with how many days in a row; `minDays` keeps those with at least that many.
     */
    async monitor(ctx: RequestContext, facilityId: string, query: { date?: CalendarDate; minDays: number }): Promise<RegimeMonitor> {
      const facility = await facilityOf(ctx, facilityId);
      const day = query.date ?? days.todayIn(facility.time_zone);
      const window = Array.from({ length: MONITOR_DAYS }, (_, i) => addDays(day, -i));
      const { byId } = await placesOf(ctx, facilityId);
      const path = (id: string | null) => (id ? (byId.get(id)?.path ?? null) : null);
      const held = (await repo.held(ctx.actor, facilityId)).filter((p) => localDay(p.admitted_at, facility.time_zone) <= day);
      const records = await repo.days(ctx.actor, facilityId, held.map((p) => p.id), window.at(-1)!, day);
      const offered = new Map<string, Map<string, number>>();
      for (const r of records) offered.set(r.prisoner_id, (offered.get(r.prisoner_id) ?? new Map()).set(r.on_date, r.exercise_offered_minutes));
      const items = held
        .map((p) => {
          const mine = offered.get(p.id) ?? new Map<string, number>();
          return { prisoner: ref(p, path), offeredMinutes: mine.get(day) ?? null, consecutiveDays: consecutiveShortfall(mine, window, localDay(p.admitted_at, facility.time_zone)) };
        })
        .filter((i) => i.consecutiveDays >= query.minDays)
        .sort((a, b) => b.consecutiveDays - a.consecutiveDays || a.prisoner.familyName.localeCompare(b.prisoner.familyName));
      return { date: day, items };
    },

    /** A prisoner's regime record over the last days (the prisoner file's tab). */
    async ofPrisoner(ctx: RequestContext, prisonerId: string, span: number): Promise<PrisonerRegime> {
      const prisoner = await prisoners.find(ctx.actor, prisonerId);
      if (!prisoner) throw new Problem('not-found');
      const to = await days.today(prisoner.facility_id);
      const from = addDays(to, -(span - 1));
      const items = (await repo.ofPrisoner(ctx.actor, prisonerId, from, to)).map(presentRegimeDay);
      const taken = items.reduce((s, d) => s + d.exerciseTakenMinutes, 0);
      return {
        from,
        to,
        items,
        daysRecorded: items.length,
        daysRule23Met: items.filter((d) => d.rule23Met).length,
        averageTakenMinutes: items.length ? Math.round(taken / items.length) : 0,
        refusals: items.filter((d) => refusals(d).length > 0).length,
      };
    },
  };
}
export type RegimeService = ReturnType<typeof regimeService>;
