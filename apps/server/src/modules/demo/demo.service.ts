import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { systemContext } from '../../platform/access/actor.ts';
import { hashPassword } from '../../platform/auth/crypto.ts';
import type { AnyModule } from '../../platform/modules/module.ts';
import { MODULES } from '../index.ts';
import { emptyDemoIds, type DemoContext } from './demo-context.ts';
import { planDemoPrisoners } from './demo.prisoners.ts';
import { buildDemoPlan, DEMO_LOGINS } from './demo.plan.ts';

export { DemoAlreadySeededError } from './demo-context.ts';

export interface DemoLogins {
  password: string;
  users: { username: string; roles: string[] }[];
}

export const DEMO_PASSWORD = 'vigil-demo-2026';

/** Seeds the demo dataset when the database has no users yet; returns the logins, or null. */
export async function seedDemoIfEmpty(db: Kysely<DB>, opts: { seed: number; now?: Date }): Promise<DemoLogins | null> {
  const any = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  return seedDemo(db, opts);
}

/**
 * Writes the demo dataset for `seed` in one transaction (all or nothing): the scenario is planned
 * here, and every module of the registry with a `demo` part writes its own records of it. Every
 * row gets its audit event, written as the system ('demo-seed'), so the audit chain verifies
 * afterwards like after any other write.
 */
export async function seedDemo(db: Kysely<DB>, opts: { seed: number; now?: Date; prisoners?: number }): Promise<DemoLogins> {
  const plan = buildDemoPlan(opts.seed);
  const prisoners = planDemoPrisoners(opts.seed, plan.facilities, opts.now ?? new Date(), opts.prisoners);
  // One hash for every demo account: they share the published demo password anyway.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.transaction().execute((trx) => seedModuleDemos(MODULES, { trx, ctx: systemContext('demo-seed'), plan, prisoners, passwordHash, ids: emptyDemoIds() }));

  return {
    password: DEMO_PASSWORD,
    users: DEMO_LOGINS.map((l) => ({ username: l.username, roles: [l.role] })),
  };
}

/** Has each module write its part, in registry order: a module refers to what earlier ones wrote. */
export async function seedModuleDemos(modules: readonly AnyModule[], demo: DemoContext) {
  for (const module of modules) await module.demo?.(demo);
}
