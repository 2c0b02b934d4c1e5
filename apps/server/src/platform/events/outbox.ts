import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { entityTypeOf, type DomainEventPayloads, type DomainEventType, type EventEnvelope, type NewDomainEvent } from './event-types.ts';

/** The PostgreSQL channel on which every committed event is announced, as its envelope. */
export const EVENTS_CHANNEL = 'vigil_events';

type EventRow = { seq: string; id: string; type: string; entity_type: string; entity_id: string; facility_id: string | null; occurred_at: Date };

export const envelopeOf = (r: EventRow): EventEnvelope => ({
  id: r.id,
  seq: r.seq,
  type: r.type as EventEnvelope['type'],
  entityType: r.entity_type,
  entityId: r.entity_id,
  facilityId: r.facility_id,
  occurredAt: r.occurred_at.toISOString(),
});

/**
 * Records an event in the caller's transaction (the outbox), so it exists if and only if the
 * change does. The NOTIFY inside the same transaction is delivered by PostgreSQL at commit, and
 * not at all on rollback: dispatchers in every process wake up only for events that happened.
 */
export async function publish(trx: Transaction<DB>, event: NewDomainEvent): Promise<void> {
  const row = await trx
    .insertInto('domain_events')
    .values({ type: event.type, entity_type: entityTypeOf(event.type), entity_id: event.entityId, facility_id: event.facilityId, payload: JSON.stringify(event.payload) })
    .returning(['seq', 'id', 'type', 'entity_type', 'entity_id', 'facility_id', 'occurred_at'])
    .executeTakeFirstOrThrow();
  await sql`select pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(envelopeOf(row))})`.execute(trx);
}

/**
 * Many events of one type in the caller's transaction at once (a register import admits thousands
 * of prisoners): one insert and one statement of notices, each event announced as `publish` would.
 */
export async function publishMany<T extends DomainEventType>(
  trx: Transaction<DB>,
  type: T,
  events: readonly { entityId: string; facilityId: string | null; payload: DomainEventPayloads[T] }[],
): Promise<void> {
  if (events.length === 0) return;
  const rows = await sql<EventRow>`
    insert into domain_events (type, entity_type, entity_id, facility_id, payload)
    select ${type}, ${entityTypeOf(type)}, e.entity_id, e.facility_id, e.payload
      from unnest(${events.map((e) => e.entityId)}::uuid[], ${events.map((e) => e.facilityId)}::uuid[], ${events.map((e) => JSON.stringify(e.payload))}::jsonb[])
           with ordinality as e(entity_id, facility_id, payload, n)
     order by e.n
    returning seq, id, type, entity_type, entity_id, facility_id, occurred_at`.execute(trx);
  await sql`select pg_notify(${EVENTS_CHANNEL}, n) from unnest(${rows.rows.map((r) => JSON.stringify(envelopeOf(r)))}::text[]) as n`.execute(trx);
}
