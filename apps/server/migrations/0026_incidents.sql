-- Incidents (issue 10, docs/incidents.md; DOMAIN.md §10, Mandela Rules 69 and 71): what happened,
-- where and to whom, the time-stamped decision log, the notifications each type requires tracked to
-- completion, the supervisor's review and the debrief with its actions.

-- Incident types (catalogue 'incident-types'): whether a type is serious, its default severity and
-- whom it requires to be told, within how many hours (0: immediately). Severity levels are a
-- catalogue too ('incident-severities', code '1' the gravest). A service changes or adds them as
-- new versions; an incident keeps the version of its type it was reported under.
insert into catalogue_entries (catalogue, code, version, effective_from, data, source, author) values
('incident-types', 'assault-on-staff', 1, date '1900-01-01', '{"names": {"en": "Assault on staff", "ru": "Нападение на сотрудника", "tg": "Ҳамла ба корманд"}, "serious": true, "defaultSeverity": "2", "notifications": [{"recipient": "governor", "withinHours": 0}, {"recipient": "headquarters", "withinHours": 24}, {"recipient": "prosecutor", "withinHours": 24}], "active": true}', 'DOMAIN.md §10.5 (UN DPKO Prison Incident Management Handbook 2013); Mandela Rules 69, 71', 'system'),
('incident-types', 'assault-on-prisoner', 1, date '1900-01-01', '{"names": {"en": "Assault on a prisoner", "ru": "Нападение на осуждённого", "tg": "Ҳамла ба маҳбус"}, "serious": true, "defaultSeverity": "2", "notifications": [{"recipient": "governor", "withinHours": 0}, {"recipient": "headquarters", "withinHours": 24}], "active": true}', 'DOMAIN.md §10.5 (UN DPKO Prison Incident Management Handbook 2013); Mandela Rules 69, 71', 'system'),
('incident-types', 'fight', 1, date '1900-01-01', '{"names": {"en": "Fight between prisoners", "ru": "Драка между осуждёнными", "tg": "Занозании маҳбусон"}, "serious": false, "defaultSeverity": "3", "notifications": [{"recipient": "governor", "withinHours": 12}], "active": true}', 'DOMAIN.md §10.5 (UN DPKO Prison Incident Management Handbook 2013); Mandela Rules 69, 71', 'system'),
('incident-types', 'disturbance', 1, date '1900-01-01', '{"names": {"en": "Disturbance or concerted indiscipline", "ru": "Массовые беспорядки или групповое неповиновение", "tg": "Бетартибии оммавӣ ё итоаткунии гурӯҳӣ"}, "serious": true, "defaultSeverity": "1", "notifications": [{"recipient": "governor", "withinHours": 0}, {"recipient": "headquarters", "withinHours": 0}, {"recipient": "prosecutor", "withinHours": 4}], "active": true}', 'DOMAIN.md §10.5 (UN DPKO Prison Incident Management Handbook 2013); Mandela Rules 69, 71', 'system'),
('incident-types', 'hostage-taking', 1, date '1900-01-01', '{"names": {"en": "Hostage-taking", "ru": "Захват заложников", "tg": "Гаравгонгирӣ"}, "serious": true, "defaultSeverity": "1", "notifications": [{"recipient": "governor", "withinHours": 0}, {"recipient": "headquarters", "withinHours": 0}, {"recipient": "police", "withinHours": 0}, {"recipient": "prosecutor", "withinHours": 0}], "active": true}', 'DOMAIN.md §10.5 (UN DPKO Prison Incident Management Handbook 2013); Mandela Rules 69, 71', 'system'),
('incident-types', 'escape', 1, date '1900-01-01', '{"names": {"en": "Escape", "ru": "Побег", "tg": "Фирор"}, "serious": true, "defaultSeverity": "1", "notifications": [{"recipient": "governor", "withinHours": 0}, {"recipient": "headquarters", "withinHours": 0}, {"recipient": "police", "withinHours": 0}, {"recipient": "prosecutor", "withinHours": 4}], "active": true}', 'DOMAIN.md §10.5 (UN DPKO Prison Incident Management Handbook 2013); Mandela Rules 69, 71', 'system'),
('incident-types', 'escape-attempt', 1, date '1900-01-01', '{"names": {"en": "Attempted escape", "ru": "Покушение на побег", "tg": "Кӯшиши фирор"}, "serious": true, "defaultSeverity": "2", "notifications": [{"recipient": "governor", "withinHours": 0}, {"recipient": "headquarters", "withinHours": 4}, {"recipient": "prosecutor", "withinHours": 24}], "active": true}', 'DOMAIN.md §10.5 (UN DPKO Prison Incident Management Handbook 2013); Mandela Rules 69, 71', 'system'),
('incident-types', 'barricade', 1, date '1900-01-01', '{"names": {"en": "Barricade", "ru": "Баррикадирование", "tg": "Монеъ сохтан"}, "serious": true, "defaultSeverity": "2", "notifications": [{"recipient": "governor", "withinHours": 0}, {"recipient": "headquarters", "withinHours": 4}], "active": true}', 'DOMAIN.md §10.5 (UN DPKO Prison Incident Management Handbook 2013); Mandela Rules 69, 71', 'system'),
('incident-types', 'fire', 1, date '1900-01-01', '{"names": {"en": "Fire or explosion", "ru": "Пожар или взрыв", "tg": "Сӯхтор ё таркиш"}, "serious": true, "defaultSeverity": "2", "notifications": [{"recipient": "fire-service", "withinHours": 0}, {"recipient": "governor", "withinHours": 0}, {"recipient": "headquarters", "withinHours": 4}], "active": true}', 'DOMAIN.md §10.5 (UN DPKO Prison Incident Management Handbook 2013); Mandela Rules 69, 71', 'system'),
('incident-types', 'self-harm', 1, date '1900-01-01', '{"names": {"en": "Self-harm or attempted suicide", "ru": "Членовредительство или попытка самоубийства", "tg": "Ба худ осеб расонидан ё кӯшиши худкушӣ"}, "serious": true, "defaultSeverity": "2", "notifications": [{"recipient": "medical", "withinHours": 0}, {"recipient": "governor", "withinHours": 4}, {"recipient": "headquarters", "withinHours": 24}], "active": true}', 'DOMAIN.md §10.5 (UN DPKO Prison Incident Management Handbook 2013); Mandela Rules 69, 71', 'system'),
('incident-types', 'death-in-custody', 1, date '1900-01-01', '{"names": {"en": "Death in custody", "ru": "Смерть под стражей", "tg": "Марг дар ҳабс"}, "serious": true, "defaultSeverity": "1", "notifications": [{"recipient": "independent-authority", "withinHours": 0}, {"recipient": "next-of-kin", "withinHours": 0}, {"recipient": "governor", "withinHours": 0}, {"recipient": "headquarters", "withinHours": 0}, {"recipient": "prosecutor", "withinHours": 0}], "active": true}', 'DOMAIN.md §10.5 (UN DPKO Prison Incident Management Handbook 2013); Mandela Rules 69, 71', 'system'),
('incident-types', 'find', 1, date '1900-01-01', '{"names": {"en": "Find of contraband", "ru": "Обнаружение запрещённых предметов", "tg": "Ёфтани ашёи манъшуда"}, "serious": false, "defaultSeverity": "3", "notifications": [{"recipient": "governor", "withinHours": 24}], "active": true}', 'DOMAIN.md §10.5 (UN DPKO Prison Incident Management Handbook 2013); Mandela Rules 69, 71', 'system'),
('incident-types', 'damage', 1, date '1900-01-01', '{"names": {"en": "Damage to property", "ru": "Повреждение имущества", "tg": "Вайрон кардани молу мулк"}, "serious": false, "defaultSeverity": "4", "notifications": [], "active": true}', 'DOMAIN.md §10.5 (UN DPKO Prison Incident Management Handbook 2013); Mandela Rules 69, 71', 'system'),
('incident-types', 'protest', 1, date '1900-01-01', '{"names": {"en": "Protest or hunger strike", "ru": "Протест или голодовка", "tg": "Эътироз ё гуруснанишинӣ"}, "serious": true, "defaultSeverity": "2", "notifications": [{"recipient": "medical", "withinHours": 0}, {"recipient": "governor", "withinHours": 0}, {"recipient": "headquarters", "withinHours": 24}, {"recipient": "prosecutor", "withinHours": 24}], "active": true}', 'DOMAIN.md §10.5 (UN DPKO Prison Incident Management Handbook 2013); Mandela Rules 69, 71', 'system'),
('incident-types', 'radicalisation', 1, date '1900-01-01', '{"names": {"en": "Radicalisation-related activity", "ru": "Деятельность, связанная с радикализацией", "tg": "Фаъолияти марбут ба радикализатсия"}, "serious": true, "defaultSeverity": "2", "notifications": [{"recipient": "governor", "withinHours": 4}, {"recipient": "headquarters", "withinHours": 24}], "active": true}', 'DOMAIN.md §10.5 (UN DPKO Prison Incident Management Handbook 2013); Mandela Rules 69, 71', 'system'),
('incident-types', 'drone-throw-over', 1, date '1900-01-01', '{"names": {"en": "Drone or throw-over delivery", "ru": "Доставка дроном или переброс через ограждение", "tg": "Расонидан бо дрон ё партофтан аз девор"}, "serious": false, "defaultSeverity": "3", "notifications": [{"recipient": "governor", "withinHours": 12}, {"recipient": "police", "withinHours": 24}], "active": true}', 'DOMAIN.md §10.5 (UN DPKO Prison Incident Management Handbook 2013); Mandela Rules 69, 71', 'system'),
('incident-types', 'medical-emergency', 1, date '1900-01-01', '{"names": {"en": "Medical emergency", "ru": "Неотложная медицинская ситуация", "tg": "Ҳолати фаврии тиббӣ"}, "serious": false, "defaultSeverity": "3", "notifications": [{"recipient": "medical", "withinHours": 0}, {"recipient": "governor", "withinHours": 12}], "active": true}', 'DOMAIN.md §10.5 (UN DPKO Prison Incident Management Handbook 2013); Mandela Rules 69, 71', 'system'),
('incident-types', 'staff-corruption', 1, date '1900-01-01', '{"names": {"en": "Staff corruption or conditioning", "ru": "Коррупция или вербовка сотрудника", "tg": "Фасод ё ҷалби корманд"}, "serious": true, "defaultSeverity": "2", "notifications": [{"recipient": "governor", "withinHours": 0}, {"recipient": "headquarters", "withinHours": 24}, {"recipient": "prosecutor", "withinHours": 72}], "active": true}', 'DOMAIN.md §10.5 (UN DPKO Prison Incident Management Handbook 2013); Mandela Rules 69, 71', 'system'),
('incident-types', 'bomb-threat', 1, date '1900-01-01', '{"names": {"en": "Bomb threat", "ru": "Угроза взрыва", "tg": "Таҳдиди таркиш"}, "serious": true, "defaultSeverity": "1", "notifications": [{"recipient": "police", "withinHours": 0}, {"recipient": "governor", "withinHours": 0}, {"recipient": "headquarters", "withinHours": 0}], "active": true}', 'DOMAIN.md §10.5 (UN DPKO Prison Incident Management Handbook 2013); Mandela Rules 69, 71', 'system'),
('incident-types', 'other', 1, date '1900-01-01', '{"names": {"en": "Other incident", "ru": "Другое происшествие", "tg": "Ҳодисаи дигар"}, "serious": false, "defaultSeverity": "4", "notifications": [], "active": true}', 'DOMAIN.md §10.5 (UN DPKO Prison Incident Management Handbook 2013); Mandela Rules 69, 71', 'system'),
('incident-severities', '1', 1, date '1900-01-01', '{"names": {"en": "Critical", "ru": "Критический", "tg": "Ҷиддӣ"}, "description": {"en": "Lives in danger, an escape or a loss of control; outside help needed.", "ru": "Угроза жизни, побег или потеря контроля; нужна внешняя помощь.", "tg": "Хатар ба ҳаёт, фирор ё аз даст додани назорат; кӯмаки берунӣ лозим аст."}}', 'Vigil defaults (DOMAIN.md §10.7: severity levels 1–4)', 'system'),
('incident-severities', '2', 1, date '1900-01-01', '{"names": {"en": "Major", "ru": "Серьёзный", "tg": "Вазнин"}, "description": {"en": "Injury, a serious threat to order or security; the facility''s own response.", "ru": "Травмы, серьёзная угроза порядку или безопасности; силами учреждения.", "tg": "Ҷароҳат, таҳдиди ҷиддӣ ба тартибот ё амният; бо қувваи муассиса."}}', 'Vigil defaults (DOMAIN.md §10.7: severity levels 1–4)', 'system'),
('incident-severities', '3', 1, date '1900-01-01', '{"names": {"en": "Moderate", "ru": "Средний", "tg": "Миёна"}, "description": {"en": "Contained quickly on the wing; no serious injury.", "ru": "Быстро локализовано на этаже; без серьёзных травм.", "tg": "Дар қисм зуд маҳдуд карда шуд; бе ҷароҳати ҷиддӣ."}}', 'Vigil defaults (DOMAIN.md §10.7: severity levels 1–4)', 'system'),
('incident-severities', '4', 1, date '1900-01-01', '{"names": {"en": "Minor", "ru": "Незначительный", "tg": "Ночиз"}, "description": {"en": "Recorded for the record and for trends.", "ru": "Записано для учёта и анализа тенденций.", "tg": "Барои ҳисоб ва таҳлили тамоюлҳо сабт шудааст."}}', 'Vigil defaults (DOMAIN.md §10.7: severity levels 1–4)', 'system');

create table incidents (
  id uuid primary key default gen_random_uuid(),
  -- The number staff quote (INC-000123): one sequence for the whole service.
  number integer generated by default as identity unique,
  facility_id uuid not null references facilities(id),
  type_entry_id uuid not null references catalogue_entries(id),
  type_code text not null,
  -- Serious as reported: the type's flag, or a serious or fatal injury recorded with it.
  serious boolean not null,
  severity text not null check (severity ~ '^[1-9]$'),
  status text not null default 'reported' check (status in ('reported', 'contained', 'resolved', 'closed')),
  occurred_at timestamptz not null,
  reported_at timestamptz not null default now(),
  contained_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz,
  place_detail text,
  summary text not null,
  reported_by uuid not null references users(id),
  review_outcome text check (review_outcome in ('satisfactory', 'concerns')),
  review_comments text,
  reviewed_by uuid references users(id),
  reviewed_at timestamptz,
  debrief_held_on date,
  debrief_participants text,
  debrief_summary text,
  debrief_lessons text,
  debrief_by uuid references users(id),
  debrief_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint incidents_reviewed check ((reviewed_by is null) = (reviewed_at is null))
);
create index incidents_facility on incidents (facility_id, occurred_at desc);
create index incidents_open on incidents (facility_id) where status <> 'closed';
create index incidents_type_entry on incidents (type_entry_id);

create table incident_places (
  incident_id uuid not null references incidents(id),
  location_id uuid not null references locations(id),
  primary key (incident_id, location_id)
);

-- People involved: a prisoner or member of staff by id, a visitor or other person by name.
create table incident_people (
  id uuid primary key default gen_random_uuid(),
  incident_id uuid not null references incidents(id),
  kind text not null check (kind in ('prisoner', 'staff', 'visitor', 'other')),
  prisoner_id uuid references prisoner_rows(id),
  staff_id uuid references users(id),
  name text,
  role text not null check (role in ('victim', 'perpetrator', 'witness', 'responder', 'hostage', 'other')),
  injury text not null default 'none' check (injury in ('none', 'minor', 'serious', 'fatal')),
  injury_notes text,
  -- The order they were listed in the report.
  position integer not null default 0,
  added_by uuid not null references users(id),
  created_at timestamptz not null default now(),
  constraint incident_people_who check (
    (kind = 'prisoner' and prisoner_id is not null) or (kind = 'staff' and staff_id is not null) or (kind in ('visitor', 'other') and name is not null))
);
create index incident_people_incident on incident_people (incident_id);
create index incident_people_prisoner on incident_people (prisoner_id) where prisoner_id is not null;

-- The decision log is never edited: a later decision says what changed.
create table incident_decisions (
  id uuid primary key default gen_random_uuid(),
  incident_id uuid not null references incidents(id),
  decided_at timestamptz not null,
  decided_by uuid not null references users(id),
  decision text not null,
  rationale text not null,
  created_at timestamptz not null default now()
);
create index incident_decisions_incident on incident_decisions (incident_id, decided_at);

create function incident_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% rows are never changed: the log only grows', tg_table_name using errcode = '55000';
end $$;
create trigger incident_decisions_append_only before update or delete on incident_decisions
  for each row execute function incident_log_append_only();

-- Notifications the type (or an injury) requires, each with its deadline, tracked to completion.
create table incident_notifications (
  id uuid primary key default gen_random_uuid(),
  incident_id uuid not null references incidents(id),
  recipient text not null,
  basis text not null,
  due_at timestamptz not null,
  notified_at timestamptz,
  method text check (method in ('phone', 'in-person', 'email', 'letter', 'radio', 'electronic-system')),
  contact text,
  reference text,
  recorded_by uuid references users(id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  unique (incident_id, recipient),
  constraint incident_notifications_done check ((notified_at is null) = (recorded_by is null))
);
create index incident_notifications_open on incident_notifications (due_at) where notified_at is null;

create table incident_actions (
  id uuid primary key default gen_random_uuid(),
  incident_id uuid not null references incidents(id),
  description text not null,
  owner_id uuid not null references users(id),
  due_on date not null,
  done_on date,
  done_by uuid references users(id),
  note text,
  added_by uuid not null references users(id),
  version integer not null default 1,
  created_at timestamptz not null default now()
);
create index incident_actions_incident on incident_actions (incident_id);

-- Links to records of other modules (a search, an alarm, an intelligence report, a camera, a
-- use-of-force report): kind, the id there and a label. Not foreign keys: those modules own them.
create table incident_links (
  id uuid primary key default gen_random_uuid(),
  incident_id uuid not null references incidents(id),
  kind text not null check (kind in ('search', 'alarm', 'intelligence-report', 'camera', 'force-report', 'other')),
  target_id text not null,
  label text not null,
  added_by uuid not null references users(id),
  added_at timestamptz not null default now(),
  unique (incident_id, kind, target_id)
);
