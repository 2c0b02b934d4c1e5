import type { Kysely } from 'kysely';
import type { CalendarDate } from '@vigil/contracts';
import type { Db } from '../../platform/db/db.ts';
import type { DB } from '../../platform/db/schema.ts';
import { allocationRepository } from './allocation.repository.ts';

export { checkAllocation, type Occupant } from './allocation.rules.ts';
export { toCell, toOccupant } from './allocation.inputs.ts';

/**
 * What the allocation module lets other modules ask: who is in the given cells now, as the
 * allocation rules (Mandela Rules 11–12) weigh them. The register import checks named cells with it.
 */
export function allocationQueries(db: Kysely<DB>) {
  const repo = allocationRepository(db);
  return {
    occupants: (where: { locationIds: readonly string[] }, excludePrisonerId: string, today: CalendarDate, trx: Db = db) => repo.occupants(where, excludePrisonerId, today, trx),
  };
}
