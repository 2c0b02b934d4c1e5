import type { Insertable } from 'kysely';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema.ts';
import { addDays, localDay } from '../../platform/time/calendar.ts';
import { DEMO_TIME_ZONE } from '../demo/demo.plan.ts';
import { inChunks, type DemoContext } from '../demo/demo-context.ts';
import { seededRandom } from '../demo/random.ts';

const DAYS = 21;
const REFUSALS = ['Плохое самочувствие', 'Отказался без объяснения причин', 'Голодовка: жалоба на отказ в свидании', 'Религиозный пост', 'Ждал адвоката'];

/**
 * Three weeks of daily regime records for everyone held in custody (not today: the sheet is the
 * officers' to fill). Most days an hour outdoors offered and taken, meals taken, a shower twice a
 * week; a few refusals with reasons; a few people without their hour on the last days (a short-
 * staffed wing), so the governor's Rule 23 monitor has something to show. Own random stream.
 */
export async function seedDemoRegime({ trx, ctx, plan, prisoners, ids }: DemoContext) {
  const random = seededRandom(0x4e61);
  const now = new Date(Math.max(...prisoners.flatMap((p) => [p.admittedAt.getTime(), ...p.stays.map((s) => s.from.getTime())])));
  const today = localDay(now, DEMO_TIME_ZONE);
  const by = ctx.actor.username;

  for (const facility of plan.facilities) {
    const facilityId = ids.facilities.get(facility.code);
    // Everyone held there now, as the database has them (reception's arrivals included).
    const held = await trx.selectFrom('prisoners').select(['id', 'admitted_at']).where('facility_id', '=', facilityId).where('state', '=', 'in-custody').orderBy('prison_number').execute();
    const rows: Insertable<DB['regime_days']>[] = [];
    for (const p of held) {
      const admitted = localDay(p.admitted_at, DEMO_TIME_ZONE);
      const shortStaffed = random.chance(0.03) ? random.int(2, 5) : 0;
      const showerDay = random.int(0, 3);
      for (let d = DAYS; d >= 1; d--) {
        const day = addDays(today, -d);
        if (day < admitted) continue;
        const offered = d <= shortStaffed ? random.pick([0, 30, 40]) : random.chance(0.04) ? 45 : 60;
        const refusesExercise = offered > 0 && random.chance(0.06);
        const refusesMeal = random.chance(0.02);
        const refusesShower = random.chance(0.02);
        const shower = (d + showerDay) % 3 === 0 ? (refusesShower ? 'refused' : 'taken') : 'not-offered';
        const refused = refusesExercise || refusesMeal || shower === 'refused';
        rows.push({
          facility_id: facilityId,
          prisoner_id: p.id,
          on_date: day,
          exercise_offered_minutes: offered,
          exercise_taken_minutes: refusesExercise ? 0 : offered === 0 ? 0 : random.chance(0.15) ? Math.min(offered, random.pick([20, 30, 40])) : offered,
          breakfast: 'taken',
          lunch: refusesMeal ? 'refused' : 'taken',
          supper: 'taken',
          shower,
          refusal_reason: refused ? random.pick(REFUSALS) : null,
          recorded_by: by,
          recorded_at: new Date(`${day}T19:00:00+05:00`),
        });
      }
    }
    await inChunks(rows, (chunk) => trx.insertInto('regime_days').values(chunk).execute());
    await appendAudit(trx, ctx, { action: 'demo.regime-seeded', entityType: 'facility', entityId: facilityId, facilityId, after: { prisoners: held.length, days: DAYS, records: rows.length } });
  }
}
