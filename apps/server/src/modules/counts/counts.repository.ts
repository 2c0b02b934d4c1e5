import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { ABSENCE_KINDS } from '@vigil/contracts';
import type { CountEntries, CountSessions, DB } from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { facilityScope } from '../../platform/access/facility-scope.ts';
import type { Db } from '../../platform/db/db.ts';

export type CountSessionRow = Selectable<CountSessions>;
export type CountEntryRow = Selectable<CountEntries>;

export interface PlaceRow {
  id: string;
  parent_id: string | null;
  kind: string;
  code: string;
  name: string;
  path: string;
  active: boolean;
  operational_capacity: number | null;
}

export interface RollRow extends PlaceRow {
  count: number;
  out: number;
  holds_cells: boolean;
}

/** Every place of a facility with its path, built top-down (so it is right after any move). */
const treeCte = (facilityId: string) => sql`
  tree (id, parent_id, kind, code, name, active, operational_capacity, path) as (
    select id, parent_id, kind, code, name, active, operational_capacity, code::text from locations
    where facility_id = ${facilityId} and parent_id is null
    union all
    select c.id, c.parent_id, c.kind, c.code, c.name, c.active, c.operational_capacity, tree.path || '-' || c.code
    from locations c join tree on c.parent_id = tree.id
  )`;

export function countsRepository(db: Kysely<DB>) {
  return {
    /**
     * The live roll: for every place, the prisoners placed there or anywhere below it (open
     * placements; a recursive CTE sums cells up to landings, wings and blocks), and how many of
     * them are out on a temporary absence.
     */
    async roll(facilityId: string, trx: Db = db): Promise<RollRow[]> {
      const result = await sql<RollRow>`
        with recursive ${treeCte(facilityId)},
        below (ancestor_id, id) as (
          select id, id from tree
          union all
          select below.ancestor_id, c.id from below join locations c on c.parent_id = below.id
        ),
        placed (location_id, n, out) as (
          select pl.location_id, count(*), count(*) filter (where p.state = 'temporarily-absent')
          from placements pl join prisoners p on p.id = pl.prisoner_id
          where pl.to_at is null and pl.facility_id = ${facilityId} and pl.location_id is not null
          group by pl.location_id
        )
        select t.id, t.parent_id, t.kind, t.code, t.name, t.path, t.active, t.operational_capacity,
          coalesce(sum(placed.n), 0)::int as count,
          coalesce(sum(placed.out), 0)::int as out,
          coalesce(bool_or(d.kind = 'cell' and d.active), false) as holds_cells
        from tree t
        join below b on b.ancestor_id = t.id
        join locations d on d.id = b.id
        left join placed on placed.location_id = b.id
        group by t.id, t.parent_id, t.kind, t.code, t.name, t.path, t.active, t.operational_capacity
        order by t.path collate "C"`.execute(trx);
      return result.rows;
    },

    /** Who is in the facility but in no cell, who has left for another, who is on the way here. */
    async rollTotals(facilityId: string, trx: Db = db) {
      const result = await sql<{ unallocated: number; unallocated_out: number; in_transit_out: number; total: number; out: number; in_transit_in: number }>`
        select
          count(*) filter (where state in ('in-custody', 'temporarily-absent') and current_location_id is null)::int as unallocated,
          count(*) filter (where state = 'temporarily-absent' and current_location_id is null)::int as unallocated_out,
          count(*) filter (where state = 'in-transit')::int as in_transit_out,
          count(*) filter (where state in ('in-custody', 'temporarily-absent'))::int as total,
          count(*) filter (where state = 'temporarily-absent')::int as out,
          (select count(*) from movements m where m.kind = 'transfer' and m.to_facility_id = ${facilityId} and m.in_at is null)::int as in_transit_in
        from prisoners where facility_id = ${facilityId}`.execute(trx);
      return result.rows[0]!;
    },

    async places(facilityId: string, trx: Db = db): Promise<PlaceRow[]> {
      const result = await sql<PlaceRow>`with recursive ${treeCte(facilityId)} select * from tree order by path collate "C"`.execute(trx);
      return result.rows;
    },

    /**
     * Prisoners physically present in each place at a moment, read back from the location
     * history: placed there then, and not out on an absence then. This is the roll a count
     * compares with, as it stood when the count started.
     */
    async presentAt(facilityId: string, at: Date, trx: Db = db): Promise<Map<string, number>> {
      const result = await sql<{ location_id: string; n: number }>`
        select pl.location_id, count(*)::int as n from placements pl
        where pl.facility_id = ${facilityId} and pl.location_id is not null
          and pl.from_at <= ${at} and (pl.to_at is null or pl.to_at > ${at})
          and not exists (
            select 1 from movements m
            where m.prisoner_id = pl.prisoner_id and m.kind in (${sql.join(ABSENCE_KINDS)})
              and m.out_at <= ${at} and (m.in_at is null or m.in_at > ${at})
          )
        group by pl.location_id`.execute(trx);
      return new Map(result.rows.map((r) => [r.location_id, r.n]));
    },

    openSession(facilityId: string, trx: Db = db) {
      return trx.selectFrom('count_sessions').selectAll().where('facility_id', '=', facilityId).where('status', '!=', 'closed').executeTakeFirst();
    },

    insertSession(trx: Transaction<DB>, row: { facility_id: string; started_by: string; started_at: Date }) {
      return trx.insertInto('count_sessions').values({ ...row, status: 'open' }).returningAll().executeTakeFirstOrThrow();
    },

    find(actor: Actor, id: string, trx: Db = db) {
      return trx.selectFrom('count_sessions').selectAll().where('id', '=', id).where(facilityScope(actor, 'count_sessions.facility_id')).executeTakeFirst();
    },

    findForUpdate(actor: Actor, id: string, trx: Transaction<DB>) {
      return trx.selectFrom('count_sessions').selectAll().where('id', '=', id).where(facilityScope(actor, 'count_sessions.facility_id')).forUpdate().executeTakeFirst();
    },

    recent(facilityId: string, limit: number, trx: Db = db) {
      return trx.selectFrom('count_sessions').selectAll().where('facility_id', '=', facilityId).orderBy('started_at', 'desc').orderBy('id').limit(limit).execute();
    },

    entries(sessionIds: readonly string[], trx: Db = db): Promise<CountEntryRow[]> {
      if (sessionIds.length === 0) return Promise.resolve([]);
      return trx.selectFrom('count_entries').selectAll().where('session_id', 'in', sessionIds).execute();
    },

    insertEntry(trx: Transaction<DB>, row: { session_id: string; location_id: string; expected: number; counted: number; counted_by: string; counted_at: Date }) {
      return trx.insertInto('count_entries').values(row).execute();
    },

    updateEntry(trx: Transaction<DB>, sessionId: string, locationId: string, changes: { counted: number; resolution: string }) {
      return trx.updateTable('count_entries').set(changes).where('session_id', '=', sessionId).where('location_id', '=', locationId).execute();
    },

    updateSession(trx: Transaction<DB>, s: CountSessionRow, changes: { status: CountSessionRow['status']; closed_at?: Date }) {
      return trx.updateTable('count_sessions').set({ ...changes, version: s.version + 1 }).where('id', '=', s.id).returningAll().executeTakeFirstOrThrow();
    },
  };
}
export type CountsRepository = ReturnType<typeof countsRepository>;
