-- Observation levels and checks (issue 10 must-have 4, docs/observations.md): how often a prisoner
-- at risk is looked at, the checks made (who, when, what they were doing, a sign of life), the
-- checks missed (recorded by the module's sweeper, one row per level and due time), and for
-- constant observation the handovers of the watching officer.

-- The levels are configuration (catalogue 'observation-levels'): the ACA adult local detention
-- standard asks for a check at least every 30 minutes on an irregular schedule for high and medium
-- security, more often for suicidal or violent people; 15 minutes and constant watch are the common
-- practice for suicide watch (security-tech.md §4.2). A country changes or adds levels as new versions.
insert into catalogue_entries (catalogue, code, version, effective_from, data, source, author) values
('observation-levels', 'hourly', 1, date '1900-01-01', '{"names":{"en":"Every 60 minutes","ru":"Каждые 60 минут","tg":"Ҳар 60 дақиқа"},"intervalMinutes":60,"active":true}', 'Vigil defaults; ACA adult local detention standards (security-tech.md §4.2)', 'system'),
('observation-levels', 'half-hourly', 1, date '1900-01-01', '{"names":{"en":"Every 30 minutes","ru":"Каждые 30 минут","tg":"Ҳар 30 дақиқа"},"intervalMinutes":30,"active":true}', 'Vigil defaults; ACA adult local detention standards (security-tech.md §4.2)', 'system'),
('observation-levels', 'quarter-hourly', 1, date '1900-01-01', '{"names":{"en":"Every 15 minutes","ru":"Каждые 15 минут","tg":"Ҳар 15 дақиқа"},"intervalMinutes":15,"active":true}', 'Vigil defaults; ACA adult local detention standards (security-tech.md §4.2)', 'system'),
('observation-levels', 'constant', 1, date '1900-01-01', '{"names":{"en":"Constant observation","ru":"Постоянное наблюдение","tg":"Назорати доимӣ"},"intervalMinutes":null,"active":true}', 'Vigil defaults; ACA adult local detention standards (security-tech.md §4.2)', 'system');

-- One episode of observation of a prisoner, from its start to its end; reviews continue or change
-- it (each a new version of the row, audited with before and after, and a line in its history).
create table observation_levels (
  id uuid primary key default gen_random_uuid(),
  facility_id uuid not null references facilities(id),
  prisoner_id uuid not null references prisoner_rows(id),
  level_code text not null,
  -- The catalogue version the level was set (or last changed) under, and its interval then.
  level_entry_id uuid not null references catalogue_entries(id),
  interval_minutes integer check (interval_minutes is null or interval_minutes between 1 and 240),
  reason text not null,
  review_on date not null,
  status text not null default 'active' check (status in ('active', 'ended')),
  started_at timestamptz not null,
  -- Checks are due from here when none was made since: the start, or the last change of level.
  schedule_from timestamptz not null,
  ended_at timestamptz,
  set_by text not null,                                       -- username, as alerts keep raised_by
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  constraint observation_levels_ended check ((status = 'ended') = (ended_at is not null))
);
-- One active observation per prisoner, kept by the database too.
create unique index observation_levels_active on observation_levels (prisoner_id) where status = 'active';
create index observation_levels_facility on observation_levels (facility_id, status);

-- What happened to a level, in order: set, continued, changed, ended (reason and next review).
create table observation_level_events (
  id uuid primary key default gen_random_uuid(),
  level_id uuid not null references observation_levels(id),
  kind text not null check (kind in ('set', 'continued', 'changed', 'ended')),
  level_code text not null,
  level_entry_id uuid not null references catalogue_entries(id),
  reason text not null,
  review_on date,
  at timestamptz not null,
  by_username text not null
);
create index observation_level_events_level on observation_level_events (level_id, at);

-- A check made: late when after the due time it answered (minutes late kept).
create table observation_checks (
  id uuid primary key default gen_random_uuid(),
  level_id uuid not null references observation_levels(id),
  facility_id uuid not null references facilities(id),
  prisoner_id uuid not null references prisoner_rows(id),
  checked_at timestamptz not null,
  checked_by text not null,
  activity text not null check (activity in ('asleep', 'lying-awake', 'sitting', 'standing', 'walking', 'eating', 'reading', 'washing', 'talking', 'praying', 'agitated', 'distressed', 'other')),
  sign_of_life text not null check (sign_of_life in ('movement', 'breathing', 'speech', 'response')),
  note text,
  due_at timestamptz not null,
  minutes_late integer check (minutes_late is null or minutes_late >= 0)
);
create index observation_checks_level on observation_checks (level_id, checked_at);
create index observation_checks_facility on observation_checks (facility_id, checked_at);

-- A due time that passed with no check: one row per level and due time, so two sweepers (two
-- server processes) record it once. `answered_by` is the late check made before the next was due.
create table observation_missed (
  id uuid primary key default gen_random_uuid(),
  level_id uuid not null references observation_levels(id),
  facility_id uuid not null references facilities(id),
  prisoner_id uuid not null references prisoner_rows(id),
  due_at timestamptz not null,
  recorded_at timestamptz not null,
  answered_by uuid references observation_checks(id),
  unique (level_id, due_at)
);
create index observation_missed_facility on observation_missed (facility_id, due_at);

-- Constant observation: who took over the watch, when.
create table observation_handovers (
  id uuid primary key default gen_random_uuid(),
  level_id uuid not null references observation_levels(id),
  watcher text not null,
  at timestamptz not null,
  note text
);
create index observation_handovers_level on observation_handovers (level_id, at);
