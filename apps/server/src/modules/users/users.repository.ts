import { sql, type Expression, type ExpressionBuilder, type Insertable, type Kysely, type Selectable, type SqlBool, type Transaction, type Updateable } from 'kysely';
import type { Role } from '@vigil/contracts';
import type { DB, Users } from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { facilityScope } from '../../platform/access/facility-scope.ts';
import { likePattern, type UserCursor } from './users.rules.ts';
import type { Db } from '../../platform/db/db.ts';

export type UserRow = Selectable<Users>;

export interface UserFilters {
  q?: string;
  role?: Role;
  facilityId?: string;
  includeInactive: boolean;
}

/**
 * The users an actor may see: everyone for HQ-wide staff; otherwise users who share at least one
 * of the actor's facilities. HQ-wide users stay out of a facility administrator's reach.
 */
function visibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'users'>): Expression<SqlBool> => {
    if (actor.facilities === 'all') return sql<SqlBool>`true`;
    return eb.and([
      eb('users.all_facilities', '=', false),
      eb.exists(
        eb
          .selectFrom('user_facilities as uf')
          .select('uf.facility_id')
          .whereRef('uf.user_id', '=', 'users.id')
          .where(facilityScope(actor, 'uf.facility_id')),
      ),
    ]);
  };
}

export function usersRepository(db: Kysely<DB>) {
  return {
    async list(actor: Actor, f: UserFilters, after: UserCursor | null, limit: number, trx: Db = db) {
      let q = trx.selectFrom('users').selectAll().where(visibleTo(actor));
      if (!f.includeInactive) q = q.where('users.active', '=', true);
      if (f.q) {
        const pattern = likePattern(f.q);
        q = q.where((eb) =>
          eb.or(
            (['username', 'staff_number', 'family_name', 'given_name', 'patronymic', 'family_name_latin', 'given_name_latin'] as const).map((c) =>
              eb(`users.${c}`, 'ilike', pattern),
            ),
          ),
        );
      }
      if (f.role) q = q.where(sql<SqlBool>`${f.role} = any(users.roles)`);
      if (f.facilityId) {
        const facilityId = f.facilityId;
        q = q.where((eb) =>
          eb.exists(eb.selectFrom('user_facilities as ff').select('ff.user_id').whereRef('ff.user_id', '=', 'users.id').where('ff.facility_id', '=', facilityId)),
        );
      }
      if (after) {
        q = q.where((eb) => eb(eb.refTuple('users.family_name', 'users.given_name', sql<string>`users.id::text`), '>', eb.tuple(after[0], after[1], after[2])));
      }
      return q.orderBy('users.family_name').orderBy('users.given_name').orderBy(sql`users.id::text`).limit(limit).execute();
    },

    /** Only the name, by id and unscoped: callers pass the signed-in user's own id. */
    nameOf(id: string, trx: Db = db) {
      return trx.selectFrom('users').select(['family_name', 'given_name']).where('id', '=', id).executeTakeFirst();
    },

    /** Whether a user is active and what their roles are, whatever the reader's scope. */
    standing(id: string, trx: Db = db) {
      return trx.selectFrom('users').select(['id', 'active', 'roles']).where('id', '=', id).executeTakeFirst();
    },

    find(actor: Actor, id: string, trx: Db = db) {
      return trx.selectFrom('users').selectAll().where('users.id', '=', id).where(visibleTo(actor)).executeTakeFirst();
    },

    /** Locks the row for the rest of the transaction, so version checks and updates cannot interleave. */
    findForUpdate(actor: Actor, id: string, trx: Transaction<DB>) {
      return trx.selectFrom('users').selectAll().where('users.id', '=', id).where(visibleTo(actor)).forUpdate().executeTakeFirst();
    },

    /**
     * True when the user also works at facilities outside the actor's view. A facility
     * administrator may see such a colleague but not manage them: resetting their password would
     * hand over access to facilities the administrator does not hold.
     */
    async assignedOutside(actor: Actor, userId: string, trx: Db = db): Promise<boolean> {
      if (actor.facilities === 'all') return false;
      const outside = await trx
        .selectFrom('user_facilities')
        .select('facility_id')
        .where('user_id', '=', userId)
        .where((eb) => eb.not(facilityScope(actor, 'user_facilities.facility_id')))
        .limit(1)
        .executeTakeFirst();
      return !!outside;
    },

    /** The facility assignments of these users that the actor may see, by user id. */
    async facilityIdsOf(actor: Actor, userIds: string[], trx: Db = db): Promise<Map<string, string[]>> {
      const out = new Map<string, string[]>(userIds.map((id) => [id, []]));
      if (!userIds.length) return out;
      const rows = await trx
        .selectFrom('user_facilities')
        .select(['user_id', 'facility_id'])
        .where('user_id', 'in', userIds)
        .where(facilityScope(actor, 'user_facilities.facility_id'))
        .orderBy('facility_id')
        .execute();
      for (const r of rows) out.get(r.user_id)!.push(r.facility_id);
      return out;
    },

    /** How many of these facilities exist, are active and are visible to the actor. */
    async countAssignable(actor: Actor, facilityIds: readonly string[], trx: Db = db): Promise<number> {
      const unique = [...new Set(facilityIds)];
      if (!unique.length) return 0;
      const rows = await trx
        .selectFrom('facilities')
        .select('id')
        .where('id', 'in', unique)
        .where('active', '=', true)
        .where(facilityScope(actor, 'facilities.id'))
        .execute();
      return rows.length;
    },

    /**
     * Replaces the user's assignments among the facilities the actor can see; assignments to
     * facilities outside the actor's view are left alone (a facility admin cannot remove them).
     */
    async setFacilities(trx: Transaction<DB>, actor: Actor, userId: string, facilityIds: readonly string[]) {
      await trx.deleteFrom('user_facilities').where('user_id', '=', userId).where(facilityScope(actor, 'user_facilities.facility_id')).execute();
      const unique = [...new Set(facilityIds)];
      if (unique.length) {
        await trx
          .insertInto('user_facilities')
          .values(unique.map((facility_id) => ({ user_id: userId, facility_id })))
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    },

    /** Locks every active administrator row, so two concurrent removals cannot both pass the last-admin check. */
    async lockActiveAdmins(trx: Transaction<DB>): Promise<number> {
      const rows = await trx.selectFrom('users').select('id').where('active', '=', true).where(sql<SqlBool>`'sysadmin' = any(roles)`).forUpdate().execute();
      return rows.length;
    },

    insert(trx: Db, row: Insertable<Users>) {
      return trx.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
    },

    update(trx: Db, id: string, version: number, values: Updateable<Users>) {
      return trx
        .updateTable('users')
        .set({ ...values, version: version + 1, updated_at: new Date() })
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst();
    },

    revokeSessions(trx: Db, userId: string, now: Date) {
      return trx.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
    },

    deleteRecoveryCodes(trx: Db, userId: string) {
      return trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    },
  };
}
export type UsersRepository = ReturnType<typeof usersRepository>;
