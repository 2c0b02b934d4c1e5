import { InstrumentDefinition } from '@vigil/contracts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { assessmentQueries } from '../assessments/index.ts';
import { addDays, localDay } from '../../platform/time/calendar.ts';
import { DEMO_TIME_ZONE } from '../demo/demo.plan.ts';
import type { DemoContext } from '../demo/demo-context.ts';

const DEMO_PLANS = 24;
const DAY = 86_400_000;

/**
 * Sentence plans for some convicted demo prisoners of the case manager's facility, made by the
 * demo case manager: a third reviewed (with probation at the meeting) and due again later, a
 * third whose review date has passed, a third never reviewed, so "Plans without review" has rows
 * of both kinds. Notes and the prisoners' own comments on some.
 *
 * Prisoners with an approved demo assessment come first: their plans get objectives on two of its
 * domains, each with an intervention under way (the assessments part runs before this one).
 * One summary audit event records the whole part, as the prisoners' demo part does.
 */
export async function seedDemoPlans({ trx, ctx, plan, prisoners, ids }: DemoContext) {
  const caseManager = plan.users.find((u) => u.roles.includes('case_manager') && u.facilityCodes.length > 0);
  if (!caseManager) return;
  const facilityCode = caseManager.facilityCodes[0]!;
  // The demo is planned from one "now" the context does not carry; the latest admission (today's
  // arrivals come in hours before it) stands for it, so the same seed gives the same plans.
  const now = new Date(Math.max(...prisoners.map((p) => p.admittedAt.getTime())));
  const today = localDay(now, DEMO_TIME_ZONE);
  const candidates = prisoners.filter((p) => p.facilityCode === facilityCode && p.state === 'in-custody' && p.file.legal.status === 'convicted' && now.getTime() - p.admittedAt.getTime() > 60 * DAY);
  const approved = await assessmentQueries(trx).approvedOf(candidates.map((p) => ids.prisoners.get(p.prisonNumber)));
  const assessmentOf = new Map<string, (typeof approved)[number]>();
  for (const a of approved) if (!assessmentOf.has(a.prisoner_id)) assessmentOf.set(a.prisoner_id, a);
  const assessed = candidates.filter((p) => assessmentOf.has(ids.prisoners.get(p.prisonNumber)));
  const chosen = [...assessed, ...candidates.filter((p, i) => i % 2 === 0 && !assessed.includes(p))].slice(0, DEMO_PLANS);
  if (chosen.length === 0) return;
  const { id: authorId } = await trx.selectFrom('users').select('id').where('username', '=', caseManager.username).executeTakeFirstOrThrow();

  const planIds: string[] = [];
  for (const [i, p] of chosen.entries()) {
    const prisonerId = ids.prisoners.get(p.prisonNumber);
    const createdAt = new Date(p.admittedAt.getTime() + 21 * DAY);
    const kind = i % 3; // 0 reviewed and due later, 1 reviewed but the next review date has passed, 2 never reviewed
    const nextReviewOn = kind === 0 ? addDays(today, 10 + i * 3) : kind === 1 ? addDays(today, -(5 + i)) : null;
    // The meeting that set the plan's review date: three weeks ago, or a week after the plan was made
    // (at least 39 days ago: prisoners are chosen 60 days after admission, plans made on day 21).
    const heldOn = kind === 0 ? addDays(today, -20) : addDays(localDay(createdAt, DEMO_TIME_ZONE), 7);
    const { id: planId } = await trx
      .insertInto('sentence_plans')
      .values({ prisoner_id: prisonerId, number: 1, next_review_on: nextReviewOn, created_by: authorId, created_at: createdAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    planIds.push(planId);
    const assessment = assessmentOf.get(prisonerId);
    if (assessment) await seedObjectives(trx, { planId, authorId, assessment, sex: p.file.identity.sex, startsOn: localDay(createdAt, DEMO_TIME_ZONE), createdAt });
    if (kind !== 2) {
      await trx
        .insertInto('plan_reviews')
        .values({
          plan_id: planId,
          held_on: heldOn,
          participants: JSON.stringify([
            { name: `${caseManager.familyName} ${caseManager.givenName}`, role: 'Ответственный за план', agency: null },
            { name: 'Назаров Д.', role: 'Инспектор', agency: 'Служба пробации' },
          ]),
          outcome: 'План обсуждён с осуждённым; обучение продолжается, работа в мастерской по графику.',
          next_review_on: nextReviewOn!,
          prisoner_comments: 'Хочу закончить курс и получить профессию.',
          recorded_by: authorId,
          created_at: new Date(`${heldOn}T12:00:00Z`),
        })
        .execute();
    }
    if (kind !== 2) {
      await trx
        .insertInto('plan_notes')
        .values([
          { plan_id: planId, kind: 'progress', text: 'Посещает занятия регулярно, замечаний нет.', recorded_by: authorId, created_at: new Date(now.getTime() - 12 * DAY) },
          { plan_id: planId, kind: 'prisoner', text: 'Прошу разрешить дополнительный звонок семье.', recorded_by: authorId, created_at: new Date(now.getTime() - 9 * DAY) },
        ])
        .execute();
    }
  }
  await appendAudit(trx, ctx, { action: 'demo.plans-seeded', entityType: 'facility', entityId: ids.facilities.get(facilityCode), facilityId: ids.facilities.get(facilityCode), after: { count: planIds.length, planIds } });
}

/**
 * Two objectives on domains of the prisoner's approved assessment (those that apply to them), each
 * with an intervention the case manager leads, under way since the plan was made.
 */
async function seedObjectives(
  trx: DemoContext['trx'],
  o: { planId: string; authorId: string; assessment: { id: string; instrument_code: string; definition: unknown }; sex: 'male' | 'female'; startsOn: string; createdAt: Date },
) {
  const definition = InstrumentDefinition.parse(o.assessment.definition);
  const domains = definition.domains.filter((d) => o.sex === 'female' || !d.womenOnly).slice(0, 2);
  for (const domain of domains) {
    const { id: objectiveId } = await trx
      .insertInto('plan_objectives')
      .values({ plan_id: o.planId, text: `Работа по направлению «${domain.names.ru}»`, target_on: addDays(o.startsOn, 180), created_by: o.authorId, created_at: o.createdAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('plan_objective_needs')
      .values({
        objective_id: objectiveId,
        assessment_id: o.assessment.id,
        code: domain.code,
        kind: 'domain',
        instrument_code: o.assessment.instrument_code,
        labels: JSON.stringify({ instrument: definition.names, names: domain.names, domain: null, level: null }),
      })
      .execute();
    await trx
      .insertInto('plan_interventions')
      .values({ objective_id: objectiveId, description: `Индивидуальные встречи по направлению «${domain.names.ru}»`, kind: 'counselling', owner_user_id: o.authorId, starts_on: o.startsOn, status: 'active', created_by: o.authorId, created_at: o.createdAt })
      .execute();
  }
}
