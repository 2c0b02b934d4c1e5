import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/db.ts';
import type { DB } from '../../platform/db/schema.ts';
import { facilitiesRepository } from './facilities.repository.ts';

export type { FacilityRow } from './facilities.repository.ts';

/**
 * What the facilities module lets other modules ask (ARCHITECTURE "How modules talk"): a facility
 * within the actor's scope, never through its repository.
 */
export function facilityQueries(db: Kysely<DB>) {
  const repo = facilitiesRepository(db);
  return {
    /** The active facilities the actor may see, by code. */
    listActive: (actor: Actor, trx: Db = db) => repo.list(actor, { includeInactive: false }, trx),
    /** A facility the actor may see (its time zone, its prison-number prefix), or undefined. */
    find: (actor: Actor, id: string, trx: Db = db) => repo.find(actor, id, trx),
    /** The same, locked for the rest of the transaction: a write that must not race a change to the facility. */
    findForUpdate: (actor: Actor, id: string, trx: Transaction<DB>) => repo.findForUpdate(actor, id, trx),
  };
}
