import type { Insertable } from 'kysely';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema.ts';
import { addDays, localDay } from '../../platform/time/calendar.ts';
import { DEMO_TIME_ZONE } from '../demo/demo.plan.ts';
import { inChunks, type DemoContext } from '../demo/demo-context.ts';
import { seededRandom } from '../demo/random.ts';

const REGIME_WINDOWS = [
  { start: '08:00', end: '12:00' },
  { start: '14:00', end: '18:00' },
];
const KEEP_APART_REASONS = [
  { source: 'intelligence', reason: 'Оперативные данные: угрозы расправой после конфликта в СИЗО' },
  { source: 'incident', reason: 'Драка в прогулочном дворе, обоюдные телесные повреждения' },
  { source: 'victim-perpetrator', reason: 'Потерпевший и обвиняемый по одному уголовному делу' },
  { source: 'court-order', reason: 'Постановление следователя о раздельном содержании соучастников' },
  { source: 'gang', reason: 'Члены враждующих группировок' },
] as const;

/** An instant at a facility-clock time on a day (Dushanbe is UTC+5 all year). */
const at = (day: string, time: string) => new Date(`${day}T${time}:00+05:00`);

/**
 * The demo's movement control: zones on the yards, the medical unit, visits and workshops with
 * regime times, keep-apart pairs and a group, a week of movements (exercise, work, visits,
 * healthcare) and today's board with some out now (one overdue) and some still to go. The plan's
 * "now" is its latest admission; draws from a stream of its own.
 */
export async function seedDemoMovementControl({ trx, ctx, plan, prisoners, ids }: DemoContext) {
  const random = seededRandom(0x30e7);
  const now = new Date(Math.max(...prisoners.flatMap((p) => [p.admittedAt.getTime(), ...p.stays.map((s) => s.from.getTime())])));
  const today = localDay(now, DEMO_TIME_ZONE);
  const by = ctx.actor.username;

  for (const facility of plan.facilities) {
    const facilityId = ids.facilities.get(facility.code);
    const places = await trx.selectFrom('locations').select(['id', 'kind', 'code']).where('facility_id', '=', facilityId).where('kind', 'in', ['yard', 'healthcare', 'visits-hall', 'workshop']).orderBy('code').orderBy('id').execute();
    const held = await trx
      .selectFrom('prisoners')
      .select(['id', 'current_location_id'])
      .where('facility_id', '=', facilityId)
      .where('state', '=', 'in-custody')
      .where('current_location_id', 'is not', null)
      .orderBy('prison_number')
      .execute();
    if (places.length === 0 || held.length < 8) continue;

    const zones: Insertable<DB['movement_zones']>[] = places.map((p) => ({
      facility_id: facilityId,
      location_id: p.id,
      open_windows: JSON.stringify(p.kind === 'healthcare' ? [{ start: '08:00', end: '17:00' }] : p.kind === 'visits-hall' ? [{ start: '09:00', end: '17:00' }] : REGIME_WINDOWS),
      escorted_only: p.kind === 'healthcare' || p.kind === 'visits-hall',
      barred_alert_codes: p.kind === 'workshop' ? ['escape-risk'] : [],
      barred_categories: p.kind === 'workshop' ? ['maximum'] : [],
      note: p.kind === 'yard' ? 'Mandela Rule 23: a daily hour outdoors' : null,
      created_by: by,
    }));
    await trx.insertInto('movement_zones').values(zones).execute();

    // Keep-apart: four pairs and a group of three, from the people held here.
    const pool = [...held];
    const take = () => pool.splice(random.int(0, pool.length - 1), 1)[0]!;
    const kept = new Set<string>();
    for (let g = 0; g < 5 && pool.length >= 3; g++) {
      const members = Array.from({ length: g === 4 ? 3 : 2 }, take);
      const why = KEEP_APART_REASONS[g % KEEP_APART_REASONS.length]!;
      const group = await trx
        .insertInto('keep_apart_groups')
        .values({ facility_id: facilityId, reason: why.reason, source: why.source, starts_on: addDays(today, -random.int(5, 120)), ends_on: null, created_by: by })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('keep_apart_members')
        .values(members.map((m) => ({ group_id: group.id, prisoner_id: m.id })))
        .execute();
      members.forEach((m) => kept.add(m.id));
    }

    // A week of movements, all back; then today's.
    const yards = places.filter((p) => p.kind === 'yard');
    const others = places.filter((p) => p.kind !== 'yard');
    const purposeOf = (kind: string) => (kind === 'healthcare' ? 'healthcare' : kind === 'visits-hall' ? 'visit' : kind === 'workshop' ? 'work' : 'exercise');
    const rows: Insertable<DB['internal_movements']>[] = [];
    const free = held.filter((p) => !kept.has(p.id));
    const move = (p: (typeof held)[number], place: (typeof places)[number], day: string, from: string, to: string, status: 'planned' | 'out' | 'back', outLate = 0) => {
      const start = at(day, from);
      const end = at(day, to);
      rows.push({
        facility_id: facilityId,
        prisoner_id: p.id,
        purpose: purposeOf(place.kind),
        from_location_id: p.current_location_id,
        to_location_id: place.id,
        planned_start: start,
        planned_end: end,
        status,
        escort: place.kind === 'healthcare' || place.kind === 'visits-hall' ? 'Мл. инспектор Рахимов' : null,
        out_at: status === 'planned' ? null : new Date(start.getTime() + random.int(0, 5) * 60_000),
        back_at: status === 'back' ? new Date(end.getTime() + outLate * 60_000) : null,
        planned_by: by,
        out_by: status === 'planned' ? null : by,
        back_by: status === 'back' ? by : null,
      });
    };
    for (let d = 7; d >= 1; d--) {
      const day = addDays(today, -d);
      for (const p of free) {
        if (random.chance(0.15)) move(p, random.pick(yards.length ? yards : places), day, '09:00', '10:00', 'back', random.int(0, 10));
        else if (random.chance(0.03) && others.length) move(p, random.pick(others), day, '14:00', '15:00', 'back', random.int(0, 20));
      }
    }
    // Today: on the facility's clock around the plan's "now": some out, one overdue, some to go.
    const clock = (offsetMinutes: number) => {
      const t = new Date(now.getTime() + offsetMinutes * 60_000);
      const local = new Date(t.getTime() + 5 * 3_600_000).toISOString();
      return { day: local.slice(0, 10), time: local.slice(11, 16) };
    };
    const slot = (fromMin: number, toMin: number) => {
      const a = clock(fromMin);
      const b = clock(toMin);
      if (a.day === b.day) return { day: a.day, from: a.time, to: b.time };
      // Across midnight on the facility's clock: from midnight (a movement stays on one day).
      return b.time > '00:00' ? { day: b.day, from: '00:00', to: b.time } : null;
    };
    const todays = free.slice(0, 12);
    todays.forEach((p, i) => {
      const place = i % 4 === 3 && others.length ? others[i % others.length]! : (yards[i % Math.max(1, yards.length)] ?? places[0]!);
      const s = i === 0 ? slot(-90, -20) : i < 6 ? slot(-30, 30) : slot(60 + i * 10, 120 + i * 10);
      if (s) move(p, place, s.day, s.from, s.to, i < 6 ? 'out' : 'planned');
    });
    await inChunks(rows, (chunk) => trx.insertInto('internal_movements').values(chunk).execute());
    await appendAudit(trx, ctx, { action: 'demo.movement-control-seeded', entityType: 'facility', entityId: facilityId, facilityId, after: { zones: zones.length, keepApartGroups: 5, movements: rows.length } });
  }
}
