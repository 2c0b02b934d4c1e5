import type { ObservationActivity, SignOfLife } from '@vigil/contracts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { addDays, localDay } from '../../platform/time/calendar.ts';
import { inChunks, type DemoContext } from '../demo/demo-context.ts';
import { DEMO_TIME_ZONE } from '../demo/demo.plan.ts';
import { seededRandom, type Random } from '../demo/random.ts';
import { classifyCheck, passedDueTimes } from './observations.rules.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface DemoLevel {
  code: 'quarter-hourly' | 'half-hourly' | 'hourly' | 'constant';
  interval: number | null;
  hoursAgo: number;
  reason: string;
  /** Chances per check of a late one, and of one missed altogether (then made late). */
  late: number;
  missed: number;
  /** A level stepped down from 15 minutes at a review this many hours ago. */
  changedHoursAgo?: number;
}

/** Who is on observation in each demo facility, and why (reasons as staff write them, in Russian). */
const LEVELS: DemoLevel[] = [
  { code: 'quarter-hourly', interval: 15, hoursAgo: 30, reason: 'Высказывал мысли о самоповреждении после плохих новостей из дома; направлен к психологу.', late: 0.08, missed: 0.03 },
  { code: 'half-hourly', interval: 30, hoursAgo: 40, reason: 'Недавно прибыл, высокий уровень риска; проверки каждые 30 минут в нерегулярном порядке.', late: 0.06, missed: 0.02 },
  { code: 'hourly', interval: 60, hoursAgo: 44, reason: 'Переведён с 15-минутного наблюдения после пересмотра: настроение стабилизировалось.', late: 0.05, missed: 0.02, changedHoursAgo: 20 },
  { code: 'constant', interval: null, hoursAgo: 10, reason: 'Попытка самоповреждения; постоянное наблюдение до осмотра психиатром.', late: 0, missed: 0 },
];

const ACTIVITIES: ObservationActivity[] = ['asleep', 'asleep', 'lying-awake', 'sitting', 'sitting', 'reading', 'eating', 'talking', 'walking', 'praying'];
const SIGNS: Record<ObservationActivity, SignOfLife> = {
  asleep: 'breathing',
  'lying-awake': 'movement',
  sitting: 'movement',
  standing: 'movement',
  walking: 'movement',
  eating: 'movement',
  reading: 'movement',
  washing: 'movement',
  talking: 'speech',
  praying: 'movement',
  agitated: 'speech',
  distressed: 'response',
  other: 'response',
};

/** The next check after `anchor`: mostly varied inside the window, sometimes late, rarely a whole window missed. */
function nextCheckAt(anchor: Date, interval: number, level: DemoLevel, random: Random) {
  const r = random.next();
  if (r < level.missed) return new Date(anchor.getTime() + (2 * interval + random.int(2, 9)) * MINUTE);
  if (r < level.missed + level.late) return new Date(anchor.getTime() + (interval + random.int(1, 12)) * MINUTE);
  return new Date(anchor.getTime() + random.int(Math.round(interval * 0.35), interval - 1) * MINUTE);
}

/**
 * A few prisoners on observation in each demo facility, with their history of checks: mostly on
 * time at irregular intervals, some late, a few missed (recorded as the sweeper would have). "Now"
 * is 28 minutes after the newest admission of the plan (the seed's own clock), so the same seed gives the same rows;
 * the sweeper records what is missed after that once the server runs. Draws from its own stream.
 */
export async function seedDemoObservations({ trx, ctx, plan, prisoners, ids }: DemoContext) {
  const random = seededRandom(0x0b5e);
  // The newest arrival came at least 30 minutes before the seed ran (demo.prisoners.ts): the
  // history runs up to 28 minutes after it, so it ends just before the seed's own "now".
  const now = new Date(prisoners.reduce((max, p) => (p.admittedAt > max ? p.admittedAt : max), new Date(0)).getTime() + 28 * MINUTE);
  const today = localDay(now, DEMO_TIME_ZONE);
  const entries = new Map((await trx.selectFrom('catalogue_entries').select(['id', 'code']).where('catalogue', '=', 'observation-levels').where('version', '=', 1).execute()).map((e) => [e.code, e.id]));

  for (const facility of plan.facilities) {
    const facilityId = ids.facilities.get(facility.code);
    const officers = plan.users.filter((u) => u.facilityCodes.includes(facility.code) && u.roles.some((r) => r === 'officer' || r === 'senior_officer')).map((u) => u.username);
    const setters = plan.users.filter((u) => u.facilityCodes.includes(facility.code) && u.roles.some((r) => r === 'senior_officer' || r === 'psychologist')).map((u) => u.username);
    if (officers.length === 0 || setters.length === 0) continue;
    // Prisoners held in a cell for longer than observation has run.
    const held = prisoners.filter((p) => p.facilityCode === facility.code && p.state === 'in-custody' && p.stays.some((s) => s.path && !s.to) && p.admittedAt.getTime() < now.getTime() - 48 * HOUR);
    let checks = 0;
    let missedCount = 0;

    for (const [i, level] of LEVELS.entries()) {
      const prisoner = held[i * 7];
      if (!prisoner) break;
      const prisonerId = ids.prisoners.get(prisoner.prisonNumber);
      const startedAt = new Date(now.getTime() - level.hoursAgo * HOUR);
      const setBy = random.pick(setters);
      const firstCode = level.changedHoursAgo ? 'quarter-hourly' : level.code;
      const scheduleFrom = level.changedHoursAgo ? new Date(now.getTime() - level.changedHoursAgo * HOUR) : startedAt;
      const row = await trx
        .insertInto('observation_levels')
        .values({
          facility_id: facilityId,
          prisoner_id: prisonerId,
          level_code: level.code,
          level_entry_id: entries.get(level.code)!,
          interval_minutes: level.interval,
          reason: level.reason,
          review_on: addDays(today, 1 + (i % 3)),
          started_at: startedAt,
          schedule_from: scheduleFrom,
          set_by: setBy,
          version: level.changedHoursAgo ? 2 : 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('observation_level_events')
        .values({ level_id: row.id, kind: 'set', level_code: firstCode, level_entry_id: entries.get(firstCode)!, reason: level.changedHoursAgo ? LEVELS[0]!.reason : level.reason, review_on: localDay(new Date(startedAt.getTime() + 24 * HOUR), DEMO_TIME_ZONE), at: startedAt, by_username: setBy })
        .execute();
      if (level.changedHoursAgo) {
        await trx.insertInto('observation_level_events').values({ level_id: row.id, kind: 'changed', level_code: level.code, level_entry_id: entries.get(level.code)!, reason: level.reason, review_on: addDays(today, 2), at: scheduleFrom, by_username: random.pick(setters) }).execute();
      }

      if (level.interval === null) {
        // Constant watch: the watching officer handed over every few hours.
        const handovers = [];
        for (let at = startedAt.getTime(); at < now.getTime(); at += random.int(2, 4) * HOUR) handovers.push({ level_id: row.id, watcher: random.pick(officers), at: new Date(at), note: null });
        await inChunks(handovers, (chunk) => trx.insertInto('observation_handovers').values(chunk).execute());
        continue;
      }

      // The checks of the 15-minute watch before the change, then of the current level.
      const segments: [Date, number, Date][] = level.changedHoursAgo ? [[startedAt, 15, scheduleFrom], [scheduleFrom, level.interval, now]] : [[startedAt, level.interval, now]];
      for (const [from, interval, until] of segments) {
        let anchor = from;
        for (;;) {
          const at = nextCheckAt(anchor, interval, level, random);
          if (at.getTime() > until.getTime() - 2 * MINUTE) break;
          const c = classifyCheck(anchor, interval, at);
          const activity = random.pick(ACTIVITIES);
          const check = await trx
            .insertInto('observation_checks')
            .values({ level_id: row.id, facility_id: facilityId, prisoner_id: prisonerId, checked_at: at, checked_by: random.pick(officers), activity, sign_of_life: SIGNS[activity], note: null, due_at: c.dueAt, minutes_late: c.minutesLate })
            .returning('id')
            .executeTakeFirstOrThrow();
          checks++;
          // What the sweeper recorded meanwhile: each due time passed, the last answered by this late check.
          const passed = passedDueTimes(anchor, interval, at);
          if (passed.length) {
            await trx
              .insertInto('observation_missed')
              .values(passed.map((due_at) => ({ level_id: row.id, facility_id: facilityId, prisoner_id: prisonerId, due_at, recorded_at: new Date(due_at.getTime() + 10_000), answered_by: due_at.getTime() === c.dueAt.getTime() ? check.id : null })))
              .execute();
            missedCount += passed.length;
          }
          anchor = at;
        }
      }
    }
    await appendAudit(trx, ctx, { action: 'demo.observations-seeded', entityType: 'facility', entityId: facilityId, facilityId, after: { levels: LEVELS.length, checks, missed: missedCount } });
  }
}
