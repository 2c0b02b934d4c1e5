import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { systemContext, type RequestContext } from '../../platform/access/actor.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { lockoutMinutes } from './auth.rules.ts';

/**
 * Counts one failed password or second-factor attempt and locks the account with back-off when
 * the free attempts are used up. Both factors share one counter, so someone who knows the password
 * cannot guess codes for ever by signing in again. Committed on its own: the caller then throws
 * the same "wrong" answer whether or not this attempt set the lock; the next one meets the lock.
 */
export async function recordFailedAttempt(db: Kysely<DB>, ctx: RequestContext, userId: string, factor: 'password' | 'mfa'): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // Incremented in SQL so parallel guesses are each counted.
    const { failed_attempts: failed } = await trx
      .updateTable('users')
      .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
      .where('id', '=', userId)
      .returning('failed_attempts')
      .executeTakeFirstOrThrow();
    const minutes = lockoutMinutes(failed);
    if (minutes) {
      await trx.updateTable('users').set({ locked_until: new Date(Date.now() + minutes * 60_000) }).where('id', '=', userId).execute();
    }
    await appendAudit(trx, ctx, {
      action: minutes ? 'auth.locked' : factor === 'mfa' ? 'auth.mfa-failed' : 'auth.sign-in-failed',
      entityType: 'user',
      entityId: userId,
      after: { factor, failedAttempts: failed, lockedMinutes: minutes },
    });
  });
}

const MAX_UNKNOWN_NAMES = 10_000;

/**
 * Failed sign-ins under names that are no (active) account, counted in memory with the accounts'
 * own back-off, so that the answers (401 five times, then 423) and their timing are the same for a
 * name that exists and one that does not: the lockout cannot be used to find user names. Each
 * failure is audited like an account's (without the name typed, which may be a mistyped password).
 */
export function unknownNameAttempts(db: Kysely<DB>) {
  const byName = new Map<string, { failed: number; lockedUntil: number }>();
  return {
    isLocked(username: string, now: Date): boolean {
      return (byName.get(username.toLowerCase())?.lockedUntil ?? 0) > now.getTime();
    },

    async recordFailure(username: string, meta: { requestId: string; clientIp: string | null }, now: Date): Promise<void> {
      const key = username.toLowerCase();
      const failed = (byName.get(key)?.failed ?? 0) + 1;
      const minutes = lockoutMinutes(failed);
      // Re-inserted so the Map's order is least recently failed first, the one to forget when full.
      byName.delete(key);
      byName.set(key, { failed, lockedUntil: now.getTime() + minutes * 60_000 });
      if (byName.size > MAX_UNKNOWN_NAMES) byName.delete(byName.keys().next().value!);
      const anonymous = systemContext('anonymous');
      await db.transaction().execute((trx) =>
        appendAudit(trx, { ...anonymous, requestId: meta.requestId, clientIp: meta.clientIp }, {
          action: minutes ? 'auth.locked' : 'auth.sign-in-failed',
          entityType: 'user',
          after: { factor: 'password', knownName: false, failedAttempts: failed, lockedMinutes: minutes },
        }),
      );
    },
  };
}
