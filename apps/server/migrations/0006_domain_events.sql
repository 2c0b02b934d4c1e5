-- Domain events (docs/adr/008-domain-events.md). A service writes its event in the same
-- transaction as its change (the outbox), so the event exists if and only if the change does.
-- seq orders events as they were written, not as they committed: a subscriber's progress is
-- therefore what it has handled, event by event, never a single "up to" number.
create table domain_events (
  seq bigint generated always as identity primary key,
  id uuid not null unique default gen_random_uuid(),
  type text not null,
  entity_type text not null,
  entity_id uuid not null,
  facility_id uuid references facilities(id),
  payload jsonb not null,
  occurred_at timestamptz not null default now()
);
create index domain_events_type_seq on domain_events (type, seq);

-- What each subscriber has handled, written in the same transaction as the subscriber's own
-- effect: a crash between the two cannot leave one without the other.
create table domain_events_handled (
  subscriber text not null,
  event_id uuid not null references domain_events(id),
  handled_at timestamptz not null default now(),
  primary key (subscriber, event_id)
);
