import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { RequestContext } from '../../platform/access/actor.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { lockoutMinutes } from './auth.rules.ts';

/**
 * Counts one failed password or second-factor attempt and locks the account with back-off when
 * the free attempts are used up. Both factors share one counter, so someone who knows the password
 * cannot guess codes for ever by signing in again. Committed on its own: the caller then throws.
 */
export async function recordFailedAttempt(
  db: Kysely<DB>,
  ctx: RequestContext,
  userId: string,
  factor: 'password' | 'mfa',
): Promise<{ locked: boolean }> {
  return db.transaction().execute(async (trx) => {
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
    return { locked: minutes > 0 };
  });
}
