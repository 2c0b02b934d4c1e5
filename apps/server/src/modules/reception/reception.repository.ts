import { sql, type Insertable, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { DB, Intakes, PropertyItems } from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { facilityScope } from '../../platform/access/facility-scope.ts';
import type { Db } from '../../platform/db/db.ts';

export type IntakeRow = Selectable<Intakes>;

export function receptionRepository(db: Kysely<DB>) {
  return {
    list(actor: Actor, facilityId: string, status: IntakeRow['status'] | undefined, trx: Db = db) {
      let q = trx
        .selectFrom('intakes')
        .selectAll()
        .where('facility_id', '=', facilityId)
        .where(facilityScope(actor, 'intakes.facility_id'))
        .orderBy('expected_on', 'asc')
        .orderBy('created_at', 'asc')
        .limit(500);
      // By default, the work still to do: expected arrivals and intakes in progress.
      q = status ? q.where('status', '=', status) : q.where('status', 'in', ['expected', 'in-progress']);
      return q.execute();
    },

    find(actor: Actor, id: string, trx: Db = db) {
      return trx.selectFrom('intakes').selectAll().where('id', '=', id).where(facilityScope(actor, 'intakes.facility_id')).executeTakeFirst();
    },

    findForUpdate(actor: Actor, id: string, trx: Transaction<DB>) {
      return trx.selectFrom('intakes').selectAll().where('id', '=', id).where(facilityScope(actor, 'intakes.facility_id')).forUpdate().executeTakeFirst();
    },

    insert(trx: Transaction<DB>, row: Insertable<Intakes>) {
      return trx.insertInto('intakes').values(row).returningAll().executeTakeFirstOrThrow();
    },

    update(trx: Transaction<DB>, id: string, version: number, changes: Updateable<Intakes>) {
      return trx
        .updateTable('intakes')
        .set({ ...changes, version: version + 1, updated_at: new Date() })
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst();
    },

    /**
     * Takes the next number of a facility's yearly sequence. The upsert locks the counter row until
     * the transaction ends, so concurrent receptions queue here and never share a number.
     */
    async takeSequence(trx: Transaction<DB>, facilityId: string, year: number): Promise<number> {
      const row = await trx
        .insertInto('prison_number_counters')
        .values({ facility_id: facilityId, year, last_value: 1 })
        .onConflict((oc) => oc.columns(['facility_id', 'year']).doUpdateSet({ last_value: sql`prison_number_counters.last_value + 1` }))
        .returning('last_value')
        .executeTakeFirstOrThrow();
      return row.last_value;
    },

    /** The number the sequence would give next, without taking it (a proposal for the form). */
    async peekSequence(facilityId: string, year: number): Promise<number> {
      const row = await db.selectFrom('prison_number_counters').select('last_value').where('facility_id', '=', facilityId).where('year', '=', year).executeTakeFirst();
      return (row?.last_value ?? 0) + 1;
    },

    insertProperty(trx: Transaction<DB>, rows: Insertable<PropertyItems>[]) {
      return rows.length ? trx.insertInto('property_items').values(rows).execute() : Promise.resolve([]);
    },

  };
}
