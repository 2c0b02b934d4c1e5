-- Foundation: facilities, locations, staff, sessions and the append-only audit trail.
-- Runs unchanged on PostgreSQL 15+ and on embedded PGlite (PostgreSQL 18).

create table facilities (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  name_latin text,
  country char(2) not null,
  region text not null,
  time_zone text not null,
  type text not null,
  capacity integer not null check (capacity >= 0),
  active boolean not null default true,
  deactivation_reason text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table locations (
  id uuid primary key default gen_random_uuid(),
  facility_id uuid not null references facilities(id),
  parent_id uuid references locations(id),
  kind text not null,
  code text not null,
  name text not null,
  baseline_capacity integer check (baseline_capacity >= 0),
  operational_capacity integer check (operational_capacity >= 0),
  sex_designation text check (sex_designation in ('male', 'female', 'any')),
  security_level text check (security_level in ('low', 'medium', 'high', 'maximum')),
  special_types text[] not null default '{}',
  active boolean not null default true,
  deactivation_reason text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (parent_id is distinct from id)
);
-- Codes are unique among siblings; top-level places are siblings under the facility itself.
create unique index locations_sibling_code on locations
  (facility_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(code));
create index locations_parent on locations (parent_id);
create index locations_facility on locations (facility_id, kind);

create table users (
  id uuid primary key default gen_random_uuid(),
  staff_number text not null,
  username text not null,
  family_name text not null,
  given_name text not null,
  patronymic text,
  family_name_latin text,
  given_name_latin text,
  language text not null default 'ru' check (language in ('en', 'ru', 'tg')),
  roles text[] not null,
  all_facilities boolean not null default false,
  password_hash text not null,
  must_change_password boolean not null default true,
  mfa_secret text,            -- AES-256-GCM ciphertext of the TOTP secret, never the secret itself
  mfa_enabled boolean not null default false,
  failed_attempts integer not null default 0,
  locked_until timestamptz,
  active boolean not null default true,
  deactivation_reason text,
  deactivated_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_staff_number on users (lower(staff_number));
create unique index users_username on users (lower(username));

create table user_facilities (
  user_id uuid not null references users(id),
  facility_id uuid not null references facilities(id),
  primary key (user_id, facility_id)
);
create index user_facilities_facility on user_facilities (facility_id);

create table recovery_codes (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id),
  code_hash text not null,
  used_at timestamptz
);
create index recovery_codes_user on recovery_codes (user_id);

create table sessions (
  id text primary key,        -- SHA-256 of the cookie token; the token itself is never stored
  user_id uuid not null references users(id),
  step text not null,         -- 'mfa' | 'enrol-mfa' | 'change-password' | 'done'
  csrf_token text not null,
  active_facility_id uuid references facilities(id),
  pending_mfa_secret text,    -- encrypted, during enrolment only
  client_ip text,
  user_agent text,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index sessions_user on sessions (user_id);

-- The audit trail: append-only and hash-chained. `seq` is handed out under the lock on
-- audit_head, so it has no gaps: a missing number means a deleted event.
create table audit_events (
  seq bigint primary key,
  occurred_at timestamptz not null,
  actor_user_id uuid,
  actor_username text,
  actor_roles text[] not null default '{}',
  facility_id uuid,
  action text not null,
  entity_type text,
  entity_id text,
  request_id text,
  client_ip text,
  before jsonb,
  after jsonb,
  prev_hash text not null,
  hash text not null
);
create index audit_events_time on audit_events (occurred_at desc);
create index audit_events_entity on audit_events (entity_type, entity_id);
create index audit_events_actor on audit_events (actor_user_id, occurred_at desc);
create index audit_events_facility on audit_events (facility_id, occurred_at desc);

create table audit_head (
  id integer primary key check (id = 1),
  seq bigint not null,
  hash text not null
);
insert into audit_head (id, seq, hash) values (1, 0, repeat('0', 64));

create function audit_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_events is append-only: % is not allowed', tg_op
    using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_events_no_update before update or delete on audit_events
  for each row execute function audit_events_append_only();
create trigger audit_events_no_truncate before truncate on audit_events
  for each statement execute function audit_events_append_only();
