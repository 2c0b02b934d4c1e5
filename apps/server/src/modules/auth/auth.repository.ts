import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB, SessionsTable } from '../../platform/db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export function authRepository(db: Kysely<DB>) {
  return {
    findUserByUsername(username: string, trx: Db = db) {
      return trx.selectFrom('users').selectAll().where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase())).executeTakeFirst();
    },
    findUser(id: string, trx: Db = db) {
      return trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    },
    facilityIdsOf(userId: string, trx: Db = db) {
      return trx.selectFrom('user_facilities').select('facility_id').where('user_id', '=', userId).execute().then((r) => r.map((x) => x.facility_id));
    },
    /** The facilities a user may choose between: all active ones for HQ-wide staff, else the assigned ones. */
    facilitiesFor(user: { id: string; all_facilities: boolean }, trx: Db = db) {
      let q = trx.selectFrom('facilities').select(['id', 'code', 'name', 'time_zone']).where('active', '=', true).orderBy('code');
      if (!user.all_facilities) q = q.where('id', 'in', trx.selectFrom('user_facilities').select('facility_id').where('user_id', '=', user.id));
      return q.execute();
    },
    createSession(trx: Db, row: Insertable<SessionsTable>) {
      return trx.insertInto('sessions').values(row).execute();
    },
    findSession(id: string, trx: Db = db) {
      return trx.selectFrom('sessions').selectAll().where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    },
    touchSession(id: string, now: Date) {
      return db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
    },
    updateSession(trx: Db, id: string, values: { step?: string; active_facility_id?: string | null; pending_mfa_secret?: string | null }) {
      return trx.updateTable('sessions').set(values).where('id', '=', id).execute();
    },
    revokeSession(trx: Db, id: string, now: Date) {
      return trx.updateTable('sessions').set({ revoked_at: now }).where('id', '=', id).execute();
    },
    revokeAllSessions(trx: Db, userId: string, now: Date) {
      return trx.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
    },
    recordFailure(trx: Db, userId: string, failedAttempts: number, lockedUntil: Date | null) {
      return trx.updateTable('users').set({ failed_attempts: failedAttempts, locked_until: lockedUntil }).where('id', '=', userId).execute();
    },
    clearFailures(trx: Db, userId: string) {
      return trx.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', userId).execute();
    },
  };
}
export type AuthRepository = ReturnType<typeof authRepository>;
