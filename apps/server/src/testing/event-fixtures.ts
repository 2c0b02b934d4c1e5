import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { EventDispatcher } from '../platform/events/dispatcher.ts';
import { publish } from '../platform/events/outbox.ts';

// Helpers for the event delivery tests (platform/events) and the child process they kill.

/** A table standing for a subscriber's own effect: one row per event it handled, duplicates kept. */
export async function createEffectsTable(db: Kysely<DB>) {
  await sql`create table if not exists test_event_effects (subscriber text not null, event_id uuid not null)`.execute(db);
}

/** A subscriber that writes its effect in the delivery's transaction, taking `delayMs` over each. */
export function effectWriter(events: EventDispatcher, name: string, opts: { delayMs?: number; failAfter?: number } = {}) {
  let handled = 0;
  events.subscribe(name, ['alert.raised'], async (event, trx) => {
    if (opts.failAfter !== undefined && handled >= opts.failAfter) throw new Error('the subscriber crashed');
    await sql`insert into test_event_effects (subscriber, event_id) values (${name}, ${event.id})`.execute(trx);
    if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
    handled++;
  });
}

/** Publishes `n` events, each in a transaction of its own as services do. */
export async function publishAlerts(db: Kysely<DB>, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    await db.transaction().execute(async (trx) => {
      const alertId = randomUUID();
      await publish(trx, { type: 'alert.raised', entityId: alertId, facilityId: null, payload: { alertId, prisonerId: randomUUID(), code: 'escape-risk' } });
      ids.push(alertId);
    });
  }
  return ids;
}

export async function effects(db: Kysely<DB>, subscriber: string) {
  const r = await sql<{ total: string; distinct: string }>`select count(*) as total, count(distinct event_id) as distinct from test_event_effects where subscriber = ${subscriber}`.execute(db);
  return { total: Number(r.rows[0]!.total), distinct: Number(r.rows[0]!.distinct) };
}
