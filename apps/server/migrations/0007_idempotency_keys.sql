-- Idempotency-Key (IETF draft "The Idempotency-Key HTTP Header Field"): a POST sent again with the
-- same key by the same user gets the first outcome back instead of writing twice. Rows live 24 h.
-- No session tokens or secrets here: auth routes are not covered, the request is kept only as a
-- keyed hash (fingerprint), and only the response a client already received is stored.
create table idempotency_keys (
  user_id uuid not null references users(id),
  key text not null,
  -- HMAC of method, path and body: the same key with another request is refused (422).
  fingerprint text not null,
  -- Null while the first request is in flight (a retry then gets 409).
  status_code integer,
  content_type text,
  response_body bytea,
  created_at timestamptz not null default now(),
  primary key (user_id, key)
);

create index idempotency_keys_created_at on idempotency_keys (created_at);
