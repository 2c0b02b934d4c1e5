import { sql, type Kysely } from 'kysely';
import type { CalendarDate } from '@vigil/contracts';
import type { DB } from '../../platform/db/schema.ts';
import { alertInForce } from '../alerts/index.ts';
import type { Db } from '../../platform/db/db.ts';

export interface OccupantRow {
  id: string;
  location_id: string;
  sex: string;
  legal_status: string;
  date_of_birth: CalendarDate;
  sharing_risk: boolean;
}

/** The file's own flag, or any alert in force whose type blocks cell sharing (e.g. 'no-cell-share'). */
const sharingRisk = (today: CalendarDate) => sql<boolean>`(p.cell_sharing_risk or exists (
  select 1 from prisoner_alerts a join alert_types t on t.code = a.code
  where a.prisoner_id = p.id and t.blocks_cell_sharing and ${alertInForce('a', today)}))`;

export function allocationRepository(db: Kysely<DB>) {
  return {
    /**
     * Who is in the given places now (anyone not released whose current place it is), with what
     * the separation rules need, leaving out the prisoner being allocated.
     */
    occupants(where: { facilityId: string } | { locationIds: readonly string[] }, excludePrisonerId: string, today: CalendarDate, trx: Db = db): Promise<OccupantRow[]> {
      let q = trx
        .selectFrom('prisoners as p')
        .innerJoin('locations as l', 'l.id', 'p.current_location_id')
        .select(['p.id', 'l.id as location_id', 'p.sex', 'p.legal_status', 'p.date_of_birth', sharingRisk(today).as('sharing_risk')])
        .where('p.state', '<>', 'released')
        .where('p.id', '<>', excludePrisonerId);
      if ('facilityId' in where) q = q.where('l.facility_id', '=', where.facilityId);
      else if (where.locationIds.length === 0) return Promise.resolve([]);
      else q = q.where('l.id', 'in', where.locationIds);
      return q.execute();
    },

    /** The cells beside this one: the other places with the same parent (the landing). */
    async siblings(parentId: string | null, exceptId: string, trx: Db = db): Promise<string[]> {
      if (parentId === null) return [];
      const rows = await trx.selectFrom('locations').select('id').where('parent_id', '=', parentId).where('id', '<>', exceptId).execute();
      return rows.map((r) => r.id);
    },

    /** Everyone linked to this prisoner by a keep-apart alert in force, whichever side raised it. */
    async keepApartIds(prisonerId: string, today: CalendarDate, trx: Db = db): Promise<Set<string>> {
      const rows = await trx
        .selectFrom('prisoner_alerts as a')
        .select(sql<string>`case when a.prisoner_id = ${prisonerId}::uuid then a.related_prisoner_id else a.prisoner_id end`.as('other'))
        .where('a.code', '=', 'keep-apart')
        .where((eb) => eb.or([eb('a.prisoner_id', '=', prisonerId), eb('a.related_prisoner_id', '=', prisonerId)]))
        .where('a.related_prisoner_id', 'is not', null)
        .where(alertInForce('a', today))
        .execute();
      return new Set(rows.map((r) => r.other));
    },

    async sharingRisk(prisonerId: string, today: CalendarDate, trx: Db = db): Promise<boolean> {
      const row = await trx.selectFrom('prisoners as p').select(sharingRisk(today).as('risk')).where('p.id', '=', prisonerId).executeTakeFirst();
      return row?.risk ?? false;
    },
  };
}
export type AllocationRepository = ReturnType<typeof allocationRepository>;
