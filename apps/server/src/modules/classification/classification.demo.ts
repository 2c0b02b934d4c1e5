import { CategoryScheme } from '@vigil/contracts';
import { addMonths } from '../../platform/time/calendar.ts';
import { DEMO_COUNTRY } from '../demo/demo.plan.ts';
import { inChunks, type DemoContext } from '../demo/demo-context.ts';
import { schemeForCountry } from './classification.rules.ts';

/**
 * Every second demo prisoner still held has an initial category decision: the level in their file,
 * decided a week after admission on the scheme of the demo country, reviewed at its interval. Those
 * admitted long ago are overdue for review, as in a real prison whose reviews fall behind.
 */
export async function seedDemoClassification({ trx, ctx, prisoners, ids }: DemoContext) {
  const entries = await trx.selectFrom('catalogue_entries').select(['id', 'code', 'data']).where('catalogue', '=', 'category-schemes').where('version', '=', 1).execute();
  const scheme = schemeForCountry(entries.map((e) => ({ ...e, data: CategoryScheme.parse(e.data) })), DEMO_COUNTRY)!;
  // The seed's "now" is not handed to modules; no decision is dated after the latest admission.
  const latest = Math.max(...prisoners.map((p) => p.admittedAt.getTime()));
  const rows = prisoners
    .filter((p, i) => p.state !== 'released' && i % 2 === 0)
    .flatMap((p) => {
      const level = scheme.data.levels.find((l) => l.allocationLevel === p.file.securityCategory);
      if (!level) return [];
      const decidedAt = new Date(Math.min(p.admittedAt.getTime() + 7 * 86_400_000, latest));
      const decidedOn = decidedAt.toISOString().slice(0, 10);
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
        decided_at: decidedAt,
        next_review_on: addMonths(decidedOn, level.reviewMonths),
        review: false,
      }];
    });
  await inChunks(rows, (chunk) => trx.insertInto('category_decisions').values(chunk).execute());
}
