import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/db.ts';
import type { DB } from '../../platform/db/schema.ts';
import { locationsRepository } from './locations.repository.ts';

export type { LocationWithPath } from './locations.repository.ts';

/** What the locations module lets other modules ask: a place the actor may see, with its path. */
export function locationQueries(db: Kysely<DB>) {
  const repo = locationsRepository(db);
  return {
    find: (actor: Actor, id: string, trx: Db = db) => repo.find(actor, id, trx),
    /** The same, locked for the rest of the transaction (a placement checks the cell it fills). */
    findForUpdate: (actor: Actor, id: string, trx: Transaction<DB>) => repo.findForUpdate(actor, id, trx),
    /** A facility's places with their paths, within the actor's scope. */
    tree: (actor: Actor, facilityId: string, opts: { includeInactive: boolean }, trx: Db = db) => repo.tree(actor, facilityId, opts, trx),
  };
}
