import { CategoryScheme, InstrumentDefinition } from '@vigil/contracts';
import type { DomainEventType } from '../../platform/events/event-types.ts';
import type { DemoContext } from '../demo/demo-context.ts';
import { assessmentQueries } from '../assessments/index.ts';
import { classificationQueries } from '../classification/index.ts';
import { planQueries } from '../plans/index.ts';
import { programmeQueries } from '../programmes/index.ts';
import { entryPermission } from './casenotes.rules.ts';

/**
 * The demo's other records as timeline lines: the parts before this one write their rows without
 * events (a seed of thousands would keep the first start busy delivering them), so the lines their
 * events would have made are written here, with the same details the subscriber writes, from what
 * those modules publish.
 */
export async function demoRecordLines(trx: DemoContext['trx'], facilityOf: Map<string, string>) {
  const prisonerIds = [...facilityOf.keys()];
  const [assessments, decisions, plans, places] = await Promise.all([
    assessmentQueries(trx).approvedOf(prisonerIds),
    classificationQueries(trx).decisionsOf(prisonerIds),
    planQueries(trx).historyOf(prisonerIds),
    programmeQueries(trx).placesOf(prisonerIds),
  ]);
  const line = (type: DomainEventType, prisonerId: string, entityId: string, at: Date, details: object = {}) => ({
    id: crypto.randomUUID(),
    prisoner_id: prisonerId,
    facility_id: facilityOf.get(prisonerId)!,
    entity_id: entityId,
    occurred_at: at,
    event_type: type,
    permission: entryPermission(type),
    sensitive: false,
    details: JSON.stringify(details),
  });
  const morning = (day: string) => new Date(`${day}T09:00:00Z`);
  return [
    ...assessments.map((a) => {
      const def = InstrumentDefinition.parse(a.definition);
      const levelNames = def.judgementLevels.find((l) => l.code === a.judgement)?.names;
      return line('assessment.approved', a.prisoner_id, a.id, a.approved_at!, { code: a.instrument_code, names: def.names, level: a.judgement, levelNames });
    }),
    ...decisions.map((d) => {
      const levelNames = CategoryScheme.parse(d.scheme).levels.find((l) => l.code === d.level)?.names;
      return line('classification.decided', d.prisoner_id, d.id, d.decided_at, { code: d.scheme_code, level: d.level, levelNames, review: d.review });
    }),
    ...plans.plans.map((p) => line('plan.created', p.prisoner_id, p.id, p.created_at)),
    ...plans.reviews.map((r) => line('plan.reviewed', r.prisoner_id, r.plan_id, r.created_at)),
    ...places.flatMap((e) => [
      line('programme.enrolled', e.prisoner_id, e.id, morning(e.enrolled_on!)),
      ...(e.ended_on && (e.status === 'completed' || e.status === 'withdrawn') ? [line('programme.ended', e.prisoner_id, e.id, morning(e.ended_on), { level: e.status })] : []),
    ]),
  ];
}
