import { CategoryScheme } from '@vigil/contracts';
import { addMonths } from '../../platform/time/calendar.ts';
import { DEMO_COUNTRY } from '../demo/demo.plan.ts';
import { inChunks, type DemoContext } from '../demo/demo-context.ts';
import { schemeForCountry } from './classification.rules.ts';

/**
 * Every second demo prisoner still held has a category decision: the level in their file, first
 * decided a week after admission on the scheme of the demo country and reviewed at its interval
 * since, so the latest decision is the last review that fell due. One in ten of them has missed
 * that last review and is overdue, as in a prison whose reviews fall behind.
 */
export async function seedDemoClassification({ trx, ctx, prisoners, ids }: DemoContext) {
  const entries = await trx.selectFrom('catalogue_entries').select(['id', 'code', 'data']).where('catalogue', '=', 'category-schemes').where('version', '=', 1).execute();
  const scheme = schemeForCountry(entries.map((e) => ({ ...e, data: CategoryScheme.parse(e.data) })), DEMO_COUNTRY)!;
  // The seed's "now" is not handed to modules; no decision is dated after the latest admission.
  const latest = Math.max(...prisoners.map((p) => p.admittedAt.getTime()));
  const latestDay = new Date(latest).toISOString().slice(0, 10);
  const rows = prisoners
    .filter((p) => p.state !== 'released')
    .filter((_, i) => i % 2 === 0)
    .flatMap((p, i) => {
      const level = scheme.data.levels.find((l) => l.allocationLevel === p.file.securityCategory);
      if (!level) return [];
      const firstAt = new Date(Math.min(p.admittedAt.getTime() + 7 * 86_400_000, latest));
      const first = firstAt.toISOString().slice(0, 10);
      let decidedOn = first;
      while (addMonths(decidedOn, level.reviewMonths) <= latestDay) decidedOn = addMonths(decidedOn, level.reviewMonths);
      // Overdue: the last review that fell due was never held.
      if (i % 10 === 0 && decidedOn > first) decidedOn = addMonths(decidedOn, -level.reviewMonths) < first ? first : addMonths(decidedOn, -level.reviewMonths);
      return [{
        prisoner_id: ids.prisoners.get(p.prisonNumber),
        facility_id: ids.facilities.get(p.facilityCode),
        scheme_entry_id: scheme.id,
        level: level.code,
        allocation_level: level.allocationLevel,
        suggested_level: level.code,
        reasons: JSON.stringify([]),
        inputs: JSON.stringify({ escapeHistory: 'none', violenceInCustody: 'none', offenceTypes: [], sentenceMonths: 0, judgements: [], alerts: [] }),
        override_reason: null,
        over_classification: false,
        informed: true,
        heard: true,
        heard_on: decidedOn,
        representations: null,
        decided_by_id: null,
        decided_by: ctx.actor.username,
        decided_at: decidedOn === first ? firstAt : new Date(`${decidedOn}T10:00:00Z`),
        next_review_on: addMonths(decidedOn, level.reviewMonths),
        review: decidedOn > first,
      }];
    });
  await inChunks(rows, (chunk) => trx.insertInto('category_decisions').values(chunk).execute());
}
