import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/db.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { PrisonerState } from '@vigil/contracts';
import { prisonersRepository } from './prisoners.repository.ts';

export { prepareAdmission, type BulkAdmission, type PreparedAdmission } from './admission-batches.ts';
export type { PrisonerRow } from './prisoners.repository.ts';
/** Where a prisoner is held: moves, placements ended at release or on leaving, inside the caller's write. */
export { endPlacement, movePlacement, type NewPlacement } from './placements.repository.ts';

/**
 * What the prisoners module lets other modules ask (ARCHITECTURE "How modules talk"): they read
 * a prisoner through these, within the actor's facilities, never through its repository.
 */
export function prisonerQueries(db: Kysely<DB>) {
  const repo = prisonersRepository(db);
  return {
    /** A prisoner the actor may see (their facility and where they are now), or undefined. */
    find: (actor: Actor, id: string, trx: Db = db) => repo.find(actor, id, trx),
    /** The same, locked for the rest of the transaction, so version checks and updates cannot interleave. */
    findForUpdate: (actor: Actor, id: string, trx: Transaction<DB>) => repo.findForUpdate(actor, id, trx),
    /**
     * A file locked whatever facility holds it, for the steps that must reach past the reader's
     * scope (receiving a transfer). Callers decide what the reader may do with it.
     */
    lockAnywhere: (id: string, trx: Transaction<DB>) => repo.lockAnywhere(id, trx),
    /** Files by id whatever facility holds them: reception's possible matches for a new arrival. */
    findManyAnywhere: (ids: readonly string[], trx: Db = db) => repo.findManyAnywhere(ids, trx),
    /** Whether a prison number is in use (any case), so reception never issues one twice. */
    numberTaken: (prisonNumber: string, trx: Db = db) => repo.numberTaken(prisonNumber, trx),
  };
}

/** The custody changes other modules make to a file inside their own write (absence, transfer, release). */
export function prisonerCustody(db: Kysely<DB>) {
  const repo = prisonersRepository(db);
  return {
    /** Optimistic: undefined when the file's version has moved on. */
    setState: (trx: Transaction<DB>, id: string, version: number, changes: { state: PrisonerState; released_at?: Date }) => repo.update(trx, id, version, changes),
  };
}
