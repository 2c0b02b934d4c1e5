import type { CalendarDate, EligibilityRule, ProgrammeKind, SessionSlot } from '@vigil/contracts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { addDays, ageOn } from '../../platform/time/calendar.ts';
import { inChunks, type DemoContext } from '../demo/demo-context.ts';
import { seededRandom } from '../demo/random.ts';
import { eligibility, occurrences } from './programmes.rules.ts';

interface DemoProgramme {
  kind: ProgrammeKind;
  names: [en: string, ru: string, tg: string];
  capacity: number;
  /** How full it is: the share of its places taken, and how many wait. */
  fill: number;
  waiting: number;
  hoursPerWeek: number | null;
  sessions: SessionSlot[];
  eligibility: EligibilityRule[];
}

const slot = (weekday: number, start: string, end: string): SessionSlot => ({ weekday, start, end });
const convicted: EligibilityRule = { kind: 'legal-status', status: 'convicted' };

/** The same catalogue in every demo facility; the wood workshop keeps free places for the journey. */
const CATALOGUE: DemoProgramme[] = [
  { kind: 'vocational', names: ['Wood workshop', 'Столярная мастерская', 'Устохонаи дуредгарӣ'], capacity: 12, fill: 0.6, waiting: 0, hoursPerWeek: 9, sessions: [slot(1, '09:00', '12:00'), slot(3, '09:00', '12:00'), slot(5, '09:00', '12:00')], eligibility: [convicted, { kind: 'max-security', category: 'high' }] },
  { kind: 'vocational', names: ['Metal workshop', 'Слесарная мастерская', 'Устохонаи челонгарӣ'], capacity: 8, fill: 1, waiting: 3, hoursPerWeek: 6, sessions: [slot(2, '09:00', '12:00'), slot(4, '09:00', '12:00')], eligibility: [convicted, { kind: 'max-security', category: 'medium' }, { kind: 'min-age', years: 18 }] },
  { kind: 'education', names: ['Literacy class', 'Курс грамотности', 'Синфи саводнокӣ'], capacity: 20, fill: 0.7, waiting: 0, hoursPerWeek: 3, sessions: [slot(1, '14:00', '15:30'), slot(3, '14:00', '15:30')], eligibility: [] },
  { kind: 'disengagement', names: ['Disengagement programme', 'Программа отказа от насилия', 'Барномаи даст кашидан аз зӯроварӣ'], capacity: 8, fill: 0.75, waiting: 2, hoursPerWeek: 2, sessions: [slot(2, '14:00', '16:00')], eligibility: [convicted, { kind: 'min-age', years: 18 }] },
  { kind: 'religious-counselling', names: ['Religious counselling', 'Религиозное консультирование', 'Машварати динӣ'], capacity: 15, fill: 0.6, waiting: 0, hoursPerWeek: 1, sessions: [slot(5, '14:00', '15:00')], eligibility: [] },
  { kind: 'family-contact', names: ['Family contact', 'Связь с семьёй', 'Робита бо оила'], capacity: 20, fill: 0.5, waiting: 0, hoursPerWeek: 2, sessions: [slot(6, '10:00', '12:00')], eligibility: [] },
  { kind: 'employment', names: ['Kitchen work party', 'Кухонная бригада', 'Бригадаи ошхона'], capacity: 6, fill: 1, waiting: 1, hoursPerWeek: 30, sessions: [1, 2, 3, 4, 5].map((d) => slot(d, '07:00', '13:00')), eligibility: [convicted, { kind: 'max-security', category: 'medium' }] },
];

const ABSENCES = ['refused', 'ill', 'visit', 'court', 'other'] as const;
const hoursOf = (s: { start: string; end: string }) => {
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  return (minutes(s.end) - minutes(s.start)) / 60;
};

/**
 * The demo facilities' programmes and work: each catalogue entry with eligible prisoners in custody
 * enrolled weeks ago, a waiting list where the plan says so, and the registers of the last four
 * weeks. "Today" is the newest admission of the plan (the seed's own clock), so the same seed gives
 * the same rows. Draws from a stream of its own, so the rest of the demo is unchanged.
 */
export async function seedDemoProgrammes({ trx, ctx, plan, prisoners, ids }: DemoContext) {
  const random = seededRandom(0x9e0f);
  const today = prisoners.reduce((max, p) => (p.admittedAt > max ? p.admittedAt : max), new Date(0)).toISOString().slice(0, 10) as CalendarDate;
  const by = ctx.actor.username;

  for (const facility of plan.facilities) {
    const facilityId = ids.facilities.get(facility.code);
    const held = prisoners.filter((p) => p.facilityCode === facility.code && p.state === 'in-custody');
    const taken = new Set<string>();
    let enrolments = 0;
    let marks = 0;

    for (const entry of CATALOGUE) {
      const programme = await trx
        .insertInto('programmes')
        .values({ facility_id: facilityId, kind: entry.kind, name: entry.names[0], name_ru: entry.names[1], name_tg: entry.names[2], capacity: entry.capacity, hours_per_week: entry.hoursPerWeek, sessions: JSON.stringify(entry.sessions), eligibility: JSON.stringify(entry.eligibility), created_by: by })
        .returning('id')
        .executeTakeFirstOrThrow();
      // Work and training draw on different people: nobody holds two places in the demo.
      const eligible = held.filter(
        (p) =>
          !taken.has(p.prisonNumber) &&
          eligibility(entry.eligibility, { sex: p.file.identity.sex, legalStatus: p.file.legal.status, securityCategory: p.file.securityCategory, age: ageOn(p.file.identity.dateOfBirth, today), alertCodes: [] }).length === 0,
      );
      const places = Math.min(eligible.length, Math.round(entry.capacity * entry.fill));
      const chosen = eligible.slice(0, places + entry.waiting);
      chosen.forEach((p) => taken.add(p.prisonNumber));

      const rows = chosen.map((p, i) => {
        const waiting = i >= places;
        return {
          programme_id: programme.id,
          prisoner_id: ids.prisoners.get(p.prisonNumber),
          status: waiting ? ('waiting' as const) : ('enrolled' as const),
          queued_at: new Date(Date.parse(`${today}T08:00:00Z`) - (chosen.length - i) * 86_400_000),
          enrolled_on: waiting ? null : addDays(today, -random.int(21, 70)),
          hours_per_week: entry.hoursPerWeek,
          created_by: by,
        };
      });
      const written = rows.length ? await trx.insertInto('programme_enrolments').values(rows).returning(['id', 'enrolled_on']).execute() : [];
      enrolments += written.length;

      // The last four weeks of registers, up to yesterday: most attend, a few are absent or excused.
      const taking = occurrences(entry.sessions, addDays(today, -28), addDays(today, -1))
        .map((session) => ({ session, present: written.filter((e) => e.enrolled_on !== null && e.enrolled_on <= session.date) }))
        .filter((h) => h.present.length > 0);
      if (taking.length === 0) continue;
      const sessions = await trx
        .insertInto('programme_sessions')
        .values(taking.map(({ session }) => ({ programme_id: programme.id, on_date: session.date, starts_at: session.start, ends_at: session.end, recorded_by: by, recorded_at: new Date(`${session.date}T${session.end}:00Z`) })))
        .returning(['id', 'on_date', 'starts_at'])
        .execute();
      const attendance = taking.flatMap(({ session, present }) => {
        const sessionId = sessions.find((s) => s.on_date === session.date && s.starts_at === session.start)!.id;
        return present.map((e) => {
          const roll = random.next();
          const mark = roll < 0.85 ? ('attended' as const) : roll < 0.95 ? ('absent' as const) : ('excused' as const);
          return { session_id: sessionId, enrolment_id: e.id, mark, absence_reason: mark === 'absent' ? random.pick(ABSENCES) : null, hours: mark === 'attended' && entry.kind === 'employment' ? hoursOf(session) : null };
        });
      });
      await inChunks(attendance, (chunk) => trx.insertInto('programme_attendance').values(chunk).execute());
      marks += attendance.length;
    }
    await appendAudit(trx, ctx, { action: 'demo.programmes-seeded', entityType: 'facility', entityId: facilityId, facilityId, after: { programmes: CATALOGUE.length, enrolments, marks } });
  }
}
