import { sql, type Insertable, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { DB, Locations } from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { facilityScope } from '../../platform/access/facility-scope.ts';
import type { Db } from '../../platform/db/db.ts';

export type LocationRow = Selectable<Locations>;
export type LocationWithPath = LocationRow & { path: string };

export function locationsRepository(db: Kysely<DB>) {
  return {
    /**
     * A facility's whole tree in one query, each place with its path, ordered by path. The path is
     * built top-down by a recursive CTE, so it is always right after a move.
     */
    async tree(actor: Actor, facilityId: string, opts: { includeInactive: boolean }, trx: Db = db) {
      const result = await sql<LocationWithPath>`
        with recursive tree (id, path) as (
          select id, code from locations
          where facility_id = ${facilityId} and parent_id is null and ${facilityScope(actor, 'facility_id')}
          union all
          select c.id, tree.path || '-' || c.code from locations c join tree on c.parent_id = tree.id
        )
        select l.*, tree.path from tree join locations l on l.id = tree.id
        where ${opts.includeInactive ? sql`true` : sql`l.active`}
        order by tree.path collate "C"`.execute(trx);
      return result.rows;
    },

    /** One place with its path (walked up to the top), if the actor may see its facility. */
    async find(actor: Actor, id: string, trx: Db = db): Promise<LocationWithPath | undefined> {
      const result = await sql<LocationWithPath>`
        with recursive up (id, parent_id, code, depth) as (
          select id, parent_id, code, 0 from locations where id = ${id}
          union all
          select p.id, p.parent_id, p.code, up.depth + 1 from locations p join up on p.id = up.parent_id
        )
        select l.*, (select string_agg(code, '-' order by depth desc) from up) as path
        from locations l
        where l.id = ${id} and ${facilityScope(actor, 'l.facility_id')}`.execute(trx);
      return result.rows[0];
    },

    /** Locks the row for the rest of the transaction, so version checks and updates cannot interleave. */
    findForUpdate(actor: Actor, id: string, trx: Transaction<DB>) {
      return trx
        .selectFrom('locations')
        .selectAll()
        .where('id', '=', id)
        .where(facilityScope(actor, 'locations.facility_id'))
        .forUpdate()
        .executeTakeFirst();
    },

    /** The facility, if the actor may see it. */
    facility(actor: Actor, facilityId: string, trx: Db = db) {
      return trx
        .selectFrom('facilities')
        .select(['id', 'active'])
        .where('id', '=', facilityId)
        .where(facilityScope(actor, 'facilities.id'))
        .executeTakeFirst();
    },

    /** True when `candidateId` is `ancestorId` itself or lies anywhere below it. */
    async isSelfOrDescendant(trx: Db, ancestorId: string, candidateId: string): Promise<boolean> {
      const result = await sql<{ found: number }>`
        with recursive below (id) as (
          select ${ancestorId}::uuid
          union all
          select c.id from locations c join below on c.parent_id = below.id
        )
        select 1 as found from below where id = ${candidateId}::uuid limit 1`.execute(trx);
      return result.rows.length > 0;
    },

    async childKinds(trx: Db, id: string): Promise<string[]> {
      const rows = await trx.selectFrom('locations').select('kind').distinct().where('parent_id', '=', id).execute();
      return rows.map((r) => r.kind);
    },

    async hasActiveChildren(trx: Db, id: string): Promise<boolean> {
      const row = await trx.selectFrom('locations').select('id').where('parent_id', '=', id).where('active', '=', true).limit(1).executeTakeFirst();
      return !!row;
    },

    insert(trx: Db, rows: Insertable<Locations>[]) {
      return trx.insertInto('locations').values(rows).returningAll().execute();
    },

    update(trx: Db, id: string, version: number, values: Updateable<Locations>) {
      return trx
        .updateTable('locations')
        .set({ ...values, version: version + 1, updated_at: new Date() })
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst();
    },
  };
}
export type LocationsRepository = ReturnType<typeof locationsRepository>;
