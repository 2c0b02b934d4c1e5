import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * What the assessments module lets other modules ask (ARCHITECTURE "How modules talk"), never
 * through its repository. Not scoped to an actor: callers are the demo seed and other modules'
 * own checks, which scope what they show.
 */
export function assessmentQueries(db: Kysely<DB>) {
  return {
    /** The approved assessments of these prisoners, newest first, each with the instrument version it used. */
    approvedOf: (prisonerIds: readonly string[]) =>
      prisonerIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('assessments as a')
            .innerJoin('catalogue_entries as e', 'e.id', 'a.instrument_entry_id')
            .select(['a.id', 'a.prisoner_id', 'a.approved_at', 'a.judgement', 'e.code as instrument_code', 'e.data as definition'])
            .where('a.status', '=', 'approved')
            .where('a.prisoner_id', 'in', prisonerIds)
            .orderBy('a.approved_at', 'desc')
            .execute(),
  };
}
