import { sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Db } from '../../platform/db/db.ts';

export interface NewPlacement {
  prisonerId: string;
  facilityId: string;
  /** null: in the facility but not in a cell (reception, in transit on arrival). */
  locationId: string | null;
  reason: string;
  overrideReason?: string | null;
  movedBy: string;
}

/**
 * Location history. A prisoner has at most one open placement (a unique index says so): moving
 * closes it and opens the next, and the prisoner row keeps the current place for quick reads.
 * Call inside the transaction that holds the prisoner's row lock.
 */
export async function movePlacement(trx: Transaction<DB>, p: NewPlacement): Promise<void> {
  const now = new Date();
  await trx.updateTable('placements').set({ to_at: now }).where('prisoner_id', '=', p.prisonerId).where('to_at', 'is', null).execute();
  await trx
    .insertInto('placements')
    .values({
      prisoner_id: p.prisonerId,
      facility_id: p.facilityId,
      location_id: p.locationId,
      from_at: now,
      reason: p.reason,
      override_reason: p.overrideReason ?? null,
      moved_by: p.movedBy,
    })
    .execute();
  await trx.updateTable('prisoners').set({ facility_id: p.facilityId, current_location_id: p.locationId }).where('id', '=', p.prisonerId).execute();
}

/** Closes the open placement without opening another (release, leaving on transfer). */
export async function endPlacement(trx: Transaction<DB>, prisonerId: string): Promise<void> {
  await trx.updateTable('placements').set({ to_at: new Date() }).where('prisoner_id', '=', prisonerId).where('to_at', 'is', null).execute();
  await trx.updateTable('prisoners').set({ current_location_id: null }).where('id', '=', prisonerId).execute();
}

export function placementHistory(db: Db, prisonerId: string) {
  return db
    .selectFrom('placements as pl')
    .innerJoin('facilities as f', 'f.id', 'pl.facility_id')
    .selectAll('pl')
    .select(['f.code as facility_code', sql<string | null>`location_path(pl.location_id)`.as('path')])
    .where('pl.prisoner_id', '=', prisonerId)
    .orderBy('pl.from_at', 'desc')
    .orderBy('pl.id')
    .execute();
}
