import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * What the classification module lets other modules ask (ARCHITECTURE "How modules talk"), never
 * through its repository. Not scoped to an actor: callers scope what they show.
 */
export function classificationQueries(db: Kysely<DB>) {
  return {
    /** Every decision about these prisoners, oldest first, with the scheme version it was made under. */
    decisionsOf: (prisonerIds: readonly string[]) =>
      prisonerIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('category_decisions as d')
            .innerJoin('catalogue_entries as e', 'e.id', 'd.scheme_entry_id')
            .select(['d.id', 'd.prisoner_id', 'd.facility_id', 'd.level', 'd.review', 'd.decided_at', 'e.code as scheme_code', 'e.data as scheme'])
            .where('d.prisoner_id', 'in', prisonerIds)
            .orderBy('d.decided_at')
            .execute(),
  };
}
