import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { systemContext } from '../../platform/access/actor.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { hashPassword } from '../../platform/auth/crypto.ts';

export interface DemoLogins {
  password: string;
  users: { username: string; roles: string[] }[];
}

export const DEMO_PASSWORD = 'vigil-demo-2026';

/** Seeds the demo dataset when the database has no users yet; returns the logins, or null. */
export async function seedDemoIfEmpty(db: Kysely<DB>, _opts: { seed: number }): Promise<DemoLogins | null> {
  const any = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  const ctx = systemContext('demo-seed');
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    const user = await trx
      .insertInto('users')
      .values({
        staff_number: 'A-0001',
        username: 'admin',
        family_name: 'Administrator',
        given_name: 'System',
        language: 'en',
        roles: ['sysadmin'],
        all_facilities: true,
        password_hash: passwordHash,
        must_change_password: false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx, { action: 'user.created', entityType: 'user', entityId: user.id, after: { username: 'admin' } });
  });
  return { password: DEMO_PASSWORD, users: [{ username: 'admin', roles: ['sysadmin'] }] };
}
