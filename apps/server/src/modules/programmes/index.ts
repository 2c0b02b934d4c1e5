import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * What the programmes module lets other modules ask (ARCHITECTURE "How modules talk"), never
 * through its repository. Not scoped to an actor: callers scope what they show.
 */
export function programmeQueries(db: Kysely<DB>) {
  return {
    /** The places these prisoners took (not the waiting list): when they started and how they ended. */
    placesOf: (prisonerIds: readonly string[]) =>
      prisonerIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('programme_enrolments')
            .select(['id', 'programme_id', 'prisoner_id', 'status', 'enrolled_on', 'ended_on'])
            .where('prisoner_id', 'in', prisonerIds)
            .where('enrolled_on', 'is not', null)
            .execute(),
  };
}
