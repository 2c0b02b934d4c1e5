import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/db.ts';
import type { DB } from '../../platform/db/schema.ts';
import { prisonersRepository } from './prisoners.repository.ts';

export { prepareAdmission, type BulkAdmission, type PreparedAdmission } from './admission-batches.ts';

/**
 * What the prisoners module lets other modules ask (ARCHITECTURE "How modules talk"): they read
 * a prisoner through these, within the actor's facilities, never through its repository.
 */
export function prisonerQueries(db: Kysely<DB>) {
  const repo = prisonersRepository(db);
  return {
    /** A prisoner the actor may see (their facility and where they are now), or undefined. */
    find: (actor: Actor, id: string, trx: Db = db) => repo.find(actor, id, trx),
  };
}
