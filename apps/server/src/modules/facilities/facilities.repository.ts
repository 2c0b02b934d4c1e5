import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { DB, Facilities } from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { facilityScope } from '../../platform/access/facility-scope.ts';
import type { Db } from '../../platform/db/db.ts';

export type FacilityRow = Selectable<Facilities>;

export function facilitiesRepository(db: Kysely<DB>) {
  return {
    list(actor: Actor, opts: { includeInactive: boolean }, trx: Db = db) {
      let q = trx.selectFrom('facilities').selectAll().where(facilityScope(actor, 'facilities.id')).orderBy('code');
      if (!opts.includeInactive) q = q.where('active', '=', true);
      return q.execute();
    },
    find(actor: Actor, id: string, trx: Db = db) {
      return trx.selectFrom('facilities').selectAll().where('id', '=', id).where(facilityScope(actor, 'facilities.id')).executeTakeFirst();
    },
    /** Locks the row for the rest of the transaction, so version checks and updates cannot interleave. */
    findForUpdate(actor: Actor, id: string, trx: Transaction<DB>) {
      return trx.selectFrom('facilities').selectAll().where('id', '=', id).where(facilityScope(actor, 'facilities.id')).forUpdate().executeTakeFirst();
    },
    /** Gives a user access to a facility (its creator, who must see what they made). */
    grantAccess(trx: Db, userId: string, facilityId: string) {
      return trx.insertInto('user_facilities').values({ user_id: userId, facility_id: facilityId }).execute();
    },
    insert(trx: Db, row: Insertable<Facilities>) {
      return trx.insertInto('facilities').values(row).returningAll().executeTakeFirstOrThrow();
    },
    update(trx: Db, id: string, version: number, values: Updateable<Facilities>) {
      return trx
        .updateTable('facilities')
        .set({ ...values, version: version + 1, updated_at: new Date() })
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst();
    },
  };
}
