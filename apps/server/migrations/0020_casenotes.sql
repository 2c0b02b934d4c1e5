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

-- Backfill: the timeline of the history already recorded, written here in one statement rather than
-- by the subscriber one event per transaction (the dispatcher delivers a new subscriber's whole
-- backlog before the server reports ready). It writes what `timeline.projector.ts` writes
-- (casenotes.int.test.ts compares the two), and marks the events handled by both subscribers.
-- backfill:start
insert into timeline_entries (id, prisoner_id, facility_id, occurred_at, event_type, entity_id, permission, sensitive, details)
select e.id, p.id, coalesce(e.facility_id, p.facility_id), e.occurred_at, e.type, e.entity_id,
  case
    when e.type like 'prisoner.%' then 'prisoners.read'
    when e.type like 'alert.%' then 'alerts.read'
    when e.type = 'assessment.approved' then 'assessments.assess'
    when e.type = 'classification.decided' then 'classification.read'
    when e.type like 'plan.%' then 'plans.read'
    when e.type like 'programme.%' then 'programmes.read'
    when e.type = 'handover.issued' then 'handover.manage'
    else 'casenotes.read'
  end,
  e.type = 'casenote.recorded' and coalesce((e.payload->>'sensitive')::boolean, false),
  jsonb_strip_nulls(case e.type
    when 'prisoner.admitted' then jsonb_build_object('readmission', (e.payload->>'readmission')::boolean, 'facility', (select f.name from facilities f where f.id = e.facility_id))
    when 'prisoner.moved' then jsonb_build_object('location', location_path((e.payload->>'toLocationId')::uuid), 'fromLocation', location_path((e.payload->>'fromLocationId')::uuid))
    when 'prisoner.transferred' then jsonb_build_object(
      'facility', (select f.name from facilities f where f.id = (e.payload->>'toFacilityId')::uuid),
      'fromFacility', (select f.name from facilities f where f.id = (e.payload->>'fromFacilityId')::uuid))
    when 'alert.raised' then jsonb_build_object('code', e.payload->>'code', 'names', (select c.data->'names' from catalogue_entries c where c.catalogue = 'alert-types' and c.code = e.payload->>'code' order by c.version desc limit 1))
    when 'alert.ended' then jsonb_build_object('code', e.payload->>'code', 'names', (select c.data->'names' from catalogue_entries c where c.catalogue = 'alert-types' and c.code = e.payload->>'code' order by c.version desc limit 1))
    when 'assessment.approved' then (
      select jsonb_build_object('code', e.payload->>'instrumentCode', 'names', i.data->'names', 'level', e.payload->>'judgement',
               'levelNames', (select l->'names' from jsonb_array_elements(i.data->'judgementLevels') l where l->>'code' = e.payload->>'judgement' limit 1))
        from (select (select c.data from catalogue_entries c where c.catalogue = 'assessment-instruments' and c.code = e.payload->>'instrumentCode' order by c.version desc limit 1) as data) i)
    when 'classification.decided' then jsonb_build_object('code', e.payload->>'scheme', 'level', e.payload->>'level', 'review', (e.payload->>'review')::boolean,
      'levelNames', (select l->'names' from catalogue_entries c, jsonb_array_elements(c.data->'levels') l
                      where c.catalogue = 'category-schemes' and c.code = e.payload->>'scheme' and l->>'code' = e.payload->>'level' order by c.version desc limit 1))
    when 'plan.intervention-changed' then jsonb_build_object('level', e.payload->>'status')
    when 'programme.ended' then jsonb_build_object('level', e.payload->>'outcome')
    when 'casenote.recorded' then jsonb_build_object('code', e.payload->>'type',
      'names', (select c.data->'names' from catalogue_entries c where c.catalogue = 'casenote-types' and c.code = e.payload->>'type' order by c.version desc limit 1),
      'sensitive', case when (e.payload->>'sensitive')::boolean then true end)
    when 'handover.issued' then jsonb_build_object('code', e.payload->>'recipientProfile',
      'names', (select c.data->'names' from catalogue_entries c where c.catalogue = 'handover-recipient-profiles' and c.code = e.payload->>'recipientProfile' order by c.version desc limit 1))
    else '{}'::jsonb
  end)
from domain_events e
join prisoner_rows p on p.id::text = e.payload->>'prisonerId'
where e.type in ('prisoner.admitted', 'prisoner.moved', 'prisoner.transferred', 'prisoner.released', 'alert.raised', 'alert.ended',
                 'assessment.approved', 'classification.decided', 'plan.created', 'plan.reviewed', 'plan.intervention-changed',
                 'programme.enrolled', 'programme.ended', 'casenote.recorded', 'keywork.session-recorded', 'handover.issued')
on conflict (id) do nothing;
insert into domain_events_handled (subscriber, event_id)
select 'casenotes.timeline', e.id from domain_events e
where e.type in ('prisoner.admitted', 'prisoner.moved', 'prisoner.transferred', 'prisoner.released', 'alert.raised', 'alert.ended',
                 'assessment.approved', 'classification.decided', 'plan.created', 'plan.reviewed', 'plan.intervention-changed',
                 'programme.enrolled', 'programme.ended', 'casenote.recorded', 'keywork.session-recorded', 'handover.issued')
on conflict do nothing;
-- backfill:end
-- No one had a key worker before this migration: past releases and transfers end nothing.
insert into domain_events_handled (subscriber, event_id)
select 'casenotes.keyworker-on-leaving', e.id from domain_events e where e.type in ('prisoner.released', 'prisoner.transferred');
