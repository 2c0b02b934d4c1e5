import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { DomainEvent } from './event-types.ts';
import { envelopeOf } from './outbox.ts';

/**
 * The oldest events of these types that the subscriber has not handled. An anti-join rather than
 * a high-water mark: sequence numbers are taken at insert, so a later number can commit first.
 */
export async function pendingEvents(db: Kysely<DB>, subscriber: string, types: readonly string[], limit: number): Promise<DomainEvent[]> {
  const rows = await db
    .selectFrom('domain_events as e')
    .select(['e.seq', 'e.id', 'e.type', 'e.entity_type', 'e.entity_id', 'e.facility_id', 'e.occurred_at', 'e.payload'])
    .where('e.type', 'in', types)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('domain_events_handled as h').select('h.event_id').where('h.subscriber', '=', subscriber).whereRef('h.event_id', '=', 'e.id'))),
    )
    .orderBy('e.seq')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...envelopeOf(r), payload: r.payload }) as DomainEvent);
}

// One arbitrary number, the namespace of the subscribers' advisory locks (see migrate.ts's).
const SUBSCRIBER_LOCK = 73_190_002;

/**
 * Takes the subscriber's lock for the rest of the transaction, or says another process holds it:
 * one process at a time delivers to a subscriber, so no event is handled twice and each
 * subscriber sees its events in order.
 */
export async function lockSubscriber(trx: Transaction<DB>, subscriber: string): Promise<boolean> {
  const r = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${SUBSCRIBER_LOCK}, hashtext(${subscriber})) as locked`.execute(trx);
  return r.rows[0]!.locked;
}

export async function wasHandled(trx: Transaction<DB>, subscriber: string, eventId: string): Promise<boolean> {
  return !!(await trx.selectFrom('domain_events_handled').select('event_id').where('subscriber', '=', subscriber).where('event_id', '=', eventId).executeTakeFirst());
}

export async function markHandled(trx: Transaction<DB>, subscriber: string, eventId: string): Promise<void> {
  await trx.insertInto('domain_events_handled').values({ subscriber, event_id: eventId }).execute();
}
