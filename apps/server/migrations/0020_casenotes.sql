-- Case notes, key workers, key-work sessions and the prisoner's timeline (issue 9, docs/casenotes.md):
-- the everyday record of dynamic security (DOMAIN.md §3.1).

-- Case-note types are configuration (catalogue 'casenote-types'), in effect from the start; a
-- service changes or adds them as new versions.
insert into catalogue_entries (catalogue, code, version, effective_from, data, source, author) values
('casenote-types', 'general', 1, date '1900-01-01', '{"names":{"en":"General","ru":"Общая","tg":"Умумӣ"},"defaultSensitivity":"normal"}', 'Vigil defaults', 'system'),
('casenote-types', 'key-work', 1, date '1900-01-01', '{"names":{"en":"Key work","ru":"Работа закреплённого сотрудника","tg":"Кори корманди масъул"},"defaultSensitivity":"normal"}', 'Vigil defaults', 'system'),
('casenote-types', 'behaviour-positive', 1, date '1900-01-01', '{"names":{"en":"Behaviour: positive","ru":"Поведение: положительное","tg":"Рафтор: мусбат"},"defaultSensitivity":"normal"}', 'Vigil defaults', 'system'),
('casenote-types', 'behaviour-negative', 1, date '1900-01-01', '{"names":{"en":"Behaviour: negative","ru":"Поведение: отрицательное","tg":"Рафтор: манфӣ"},"defaultSensitivity":"normal"}', 'Vigil defaults', 'system'),
('casenote-types', 'welfare', 1, date '1900-01-01', '{"names":{"en":"Welfare","ru":"Благополучие","tg":"Некӯаҳволӣ"},"defaultSensitivity":"normal"}', 'Vigil defaults', 'system'),
('casenote-types', 'family-contact', 1, date '1900-01-01', '{"names":{"en":"Family contact","ru":"Связь с семьёй","tg":"Робита бо оила"},"defaultSensitivity":"normal"}', 'Vigil defaults', 'system'),
('casenote-types', 'education-work', 1, date '1900-01-01', '{"names":{"en":"Education and work","ru":"Образование и труд","tg":"Таҳсил ва меҳнат"},"defaultSensitivity":"normal"}', 'Vigil defaults', 'system'),
('casenote-types', 'security-information', 1, date '1900-01-01', '{"names":{"en":"Security information","ru":"Информация о безопасности","tg":"Маълумот оид ба амният"},"defaultSensitivity":"sensitive"}', 'Vigil defaults', 'system'),
('casenote-types', 'health-referral', 1, date '1900-01-01', '{"names":{"en":"Health-related referral","ru":"Направление по вопросам здоровья","tg":"Роҳхат оид ба саломатӣ"},"defaultSensitivity":"sensitive"}', 'Vigil defaults', 'system');

-- A case note is never edited or deleted: a correction is a new note that refers to the one it
-- corrects (once: a correction may itself be corrected).
create table case_notes (
  id uuid primary key default gen_random_uuid(),
  prisoner_id uuid not null references prisoner_rows(id),
  -- Where it was written (the prisoner's facility then).
  facility_id uuid not null references facilities(id),
  type_entry_id uuid not null references catalogue_entries(id),
  sensitive boolean not null,
  body text not null,
  corrects uuid references case_notes(id),
  author_id uuid not null references users(id),
  created_at timestamptz not null default now()
);
create index case_notes_prisoner on case_notes (prisoner_id, created_at desc);
create index case_notes_type_entry on case_notes (type_entry_id);
create unique index case_notes_corrected_once on case_notes (corrects) where corrects is not null;

create function case_notes_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% rows are never changed: a correction is a new record', tg_table_name using errcode = '55000';
end $$;
create trigger case_notes_append_only before update or delete on case_notes
  for each row execute function case_notes_append_only();

-- One current key worker per prisoner; earlier ones stay as history with their last day.
create table key_worker_assignments (
  id uuid primary key default gen_random_uuid(),
  prisoner_id uuid not null references prisoner_rows(id),
  facility_id uuid not null references facilities(id),
  staff_id uuid not null references users(id),
  from_on date not null,
  to_on date,
  assigned_by uuid not null references users(id),
  created_at timestamptz not null default now(),
  constraint key_worker_assignments_dates check (to_on is null or to_on >= from_on)
);
create unique index key_worker_assignments_current on key_worker_assignments (prisoner_id) where to_on is null;
create index key_worker_assignments_facility on key_worker_assignments (facility_id) where to_on is null;

create table key_work_sessions (
  id uuid primary key default gen_random_uuid(),
  prisoner_id uuid not null references prisoner_rows(id),
  facility_id uuid not null references facilities(id),
  held_by uuid not null references users(id),
  held_on date not null,
  duration_minutes integer not null check (duration_minutes between 1 and 480),
  place text not null,
  summary text not null,
  mood text not null check (mood in ('very-low', 'low', 'settled', 'good', 'very-good')),
  engagement text not null check (engagement in ('refused', 'minimal', 'partial', 'engaged', 'fully-engaged')),
  concerns text,
  follow_up text,
  created_at timestamptz not null default now()
);
create index key_work_sessions_prisoner on key_work_sessions (prisoner_id, held_on desc);
create trigger key_work_sessions_append_only before update or delete on key_work_sessions
  for each row execute function case_notes_append_only();

-- The timeline: a read model written from domain events (one row per event, keyed by the event),
-- with the permission a reader needs to see it and, for notes, whether it is sensitive.
create table timeline_entries (
  id uuid primary key,
  prisoner_id uuid not null,
  facility_id uuid,
  occurred_at timestamptz not null,
  event_type text not null,
  entity_id uuid not null,
  permission text not null,
  sensitive boolean not null default false,
  details jsonb not null default '{}'::jsonb
);
create index timeline_entries_prisoner on timeline_entries (prisoner_id, occurred_at desc, id desc);
