import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { CalendarDate, ComplianceRow, ObservationCompliance, ObservationLevel, ObservationLevelType, ObservationSupervision, PrisonerObservation, RecordCheckBody, RecordHandoverBody, ReviewObservationBody, SetObservationBody } from '@vigil/contracts';
import { ObservationLevelTypeData } from '@vigil/contracts';
import { systemContext, type RequestContext } from '../../platform/access/actor.ts';
import { appendAudit, auditRead } from '../../platform/audit/audit.ts';
import { catalogue } from '../../platform/catalogue/catalogue.ts';
import type { Db } from '../../platform/db/db.ts';
import type { DB } from '../../platform/db/schema.ts';
import { runWrite } from '../../platform/db/write.ts';
import { Problem } from '../../platform/errors.ts';
import { publish } from '../../platform/events/outbox.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { localDay } from '../../platform/time/calendar.ts';
import { facilityQueries } from '../facilities/index.ts';
import { prisonerQueries } from '../prisoners/index.ts';
import { levelNames, presentCheck, presentLevel, presentMissed, staffOf, wingOf, type Lookups } from './observations.presenter.ts';
import { observationsRepository, type LevelRow } from './observations.repository.ts';
import { anchorOf, classifyCheck, onTimeRate, passedDueTimes, reviewDateProblem, reviewProblem, startProblem } from './observations.rules.ts';

type SetBody = z.output<typeof SetObservationBody>;
type ReviewBody = z.output<typeof ReviewObservationBody>;
type CheckBody = z.output<typeof RecordCheckBody>;
type HandoverBody = z.output<typeof RecordHandoverBody>;

/** The observation levels in force (every 60, 30, 15 minutes, constant by default; migration 0025). */
export const observationLevelsCatalogue = (db: Kysely<DB>) => catalogue(db, { name: 'observation-levels', schema: ObservationLevelTypeData });

const HOUR = 3_600_000;

/** Observation levels, checks, missed checks and handovers (docs/observations.md). */
export function observationsService(deps: { db: Kysely<DB>; clock: Clock }) {
  const { db, clock } = deps;
  const repo = observationsRepository(db);
  const prisoners = prisonerQueries(db);
  const facilities = facilityQueries(db);
  const levels = observationLevelsCatalogue(db);

  const zones = async (facilityIds: readonly string[], trx: Db) => {
    const rows = facilityIds.length ? await trx.selectFrom('facilities').select(['id', 'time_zone']).where('id', 'in', [...new Set(facilityIds)]).execute() : [];
    return new Map(rows.map((r) => [r.id, r.time_zone]));
  };

  /** Places, staff names and each facility's today, read once for a batch of rows. */
  async function lookups(facilityIds: readonly string[], usernames: readonly string[], trx: Db = db): Promise<Lookups> {
    const now = clock.now();
    const [places, staff, zone] = await Promise.all([repo.places([...new Set(facilityIds)], trx), repo.staff(usernames, trx), zones(facilityIds, trx)]);
    return {
      places: new Map(places.map((p) => [p.id, p])),
      staff: new Map(staff.map((s) => [s.username, s])),
      now,
      today: (facilityId) => localDay(now, zone.get(facilityId) ?? 'UTC'),
    };
  }

  const levelUsers = (rows: LevelRow[]) => rows.flatMap((r) => [r.set_by, ...(r.watcher ? [r.watcher] : [])]);
  async function presentLevels(rows: LevelRow[], trx: Db = db) {
    const l = await lookups(rows.map((r) => r.facility_id), levelUsers(rows), trx);
    return rows.map((r) => presentLevel(r, l));
  }

  async function visibleFacility(ctx: RequestContext, facilityId: string) {
    const facility = await facilities.find(ctx.actor, facilityId);
    if (!facility) throw Problem.at('not-found', 'facilityId');
    return facility;
  }

  async function levelInForce(code: string, today: CalendarDate, trx: Db, path: string) {
    const entry = await levels.find(code, today, trx);
    if (!entry || !entry.data.active) throw Problem.at('observation-level-unknown', path);
    return entry;
  }

  /**
   * Records the due times of a timed level that passed with no check, up to `upTo` and before
   * `before` (a late check's own due time): one row per due time, each audited as the system and
   * published as `observation.check-missed` by whoever inserted it first. Inside the caller's
   * transaction, with the level locked, so a check and a sweep never both decide.
   */
  async function recordMissed(trx: Transaction<DB>, level: { id: string; facility_id: string; prisoner_id: string; interval_minutes: number | null; schedule_from: Date; last_check_at: Date | null }, upTo: Date, before?: Date) {
    if (level.interval_minutes === null) return 0;
    const anchor = anchorOf(level.schedule_from, level.last_check_at);
    const dues = passedDueTimes(anchor, level.interval_minutes, upTo).filter((d) => !before || d < before);
    const inserted = await repo.insertMissed(
      trx,
      dues.map((due_at) => ({ level_id: level.id, facility_id: level.facility_id, prisoner_id: level.prisoner_id, due_at, recorded_at: clock.now() })),
    );
    const system = systemContext('observations');
    for (const m of inserted) {
      const dueAt = m.due_at.toISOString();
      await appendAudit(trx, system, { action: 'observation.check-missed', entityType: 'observation-level', entityId: level.id, facilityId: level.facility_id, after: { missedId: m.id, dueAt } });
      await publish(trx, { type: 'observation.check-missed', entityId: level.id, facilityId: level.facility_id, payload: { levelId: level.id, prisonerId: level.prisoner_id, dueAt } });
    }
    return inserted.length;
  }

  /** The level locked within the actor's scope, then read whole. */
  async function lockLevel(ctx: RequestContext, id: string, trx: Transaction<DB>) {
    if (!(await repo.lock(ctx.actor, id, trx))) return undefined;
    return repo.level(null, id, trx);
  }

  return {
    levelTypes: async (): Promise<{ items: ObservationLevelType[] }> => ({
      items: (await levels.inForce(localDay(clock.now(), 'UTC'))).filter((e) => e.data.active).map((e) => ({ ...e.data, code: e.code, version: e.version })),
    }),

    /** The wing board: everyone on observation in a facility, with the window of their next check. */
    async board(ctx: RequestContext, facilityId: string) {
      await visibleFacility(ctx, facilityId);
      const rows = await repo.levels(ctx.actor, { facilityId, activeOnly: true });
      return { items: await presentLevels(rows), asOf: clock.now().toISOString() };
    },

    /** A prisoner's observation: current level, history, recent checks, misses and handovers (the read is audited). */
    async ofPrisoner(ctx: RequestContext, prisonerId: string): Promise<PrisonerObservation> {
      const prisoner = await prisoners.find(ctx.actor, prisonerId);
      if (!prisoner) throw new Problem('not-found');
      const rows = await repo.levels(ctx.actor, { prisonerId });
      const ids = rows.map((r) => r.id);
      const current = rows.find((r) => r.status === 'active') ?? null;
      const [events, checks, missed, handovers] = await Promise.all([
        repo.events(ids),
        repo.checks(ctx.actor, { prisonerId, limit: 100 }),
        repo.missed(ctx.actor, { prisonerId, limit: 100 }),
        current ? repo.handovers([current.id]) : Promise.resolve([]),
      ]);
      const l = await lookups([prisoner.facility_id], [...levelUsers(rows), ...events.map((e) => e.by_username), ...checks.map((c) => c.checked_by), ...handovers.map((h) => h.watcher)]);
      const result: PrisonerObservation = {
        current: current && presentLevel(current, l),
        history: events.map((e) => ({ levelId: e.level_id, kind: e.kind as PrisonerObservation['history'][number]['kind'], level: { code: e.level_code, names: levelNames(e.level_data), intervalMinutes: ObservationLevelTypeData.parse(e.level_data).intervalMinutes }, reason: e.reason, reviewOn: e.review_on, at: e.at.toISOString(), by: staffOf(e.by_username, l) })),
        checks: checks.map((c) => presentCheck(c, l)),
        missed: missed.map((m) => presentMissed(m, l)),
        handovers: handovers.map((h) => ({ id: h.id, levelId: h.level_id, watcher: staffOf(h.watcher, l), at: h.at.toISOString(), note: h.note })),
      };
      await auditRead(db, ctx, { action: 'prisoner.observations-viewed', entityType: 'prisoner', entityId: prisonerId, facilityId: prisoner.facility_id, after: { levelIds: ids } });
      return result;
    },

    /** Puts a prisoner on observation at a level, with the reason and the review date. */
    set(ctx: RequestContext, body: SetBody): Promise<ObservationLevel> {
      return runWrite(db, ctx, async (w) => {
        const prisoner = await prisoners.findForUpdate(ctx.actor, body.prisonerId, w.trx);
        if (!prisoner) throw Problem.at('not-found', 'prisonerId');
        if (prisoner.state !== 'in-custody' && prisoner.state !== 'temporarily-absent') throw Problem.at('observation-prisoner-not-present', 'prisonerId');
        if (await repo.activeOf(prisoner.id, w.trx)) throw Problem.at('observation-already-active', 'prisonerId');
        const now = clock.now();
        const today = localDay(now, (await zones([prisoner.facility_id], w.trx)).get(prisoner.facility_id)!);
        const dateProblem = reviewDateProblem(body.reviewOn, today);
        if (dateProblem) throw Problem.at(dateProblem, 'reviewOn');
        const startedAt = body.startAt ? new Date(body.startAt) : now;
        const badStart = startProblem(startedAt, now);
        if (badStart) throw Problem.at(badStart, 'startAt');
        const entry = await levelInForce(body.level, today, w.trx, 'level');
        const start = startedAt > now ? now : startedAt;
        const view = await w.create({
          insert: async (trx) => {
            const { id } = await repo.insertLevel(trx, {
              facility_id: prisoner.facility_id,
              prisoner_id: prisoner.id,
              level_code: entry.code,
              level_entry_id: entry.id,
              interval_minutes: entry.data.intervalMinutes,
              reason: body.reason,
              review_on: body.reviewOn,
              started_at: start,
              schedule_from: start,
              set_by: ctx.actor.username,
            });
            await repo.insertEvent(trx, { level_id: id, kind: 'set', level_code: entry.code, level_entry_id: entry.id, reason: body.reason, review_on: body.reviewOn, at: now, by_username: ctx.actor.username });
            return (await repo.level(null, id, trx))!;
          },
          present: async (row, trx) => (await presentLevels([row], trx))[0]!,
          audit: (row) => ({ action: 'observation.level-set', entityType: 'observation-level', entityId: row.id, facilityId: row.facility_id }),
        });
        await w.publish({ type: 'observation.level-set', entityId: view.id, facilityId: view.facilityId, payload: { levelId: view.id, prisonerId: prisoner.id, level: entry.code } });
        // Started in the past: the due times already gone by are missed checks, recorded now.
        const row = (await repo.level(null, view.id, w.trx))!;
        if (await recordMissed(w.trx, row, now)) return (await presentLevels([(await repo.level(null, view.id, w.trx))!], w.trx))[0]!;
        return view;
      });
    },

    /** A review: continue (with the next review date), change the level, or end observation. */
    review(ctx: RequestContext, id: string, body: ReviewBody): Promise<ObservationLevel> {
      const incomplete = reviewProblem(body);
      if (incomplete) throw Problem.at(incomplete, body.outcome === 'change' && !body.level ? 'level' : 'reviewOn');
      return runWrite(db, ctx, async (w) => {
        const now = clock.now();
        let entryUsed: { id: string; code: string; intervalMinutes: number | null } | null = null;
        const view = await w.update<LevelRow, ObservationLevel>({
          lock: (trx) => lockLevel(ctx, id, trx),
          expectedVersion: body.version,
          async check(row, trx) {
            if (row.status === 'ended') throw new Problem('observation-ended');
            const today = localDay(now, (await zones([row.facility_id], trx)).get(row.facility_id)!);
            if (body.reviewOn) {
              const p = reviewDateProblem(body.reviewOn, today);
              if (p) throw Problem.at(p, 'reviewOn');
            }
            if (body.outcome === 'change') {
              const e = await levelInForce(body.level!, today, trx, 'level');
              entryUsed = { id: e.id, code: e.code, intervalMinutes: e.data.intervalMinutes };
            }
            // What was missed on the old schedule stays missed: recorded before the schedule changes.
            await recordMissed(trx, row, now);
          },
          async apply(trx, row) {
            const changes =
              body.outcome === 'end'
                ? { status: 'ended' as const, ended_at: now }
                : body.outcome === 'change' && entryUsed
                  ? { level_code: entryUsed.code, level_entry_id: entryUsed.id, interval_minutes: entryUsed.intervalMinutes, reason: body.reason, review_on: body.reviewOn!, schedule_from: now }
                  : { reason: body.reason, review_on: body.reviewOn! };
            if (!(await repo.updateLevel(trx, id, row.version, changes))) return undefined;
            const after = (await repo.level(null, id, trx))!;
            await repo.insertEvent(trx, { level_id: id, kind: body.outcome === 'continue' ? 'continued' : body.outcome === 'change' ? 'changed' : 'ended', level_code: after.level_code, level_entry_id: after.level_entry_id, reason: body.reason, review_on: body.outcome === 'end' ? null : body.reviewOn!, at: now, by_username: ctx.actor.username });
            return after;
          },
          present: async (row, trx) => (await presentLevels([row], trx))[0]!,
          audit: (row) => ({ action: body.outcome === 'continue' ? 'observation.level-continued' : body.outcome === 'change' ? 'observation.level-changed' : 'observation.level-ended', entityType: 'observation-level', entityId: id, facilityId: row.facility_id }),
        });
        await w.publish({ type: 'observation.level-set', entityId: id, facilityId: view.facilityId, payload: { levelId: id, prisonerId: view.prisoner.id, level: view.status === 'ended' ? 'ended' : view.level.code } });
        return view;
      });
    },

    /**
     * A check recorded on the tablet: now, by the signed-in officer, with what the prisoner was
     * doing and the sign of life. Late when after its due time (the minutes kept); due times missed
     * before it are recorded as missed if the sweeper has not yet.
     */
    check(ctx: RequestContext, id: string, body: CheckBody) {
      return runWrite(db, ctx, async (w) => {
        const level = await lockLevel(ctx, id, w.trx);
        if (!level) throw new Problem('not-found');
        if (level.status === 'ended') throw new Problem('observation-ended');
        if (level.interval_minutes === null) throw new Problem('observation-constant-no-checks');
        const now = clock.now();
        const c = classifyCheck(anchorOf(level.schedule_from, level.last_check_at), level.interval_minutes, now);
        await recordMissed(w.trx, level, now, c.dueAt);
        const view = await w.create({
          insert: async (trx) => {
            const { id: checkId } = await repo.insertCheck(trx, {
              level_id: id,
              facility_id: level.facility_id,
              prisoner_id: level.prisoner_id,
              checked_at: now,
              checked_by: ctx.actor.username,
              activity: body.activity,
              sign_of_life: body.signOfLife,
              note: body.note ?? null,
              due_at: c.dueAt,
              minutes_late: c.minutesLate,
            });
            if (c.late) await repo.answerMissed(trx, { level_id: id, facility_id: level.facility_id, prisoner_id: level.prisoner_id, due_at: c.dueAt, recorded_at: now }, checkId);
            return (await repo.checks(ctx.actor, { id: checkId }, trx))[0]!;
          },
          present: async (row, trx) => presentCheck(row, await lookups([row.facility_id], [row.checked_by], trx)),
          audit: (row) => ({ action: 'observation.checked', entityType: 'observation-level', entityId: id, facilityId: row.facility_id }),
        });
        await w.publish({ type: 'observation.checked', entityId: id, facilityId: level.facility_id, payload: { checkId: view.id, levelId: id, prisonerId: level.prisoner_id, late: view.late } });
        return view;
      });
    },

    /** Constant observation: the signed-in officer takes over the watch. */
    handover(ctx: RequestContext, id: string, body: HandoverBody) {
      return runWrite(db, ctx, async (w) => {
        const level = await lockLevel(ctx, id, w.trx);
        if (!level) throw new Problem('not-found');
        if (level.status === 'ended') throw new Problem('observation-ended');
        if (level.interval_minutes !== null) throw new Problem('observation-not-constant');
        const at = clock.now();
        const { id: handoverId } = await repo.insertHandover(w.trx, { level_id: id, watcher: ctx.actor.username, at, note: body.note ?? null });
        const l = await lookups([level.facility_id], [ctx.actor.username], w.trx);
        const view = { id: handoverId, levelId: id, watcher: staffOf(ctx.actor.username, l), at: at.toISOString(), note: body.note ?? null };
        await w.audit({ action: 'observation.handover', entityType: 'observation-level', entityId: id, facilityId: level.facility_id, after: view });
        return view;
      });
    },

    /** What supervisors watch: checks overdue now, missed and late checks of the last 24 hours. */
    async supervision(ctx: RequestContext, facilityId: string): Promise<ObservationSupervision> {
      await visibleFacility(ctx, facilityId);
      const now = clock.now();
      const since = new Date(now.getTime() - 24 * HOUR);
      const [rows, missed, late] = await Promise.all([repo.levels(ctx.actor, { facilityId, activeOnly: true }), repo.missed(ctx.actor, { facilityId, since }), repo.checks(ctx.actor, { facilityId, since, lateOnly: true })]);
      const l = await lookups([facilityId], [...levelUsers(rows), ...late.map((c) => c.checked_by)]);
      return {
        asOf: now.toISOString(),
        overdue: rows.map((r) => presentLevel(r, l)).filter((v) => v.overdue),
        missed: missed.map((m) => presentMissed(m, l)),
        late: late.map((c) => presentCheck(c, l)),
      };
    },

    /** Checks on time, late and missed per wing over the last days (a prisoner counts on the wing they are on now). */
    async compliance(ctx: RequestContext, facilityId: string, days: number): Promise<ObservationCompliance> {
      await visibleFacility(ctx, facilityId);
      const to = clock.now();
      const from = new Date(to.getTime() - days * 24 * HOUR);
      const rows = await repo.compliance(facilityId, from, to);
      const l = await lookups([facilityId], []);
      const byWing = new Map<string, ComplianceRow>();
      const total: ComplianceRow = { wing: null, onTime: 0, late: 0, missed: 0, onTimeRate: null };
      for (const r of rows) {
        const wing = wingOf(r.current_location_id, l.places);
        const key = wing?.id ?? '';
        const row = byWing.get(key) ?? { wing: wing && { id: wing.id, code: wing.code, name: wing.name }, onTime: 0, late: 0, missed: 0, onTimeRate: null };
        row.onTime += r.on_time;
        row.late += r.late;
        row.missed += r.missed;
        byWing.set(key, row);
        total.onTime += r.on_time;
        total.late += r.late;
        total.missed += r.missed;
      }
      const rate = (r: ComplianceRow) => ({ ...r, onTimeRate: onTimeRate(r.onTime, r.late, r.missed) });
      const wings = [...byWing.values()].map(rate).sort((a, b) => (a.wing?.code ?? '~').localeCompare(b.wing?.code ?? '~'));
      return { from: from.toISOString(), to: to.toISOString(), wings, total: rate(total) };
    },

    /**
     * One sweep: every active timed level's due times passed with no check are recorded as missed
     * and published (one row per level and due time, so two server processes record each once).
     * Each level in its own short transaction, the level locked as a check locks it.
     */
    async sweep(): Promise<number> {
      const now = clock.now();
      let recorded = 0;
      for (const candidate of await repo.activeTimed()) {
        if (passedDueTimes(anchorOf(candidate.schedule_from, candidate.last_check_at), candidate.interval_minutes, now).length === 0) continue;
        recorded += await db.transaction().execute(async (trx) => {
          const locked = await trx.selectFrom('observation_levels').select('status').where('id', '=', candidate.id).forUpdate().executeTakeFirst();
          if (locked?.status !== 'active') return 0;
          const fresh = (await repo.level(null, candidate.id, trx))!;
          return recordMissed(trx, fresh, now);
        });
      }
      return recorded;
    },
  };
}
export type ObservationsService = ReturnType<typeof observationsService>;

/**
 * The sweeper: runs `sweep` every `everyMs` while the app serves (the module's start hook), never
 * two sweeps at once in a process; stopped when the app closes.
 */
export function observationSweeper(service: Pick<ObservationsService, 'sweep'>, log: (err: unknown) => void = () => {}, everyMs = 15_000) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = service
      .sweep()
      .catch(log)
      .finally(() => (running = null));
  };
  return {
    start() {
      if (timer) return;
      tick();
      timer = setInterval(tick, everyMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
