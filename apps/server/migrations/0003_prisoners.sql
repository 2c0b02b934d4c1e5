-- The prisoner file (Mandela Rules 7–8), reception, alerts, placements (location history) and
-- cross-script name search. Runs unchanged on PostgreSQL 15+ and on PGlite.

-- pg_trgm is a trusted extension (PostgreSQL 13+): a database owner may create it without superuser.
create extension if not exists pg_trgm;

-- The prisoner file. Columns that rules, scope and search depend on are real columns; the rest of
-- the record (documents, legal, family, admission health, ...) is the versioned document `file`,
-- validated by the PrisonerFile contract. Every correction writes a new prisoner_versions row.
create table prisoners (
  id uuid primary key default gen_random_uuid(),
  prison_number text not null,
  facility_id uuid not null references facilities(id),       -- the facility that holds the file now
  state text not null check (state in ('in-custody', 'temporarily-absent', 'in-transit', 'released')),
  family_name text not null,
  given_name text not null,
  patronymic text,
  family_name_latin text,
  given_name_latin text,
  patronymic_latin text,
  date_of_birth date not null check (date_of_birth > date '1900-01-01'),
  sex text not null check (sex in ('male', 'female')),
  legal_status text not null check (legal_status in ('untried', 'convicted')),
  security_category text not null check (security_category in ('low', 'medium', 'high', 'maximum')),
  cell_sharing_risk boolean not null default false,
  extremism_related boolean not null default false,
  nationality char(2),
  admitted_at timestamptz not null,
  released_at timestamptz,
  earliest_release_date date,
  latest_release_date date,
  current_location_id uuid references locations(id),
  photo_sha256 text,
  file jsonb not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (released_at is null or released_at >= admitted_at)
);
create unique index prisoners_prison_number on prisoners (lower(prison_number));
create index prisoners_facility_state on prisoners (facility_id, state);
create index prisoners_location on prisoners (current_location_id) where current_location_id is not null;
create index prisoners_birth on prisoners (date_of_birth);

-- Every version of the file as it stood, with who changed it and why (corrections never overwrite).
create table prisoner_versions (
  prisoner_id uuid not null references prisoners(id),
  version integer not null,
  snapshot jsonb not null,
  reason text not null,
  author_user_id uuid,
  author_username text not null,
  created_at timestamptz not null default now(),
  primary key (prisoner_id, version)
);

create table prisoner_photos (
  sha256 text primary key,
  content_type text not null,
  bytes bytea not null,
  created_at timestamptz not null default now()
);

-- Search terms: every name, alias and Latin form of a prisoner, with its cross-script key
-- (platform/text/name-key.ts), plus prison and identity-document numbers. Rewritten with the file.
create table prisoner_search_terms (
  id uuid primary key default gen_random_uuid(),  -- uuid like every key: backups restore without moving sequences
  prisoner_id uuid not null references prisoners(id),
  kind text not null check (kind in ('name', 'alias', 'number')),
  term text not null,
  key text not null
);
create index prisoner_search_terms_prisoner on prisoner_search_terms (prisoner_id);
create index prisoner_search_terms_key_trgm on prisoner_search_terms using gin (key gin_trgm_ops);
-- text_pattern_ops: number prefixes (LIKE 'AB12%') use this B-tree whatever the database collation.
create index prisoner_search_terms_number on prisoner_search_terms (key text_pattern_ops) where kind = 'number';

-- Reception: an expected arrival becomes an intake, worked through in steps (save and resume) and
-- completed only with a valid commitment order (Mandela Rule 7).
create table intakes (
  id uuid primary key default gen_random_uuid(),
  facility_id uuid not null references facilities(id),
  status text not null check (status in ('expected', 'in-progress', 'completed', 'cancelled')),
  expected_on date,
  arriving_from text,
  data jsonb not null default '{}',
  prisoner_id uuid references prisoners(id),
  linked_existing boolean not null default false,
  cancel_reason text,
  created_by uuid,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index intakes_facility_status on intakes (facility_id, status);

-- Property taken in at reception: kept in cell or stored, signed off, returned at release.
create table property_items (
  id uuid primary key default gen_random_uuid(),
  prisoner_id uuid not null references prisoners(id),
  description text not null,
  quantity integer not null check (quantity > 0),
  storage text not null check (storage in ('in-cell', 'stored')),
  seal_number text,
  received_by text not null,
  received_at timestamptz not null default now(),
  returned_at timestamptz,
  returned_by text
);
create index property_items_prisoner on property_items (prisoner_id);

-- Alert codes are configuration, not code. `restricted_to` lists the roles that may see and raise
-- an alert of this code (empty: everyone with alerts.read).
create table alert_types (
  code text primary key,
  name_en text not null,
  name_ru text not null,
  name_tg text not null,
  needs_related_prisoner boolean not null default false,
  blocks_cell_sharing boolean not null default false,
  restricted_to text[] not null default '{}',
  active boolean not null default true
);

insert into alert_types (code, name_en, name_ru, name_tg, needs_related_prisoner, blocks_cell_sharing, restricted_to) values
  ('violent-extremist', 'Violent extremist', 'Насильственный экстремист', 'Экстремисти зӯровар', false, false, '{}'),
  ('escape-risk', 'Escape risk', 'Риск побега', 'Хавфи фирор', false, false, '{}'),
  ('self-harm', 'Self-harm risk', 'Риск самоповреждения', 'Хавфи ба худ зарар расондан', false, false, '{}'),
  ('keep-apart', 'Keep apart from', 'Содержать раздельно с', 'Аз ҳам ҷудо нигоҳ доштан', true, false, '{}'),
  ('no-cell-share', 'Do not share a cell', 'Не размещать в общей камере', 'Дар як камера ҷой надодан', false, true, '{}'),
  ('medical', 'Medical', 'Медицинское', 'Тиббӣ', false, false, '{}'),
  ('vulnerable', 'Vulnerable', 'Уязвимый', 'Осебпазир', false, false, '{}'),
  ('assaults-staff', 'Assaults staff', 'Нападения на персонал', 'Ҳамла ба кормандон', false, false, '{}'),
  ('intelligence-interest', 'Intelligence interest', 'Оперативный интерес', 'Таваҷҷӯҳи оперативӣ', false, false, '{intelligence_analyst,intelligence_manager,security_manager}');

create table prisoner_alerts (
  id uuid primary key default gen_random_uuid(),
  prisoner_id uuid not null references prisoners(id),
  code text not null references alert_types(code),
  related_prisoner_id uuid references prisoners(id),
  comment text,
  starts_on date not null,
  ends_on date,
  raised_by text not null,
  ended_by text,
  end_reason text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  check (ends_on is null or ends_on >= starts_on),
  check (related_prisoner_id is distinct from prisoner_id)
);
create index prisoner_alerts_prisoner on prisoner_alerts (prisoner_id);
create index prisoner_alerts_related on prisoner_alerts (related_prisoner_id) where related_prisoner_id is not null;

-- Where a prisoner has been: one row per stay, open while they are there (location history).
create table placements (
  id uuid primary key default gen_random_uuid(),
  prisoner_id uuid not null references prisoners(id),
  facility_id uuid not null references facilities(id),
  location_id uuid references locations(id),
  from_at timestamptz not null default now(),
  to_at timestamptz,
  reason text not null,
  override_reason text,
  moved_by text not null,
  check (to_at is null or to_at >= from_at)
);
create unique index placements_open on placements (prisoner_id) where to_at is null;
create index placements_location_open on placements (location_id) where to_at is null;

-- Movements out of and into a facility: temporary absences, transfers, release.
create table movements (
  id uuid primary key default gen_random_uuid(),
  prisoner_id uuid not null references prisoners(id),
  kind text not null check (kind in ('court', 'hospital', 'other-absence', 'transfer', 'release')),
  from_facility_id uuid not null references facilities(id),
  to_facility_id uuid references facilities(id),
  destination text,
  reason text not null,
  escort text,
  out_at timestamptz not null default now(),
  in_at timestamptz,
  recorded_by text not null,
  received_by text,
  check (in_at is null or in_at >= out_at)
);
create index movements_prisoner on movements (prisoner_id, out_at desc);
create index movements_open on movements (to_facility_id) where in_at is null;

-- Roll checks: a count session per facility, one entry per wing, compared with the roll.
create table count_sessions (
  id uuid primary key default gen_random_uuid(),
  facility_id uuid not null references facilities(id),
  status text not null check (status in ('open', 'discrepancy', 'closed')),
  started_by text not null,
  started_at timestamptz not null default now(),
  closed_at timestamptz,
  version integer not null default 1
);
create table count_entries (
  session_id uuid not null references count_sessions(id),
  location_id uuid not null references locations(id),
  expected integer not null,
  counted integer not null check (counted >= 0),
  counted_by text not null,
  counted_at timestamptz not null default now(),
  resolution text,
  primary key (session_id, location_id)
);

-- A place's path of codes from the top ("A-2-14"), for lists that show where someone is.
create function location_path(loc uuid) returns text language sql stable as $$
  with recursive up (id, parent_id, code, depth) as (
    select id, parent_id, code, 0 from locations where id = loc
    union all
    select p.id, p.parent_id, p.code, up.depth + 1 from locations p join up on p.id = up.parent_id
  )
  select string_agg(code, '-' order by depth desc) from up
$$;
