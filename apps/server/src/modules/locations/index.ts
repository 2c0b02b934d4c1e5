import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/db.ts';
import type { DB } from '../../platform/db/schema.ts';
import { locationsRepository } from './locations.repository.ts';

/** What the locations module lets other modules ask: a place the actor may see, with its path. */
export function locationQueries(db: Kysely<DB>) {
  const repo = locationsRepository(db);
  return {
    find: (actor: Actor, id: string, trx: Db = db) => repo.find(actor, id, trx),
  };
}
