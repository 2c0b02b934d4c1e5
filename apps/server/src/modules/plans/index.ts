import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * What the plans module lets other modules ask (ARCHITECTURE "How modules talk"), never through
 * its repository. Not scoped to an actor: callers scope what they show.
 */
export function planQueries(db: Kysely<DB>) {
  return {
    /** When each plan of these prisoners was made, and each of its review meetings. */
    async historyOf(prisonerIds: readonly string[]) {
      if (prisonerIds.length === 0) return { plans: [], reviews: [] };
      const plans = await db.selectFrom('sentence_plans').select(['id', 'prisoner_id', 'created_at']).where('prisoner_id', 'in', prisonerIds).execute();
      const reviews = await db
        .selectFrom('plan_reviews as r')
        .innerJoin('sentence_plans as p', 'p.id', 'r.plan_id')
        .select(['r.id', 'r.plan_id', 'p.prisoner_id', 'r.created_at'])
        .where('p.prisoner_id', 'in', prisonerIds)
        .execute();
      return { plans, reviews };
    },
  };
}
