-- Searches, finds and evidence (issue 10; DOMAIN.md §6.4, Mandela Rules 50–52, Bangkok Rule 19;
-- docs/searches.md).

-- An officer's sex, for the same-sex rule of person searches (Mandela Rule 52(1), Bangkok Rule 19).
-- Null until recorded: an officer whose sex is not recorded cannot conduct a person search.
alter table users add column sex text check (sex in ('male', 'female'));

-- A search of a place (cell, area, vehicle) or of a person (a prisoner or a visitor: rub-down, full).
create table searches (
  id uuid primary key default gen_random_uuid(),
  facility_id uuid not null references facilities(id),
  type text not null check (type in ('rub-down', 'full', 'cell', 'area', 'vehicle')),
  basis text not null check (basis in ('scheduled', 'intelligence-led', 'suspicion', 'random')),
  reason text not null,
  -- The place searched (cell, area; where a vehicle or person was searched, if known).
  location_id uuid references locations(id),
  -- The person searched: a prisoner, or a visitor named here with their sex.
  prisoner_id uuid references prisoner_rows(id),
  visitor_name text,
  visitor_sex text check (visitor_sex in ('male', 'female')),
  vehicle text,
  searched_at timestamptz not null,
  result text not null check (result in ('nothing-found', 'items-found', 'refused', 'not-completed')),
  notes text,
  recorded_by uuid not null references users(id),
  created_at timestamptz not null default now(),
  version integer not null default 1,
  constraint searches_person check ((type in ('rub-down', 'full')) = (prisoner_id is not null or visitor_name is not null)),
  constraint searches_one_person check (prisoner_id is null or visitor_name is null),
  constraint searches_visitor_sex check ((visitor_name is null) = (visitor_sex is null)),
  constraint searches_place check (type not in ('cell', 'area') or location_id is not null)
);
create index searches_facility_time on searches (facility_id, searched_at desc);
create index searches_location on searches (location_id, searched_at desc) where location_id is not null;
create index searches_prisoner on searches (prisoner_id) where prisoner_id is not null;

-- Who searched, and who witnessed it (Mandela Rule 51: the record names who searched).
create table search_officers (
  search_id uuid not null references searches(id),
  user_id uuid not null references users(id),
  role text not null check (role in ('searcher', 'witness')),
  primary key (search_id, user_id)
);
create index search_officers_user on search_officers (user_id);

-- Each wing's cells are searched at least once in `period_days` (docs/searches.md: 28 by default).
create table search_schedules (
  wing_id uuid primary key references locations(id),
  facility_id uuid not null references facilities(id),
  period_days integer not null check (period_days between 1 and 365),
  updated_by uuid not null references users(id),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);

-- Evidence bags: a number unique in the facility (SIZO2-2026-000123), who holds it now, and how it ended.
create table evidence_bag_counters (
  facility_id uuid not null references facilities(id),
  year integer not null,
  last integer not null,
  primary key (facility_id, year)
);
create table evidence_bags (
  id uuid primary key default gen_random_uuid(),
  facility_id uuid not null references facilities(id),
  number text not null unique,
  search_id uuid not null references searches(id),
  status text not null check (status in ('held', 'with-police', 'disposed')),
  holder_id uuid references users(id),
  seal text,
  created_at timestamptz not null default now(),
  version integer not null default 1,
  constraint evidence_bags_holder check ((status = 'held') = (holder_id is not null))
);
create index evidence_bags_facility on evidence_bags (facility_id, created_at desc);
create index evidence_bags_search on evidence_bags (search_id);

-- What was found (Mandela Rule 51: the results of the search), where and on whom.
create table finds (
  id uuid primary key default gen_random_uuid(),
  search_id uuid not null references searches(id),
  facility_id uuid not null references facilities(id),
  category text not null check (category in ('phone-sim', 'drugs', 'weapon', 'extremist-material', 'cash', 'alcohol', 'tools', 'other')),
  description text not null,
  quantity integer not null check (quantity between 1 and 100000),
  location_id uuid references locations(id),
  prisoner_id uuid references prisoner_rows(id),
  found_at timestamptz not null,
  bag_id uuid references evidence_bags(id),
  recorded_by uuid not null references users(id),
  created_at timestamptz not null default now()
);
create index finds_facility_time on finds (facility_id, found_at);
create index finds_search on finds (search_id);
create index finds_prisoner on finds (prisoner_id) where prisoner_id is not null;
create index finds_bag on finds (bag_id) where bag_id is not null;

-- Photos of a find, kept in the database with their SHA-256 (docs/searches.md).
create table find_photos (
  id uuid primary key default gen_random_uuid(),
  find_id uuid not null references finds(id),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  content_type text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
  size_bytes integer not null,
  bytes bytea not null,
  uploaded_by uuid not null references users(id),
  uploaded_at timestamptz not null default now()
);
create index find_photos_find on find_photos (find_id);

-- The chain of custody: every step signed, time-stamped, in order, never edited.
create table custody_steps (
  id uuid primary key default gen_random_uuid(),
  bag_id uuid not null references evidence_bags(id),
  seq integer not null check (seq >= 1),
  kind text not null check (kind in ('bagged', 'handed-over', 'police-handover', 'disposed')),
  from_id uuid references users(id),
  to_id uuid references users(id),
  -- Who signed: the receiving officer (hand-over), the witness (disposal), the holder (bagging, police).
  signed_by uuid not null references users(id),
  -- The police officer who took it, and the receipt's reference (police hand-over); how it was destroyed (disposal).
  external_party text,
  reference text,
  note text,
  -- The photo hashes of the bag's finds as they stood at this step.
  photo_hashes text[] not null default '{}',
  at timestamptz not null,
  unique (bag_id, seq)
);
create function custody_steps_never_edited() returns trigger language plpgsql as $$
begin
  raise exception '% rows are never changed: the chain of custody only grows', tg_table_name using errcode = '55000';
end $$;
create trigger custody_steps_never_edited before update or delete on custody_steps
  for each row execute function custody_steps_never_edited();
