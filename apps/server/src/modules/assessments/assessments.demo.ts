import { InstrumentDefinition, itemApplies, type CalendarDate } from '@vigil/contracts';
import { addMonths } from '../../platform/time/calendar.ts';
import type { DemoContext } from '../demo/demo-context.ts';
import { seededRandom } from '../demo/random.ts';

const DAY_MS = 86_400_000;
const day = (d: Date): CalendarDate => d.toISOString().slice(0, 10);

const EVIDENCE = ['Беседа с осуждённым; материалы личного дела.', 'Характеристика отряда и беседа с воспитателем.', 'Справка медицинской части; беседа.', 'Материалы уголовного дела; беседа с родственниками.'];
const SOURCES = ['Беседа', 'Личное дело', 'Медицинская часть', 'Начальник отряда'];
const FORMULATION = 'Потребности связаны между собой: отсутствие работы и жилья до ареста усиливает зависимость от окружения. Защитные факторы — поддержка семьи и участие в обучении.';

/**
 * A few assessments of prisoners held at the first facility (where the demo psychologist and governor
 * work), so the Assessments tab and the due list have something to show: approved ones, some of them
 * overdue for review, and drafts the psychologist is still rating. Drawn from a random stream of its
 * own (seeded from the plan), so the rest of the demo stays as it was. Like the demo alerts, they
 * are part of the seed's starting state and carry no audit events of their own.
 */
export async function seedDemoAssessments({ trx, plan, prisoners, ids }: DemoContext) {
  const facility = plan.facilities[0]!;
  const held = prisoners.filter((p) => p.facilityCode === facility.code && p.state === 'in-custody');
  if (held.length === 0) return;
  const random = seededRandom(0xa55e55 + held.length);
  // "Now" as the plan saw it: the latest admission, so dates stay the same for the same seed.
  const now = Math.max(...prisoners.map((p) => p.admittedAt.getTime()));
  const users = await trx.selectFrom('users').select(['id', 'username']).where('username', 'in', ['psychologist', 'governor']).execute();
  const userId = (name: string) => users.find((u) => u.username === name)!.id;
  const entries = await trx.selectFrom('catalogue_entries').select(['id', 'code', 'effective_from', 'version', 'data']).where('catalogue', '=', 'assessment-instruments').where('code', 'in', ['ve-screening', 'needs-screening']).orderBy('version').execute();
  /** The instrument version in force on a day. */
  const entryOn = (code: string, on: CalendarDate) => entries.filter((e) => e.code === code && e.effective_from <= on).at(-1)!;

  const chosen = held.slice(0, 12);
  for (const [i, p] of chosen.entries()) {
    const code = i % 3 === 0 ? 've-screening' : 'needs-screening';
    const draft = i >= 9;
    // Approved between 2 and 14 months ago: those past their interval are overdue on the due list.
    const approvedAt = new Date(now - random.int(60, 420) * DAY_MS);
    const createdAt = new Date(approvedAt.getTime() - random.int(3, 20) * DAY_MS);
    const entry = entryOn(code, day(draft ? new Date(now) : createdAt));
    const def = InstrumentDefinition.parse(entry.data);
    const sex = p.file.identity.sex;
    const items = def.items.filter((item) => itemApplies(def, item, sex));
    // A draft is left half-rated, as the psychologist would leave it between sessions.
    const rated = draft ? items.slice(0, Math.ceil(items.length / 2)) : items;
    const ratings = Object.fromEntries(rated.map((item) => [item.code, { level: random.pick(item.scale.levels).code, evidence: random.pick(EVIDENCE), source: random.pick(SOURCES) }]));
    const judgement = random.pick(def.judgementLevels).code;
    const nextReview = addMonths(day(approvedAt), def.reviewIntervalMonths);
    await trx
      .insertInto('assessments')
      .values({
        prisoner_id: ids.prisoners.get(p.prisonNumber),
        instrument_entry_id: entry.id,
        assessor_id: userId('psychologist'),
        created_by: userId('psychologist'),
        ratings: JSON.stringify(ratings),
        created_at: draft ? new Date(now - random.int(1, 10) * DAY_MS) : createdAt,
        ...(draft
          ? {}
          : {
              status: 'approved' as const,
              formulation: FORMULATION,
              judgement,
              submitted_at: new Date(approvedAt.getTime() - DAY_MS),
              approved_by: userId('governor'),
              approved_at: approvedAt,
              next_review_on: nextReview,
            }),
      })
      .execute();
  }
}
