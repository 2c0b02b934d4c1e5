import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { verifyPassword } from '../../platform/auth/crypto.ts';
import type { Db } from '../../platform/db/db.ts';
import type { DB } from '../../platform/db/schema.ts';
import { usersRepository } from './users.repository.ts';

/** What the users module lets other modules ask, never through its repository. */
export function userQueries(db: Kysely<DB>) {
  const repo = usersRepository(db);
  /** Active staff of a facility (assigned to it or to every facility), by name, with their sex. */
  const staffOf = (facilityId: string, trx: Db = db) =>
    trx
      .selectFrom('users as u')
      .select(['u.id', 'u.family_name', 'u.given_name', 'u.sex'])
      .where('u.active', '=', true)
      .where((eb) => eb.or([eb('u.all_facilities', '=', true), eb.exists(eb.selectFrom('user_facilities as f').select('f.user_id').whereRef('f.user_id', '=', 'u.id').where('f.facility_id', '=', facilityId))]))
      .orderBy('u.family_name')
      .orderBy('u.given_name')
      .execute();
  return {
    /** The signed-in user's own family and given name (who printed a record). */
    ownName: (actor: Actor) => repo.nameOf(actor.userId),
    /** Whether a user is active and which roles they hold (is someone allowed to be assigned a task). */
    standing: (id: string) => repo.standing(id),
    staffOf,
    /** Staff by id, whatever their standing (names on records they signed), with their sex. */
    staffByIds: (ids: readonly string[], trx: Db = db) =>
      ids.length === 0 ? Promise.resolve([]) : trx.selectFrom('users').select(['id', 'family_name', 'given_name', 'sex']).where('id', 'in', ids).execute(),
    /**
     * A second person's signature on another's screen (an evidence hand-over): true when the user is
     * active, not locked out, and the password is theirs. The password is never stored or logged.
     */
    async countersign(userId: string, password: string, trx: Db = db) {
      const u = await trx.selectFrom('users').select(['password_hash', 'active', 'locked_until']).where('id', '=', userId).executeTakeFirst();
      if (!u || !u.active || (u.locked_until && u.locked_until > new Date())) return false;
      return verifyPassword(u.password_hash, password);
    },
  };
}
