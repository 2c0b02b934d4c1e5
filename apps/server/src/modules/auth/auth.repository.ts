import { sql, type Insertable, type Kysely } from 'kysely';
import type { Language } from '@vigil/contracts';
import type { DB, Sessions } from '../../platform/db/schema.ts';
import type { Db } from '../../platform/db/db.ts';

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
    createSession(trx: Db, row: Insertable<Sessions>) {
      return trx.insertInto('sessions').values(row).execute();
    },
    findSession(id: string, trx: Db = db) {
      return trx.selectFrom('sessions').selectAll().where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    },
    /**
     * The live session behind a token with its user and the user's facility ids, in one round
     * trip: this runs on every request, so it is the floor under every endpoint's latency.
     */
    findSessionWithUser(id: string) {
      return db
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .selectAll('u')
        .select([
          's.step as session_step',
          's.csrf_token as session_csrf_token',
          's.active_facility_id as session_active_facility_id',
          's.created_at as session_created_at',
          's.last_seen_at as session_last_seen_at',
          's.expires_at as session_expires_at',
          (eb) =>
            eb.fn
              .coalesce(
                eb.selectFrom('user_facilities as uf').select((e) => e.fn.agg<string[]>('array_agg', ['uf.facility_id']).as('ids')).whereRef('uf.user_id', '=', 'u.id'),
                sql<string[]>`'{}'::uuid[]`,
              )
              .as('facility_ids'),
        ])
        .where('s.id', '=', id)
        .where('s.revoked_at', 'is', null)
        .executeTakeFirst();
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
    clearFailures(trx: Db, userId: string) {
      return trx.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', userId).execute();
    },
    revokeOtherSessions(trx: Db, userId: string, keepSessionId: string, now: Date) {
      return trx
        .updateTable('sessions')
        .set({ revoked_at: now })
        .where('user_id', '=', userId)
        .where('id', '!=', keepSessionId)
        .where('revoked_at', 'is', null)
        .execute();
    },
    /**
     * Records the TOTP step just used, only if it is later than the last one: the conditional
     * update makes two requests racing with the same code see exactly one success.
     */
    async claimTotpStep(trx: Db, userId: string, step: number): Promise<boolean> {
      const r = await trx
        .updateTable('users')
        .set({ mfa_last_step: step })
        .where('id', '=', userId)
        .where((eb) => eb.or([eb('mfa_last_step', 'is', null), eb('mfa_last_step', '<', step)]))
        .executeTakeFirst();
      return r.numUpdatedRows > 0n;
    },
    /** Marks an unused recovery code as used; false when there is no such unused code. */
    async useRecoveryCode(trx: Db, userId: string, codeHash: string, now: Date): Promise<boolean> {
      const r = await trx
        .updateTable('recovery_codes')
        .set({ used_at: now })
        .where('user_id', '=', userId)
        .where('code_hash', '=', codeHash)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return r.numUpdatedRows > 0n;
    },
    async unusedRecoveryCodes(trx: Db, userId: string): Promise<number> {
      const r = await trx
        .selectFrom('recovery_codes')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('user_id', '=', userId)
        .where('used_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async replaceRecoveryCodes(trx: Db, userId: string, codeHashes: string[]) {
      await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
      if (codeHashes.length) await trx.insertInto('recovery_codes').values(codeHashes.map((code_hash) => ({ user_id: userId, code_hash }))).execute();
    },
    enableMfa(trx: Db, userId: string, sealedSecret: string, step: number) {
      return trx
        .updateTable('users')
        .set((eb) => ({ mfa_secret: sealedSecret, mfa_enabled: true, mfa_last_step: step, version: eb('version', '+', 1), updated_at: new Date() }))
        .where('id', '=', userId)
        .execute();
    },
    setPassword(trx: Db, userId: string, passwordHash: string) {
      return trx
        .updateTable('users')
        .set((eb) => ({ password_hash: passwordHash, must_change_password: false, version: eb('version', '+', 1), updated_at: new Date() }))
        .where('id', '=', userId)
        .execute();
    },
    setLanguage(trx: Db, userId: string, language: Language) {
      return trx
        .updateTable('users')
        .set((eb) => ({ language, version: eb('version', '+', 1), updated_at: new Date() }))
        .where('id', '=', userId)
        .execute();
    },
  };
}
export type AuthRepository = ReturnType<typeof authRepository>;
