import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/db.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { PrisonerFile, PrisonerState, SecurityLevel } from '@vigil/contracts';
import type { Write } from '../../platform/db/write.ts';
import { Problem } from '../../platform/errors.ts';
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

/**
 * The security category a classification decision sets (DOMAIN.md §4): inside the decision's own
 * write, a new version of the file with the decision as its reason, audited, so cell allocation's
 * security-level check reads the approved level. Nothing changes when the category is already that.
 */
export function prisonerCategory(db: Kysely<DB>) {
  const repo = prisonersRepository(db);
  return {
    async set(write: Write, prisonerId: string, level: SecurityLevel, reason: string) {
      const row = await repo.findForUpdate(write.ctx.actor, prisonerId, write.trx);
      if (!row) throw new Problem('not-found');
      if (row.security_category === level) return;
      const file: PrisonerFile = { ...(row.file as PrisonerFile), securityCategory: level };
      if (!(await repo.update(write.trx, prisonerId, row.version, { security_category: level, file: JSON.stringify(file) }))) throw new Problem('edit-conflict');
      await repo.insertVersion(write.trx, { prisoner_id: prisonerId, version: row.version + 1, snapshot: file, reason, author_user_id: write.ctx.actor.userId, author_username: write.ctx.actor.username });
      await write.audit({ action: 'prisoner.corrected', entityType: 'prisoner', entityId: prisonerId, facilityId: row.facility_id, before: { securityCategory: row.security_category }, after: { securityCategory: level } });
    },
  };
}
