-- Use of force and restraints (issue 10; DOMAIN.md §6.3 Mandela Rules 43(2), 47, 48, Bangkok Rule 24;
-- §6.6 Rule 82; §10.6; docs/force.md): the techniques and instruments a country allows, the reasons
-- force may be used for, when the report is due, and the reports with their supervisor's review.

-- Techniques and restraint instruments (catalogue 'force-techniques'). Chains, irons and other
-- inherently degrading or painful restraints are listed as prohibited, so a report naming one is
-- refused with the rule (Mandela Rule 47(1)); no restraint is used on a pregnant woman (Rule 48(2),
-- Bangkok Rule 24: the file records pregnancy at admission, not labour).
insert into catalogue_entries (catalogue, code, version, effective_from, data, source, author) values
('force-techniques', 'escort-hold', 1, date '1900-01-01', '{"names":{"en":"Escort (guiding) hold","ru":"Сопровождающий захват","tg":"Дастгирии ҳамроҳикунанда"},"kind":"technique","allowed":true,"maxDurationMinutes":null,"reviewIntervalMinutes":null,"refusedFor":[],"basis":null}', 'Nelson Mandela Rules (A/RES/70/175) 47–49, 82; Vigil defaults', 'system'),
('force-techniques', 'arm-lock', 1, date '1900-01-01', '{"names":{"en":"Arm lock (control hold)","ru":"Загиб руки (контрольный захват)","tg":"Қапидани даст (дастгирии назоратӣ)"},"kind":"technique","allowed":true,"maxDurationMinutes":30,"reviewIntervalMinutes":null,"refusedFor":[],"basis":null}', 'Nelson Mandela Rules (A/RES/70/175) 47–49, 82; Vigil defaults', 'system'),
('force-techniques', 'ground-restraint', 1, date '1900-01-01', '{"names":{"en":"Ground restraint","ru":"Удержание на полу","tg":"Нигоҳ доштан дар замин"},"kind":"technique","allowed":true,"maxDurationMinutes":10,"reviewIntervalMinutes":null,"refusedFor":["pregnant"],"basis":"Risk of positional asphyxia: as short as possible, never face down on a pregnant woman."}', 'Nelson Mandela Rules (A/RES/70/175) 48; Bangkok Rules (A/RES/65/229) 24; Vigil defaults', 'system'),
('force-techniques', 'handcuffs', 1, date '1900-01-01', '{"names":{"en":"Handcuffs","ru":"Наручники","tg":"Дастбанд"},"kind":"restraint","allowed":true,"maxDurationMinutes":240,"reviewIntervalMinutes":30,"refusedFor":["pregnant"],"basis":null}', 'Nelson Mandela Rules (A/RES/70/175) 47(2), 48; Bangkok Rules (A/RES/65/229) 24', 'system'),
('force-techniques', 'soft-limb-restraints', 1, date '1900-01-01', '{"names":{"en":"Soft limb restraints","ru":"Мягкие фиксаторы конечностей","tg":"Маҳдудкунандаҳои нарми дасту по"},"kind":"restraint","allowed":true,"maxDurationMinutes":120,"reviewIntervalMinutes":15,"refusedFor":["pregnant"],"basis":"Only to prevent self-injury, on the director''s order, with health staff told (Rule 47(2)(b))."}', 'Nelson Mandela Rules (A/RES/70/175) 47(2), 48; Bangkok Rules (A/RES/65/229) 24', 'system'),
('force-techniques', 'escort-chain', 1, date '1900-01-01', '{"names":{"en":"Chains (escort chain, closeting chain)","ru":"Цепи (конвойная цепь)","tg":"Занҷир (занҷири конвой)"},"kind":"restraint","allowed":false,"maxDurationMinutes":null,"reviewIntervalMinutes":null,"refusedFor":[],"basis":"Nelson Mandela Rule 47(1): chains are prohibited."}', 'Nelson Mandela Rules (A/RES/70/175) 47(1)', 'system'),
('force-techniques', 'leg-irons', 1, date '1900-01-01', '{"names":{"en":"Leg irons and shackles","ru":"Кандалы","tg":"Кишан"},"kind":"restraint","allowed":false,"maxDurationMinutes":null,"reviewIntervalMinutes":null,"refusedFor":[],"basis":"Nelson Mandela Rule 47(1): irons are prohibited."}', 'Nelson Mandela Rules (A/RES/70/175) 47(1)', 'system'),
('force-techniques', 'electric-shock-restraint', 1, date '1900-01-01', '{"names":{"en":"Electric-shock belt or cuffs","ru":"Электрошоковый пояс или браслеты","tg":"Камарбанд ё дастбанди электрошокӣ"},"kind":"restraint","allowed":false,"maxDurationMinutes":null,"reviewIntervalMinutes":null,"refusedFor":[],"basis":"Nelson Mandela Rule 47(1): inherently degrading and painful."}', 'Nelson Mandela Rules (A/RES/70/175) 47(1)', 'system'),
('force-techniques', 'weighted-restraint', 1, date '1900-01-01', '{"names":{"en":"Weighted restraints (balls, blocks)","ru":"Утяжелённые средства (гири, колодки)","tg":"Воситаҳои вазнин (гир, колода)"},"kind":"restraint","allowed":false,"maxDurationMinutes":null,"reviewIntervalMinutes":null,"refusedFor":[],"basis":"Nelson Mandela Rule 47(1): inherently degrading and painful."}', 'Nelson Mandela Rules (A/RES/70/175) 47(1)', 'system');

-- The reasons a report may give, each under one of the lawful grounds fixed in the contract (Rule
-- 82(1), 47(2)); there is no disciplinary ground, so restraint is never a sanction (Rule 43(2)).
insert into catalogue_entries (catalogue, code, version, effective_from, data, source, author) values
('force-reasons', 'self-defence', 1, date '1900-01-01', '{"names":{"en":"Self-defence","ru":"Самооборона","tg":"Дифои худ"},"ground":"self-defence"}', 'Nelson Mandela Rules (A/RES/70/175) 82(1)', 'system'),
('force-reasons', 'preventing-escape', 1, date '1900-01-01', '{"names":{"en":"Preventing an escape","ru":"Предотвращение побега","tg":"Пешгирии гурез"},"ground":"preventing-escape"}', 'Nelson Mandela Rules (A/RES/70/175) 47(2)(a), 82(1)', 'system'),
('force-reasons', 'preventing-self-harm', 1, date '1900-01-01', '{"names":{"en":"Preventing self-harm","ru":"Предотвращение самоповреждения","tg":"Пешгирии ба худ зарар расондан"},"ground":"preventing-self-harm"}', 'Nelson Mandela Rules (A/RES/70/175) 47(2)(b)', 'system'),
('force-reasons', 'preventing-injury-to-others', 1, date '1900-01-01', '{"names":{"en":"Preventing injury to others","ru":"Предотвращение вреда другим","tg":"Пешгирии зарар ба дигарон"},"ground":"preventing-injury-to-others"}', 'Nelson Mandela Rules (A/RES/70/175) 47(2)(b)', 'system'),
('force-reasons', 'preventing-damage', 1, date '1900-01-01', '{"names":{"en":"Preventing serious damage to property","ru":"Предотвращение серьёзного ущерба имуществу","tg":"Пешгирии зарари ҷиддӣ ба амвол"},"ground":"preventing-damage"}', 'Nelson Mandela Rules (A/RES/70/175) 47(2)(b)', 'system'),
('force-reasons', 'resistance-to-lawful-order', 1, date '1900-01-01', '{"names":{"en":"Active or passive resistance to a lawful order","ru":"Активное или пассивное сопротивление законному распоряжению","tg":"Муқовимати фаъол ё ғайрифаъол ба фармони қонунӣ"},"ground":"resistance-to-lawful-order"}', 'Nelson Mandela Rules (A/RES/70/175) 82(1)', 'system');

-- Rule 82(2): force is reported at once; the written report is due 24 hours after the force ended.
insert into catalogue_entries (catalogue, code, version, effective_from, data, source, author) values
('force-settings', 'reporting', 1, date '1900-01-01', '{"reportDueHours":24}', 'Nelson Mandela Rules (A/RES/70/175) 82(2); Vigil default', 'system');

create table force_reports (
  id uuid primary key default gen_random_uuid(),
  facility_id uuid not null references facilities(id),
  -- The incident it belongs to (the incidents module's record), when there is one.
  incident_id uuid,
  status text not null default 'draft' check (status in ('draft', 'submitted', 'reviewed')),
  started_at timestamptz not null,
  ended_at timestamptz,
  location text,
  reason_entry_id uuid not null references catalogue_entries(id),
  account text not null,
  authorised_by uuid not null references users(id),
  reported_by uuid not null references users(id),
  -- [user id], in the order given.
  staff jsonb not null default '[]'::jsonb,
  -- [{ person, prisonerId, staffId, name, description }]
  injuries jsonb not null default '[]'::jsonb,
  medical_by text,
  medical_at timestamptz,
  medical_findings text,
  footage text,
  -- From the settings in force when the end time was given; null while the force goes on.
  due_at timestamptz,
  submitted_at timestamptz,
  reviewed_by uuid references users(id),
  reviewed_at timestamptz,
  review_outcome text check (review_outcome in ('justified', 'not-justified', 'referred')),
  review_findings text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  constraint force_reports_times check (ended_at is null or ended_at >= started_at),
  -- A submitted report is whole: ended, with its medical check (Rule 47(2)(b)).
  constraint force_reports_submitted check (status = 'draft' or (submitted_at is not null and ended_at is not null and medical_by is not null and medical_at is not null and medical_findings is not null)),
  constraint force_reports_reviewed check ((status = 'reviewed') = (reviewed_by is not null and reviewed_at is not null and review_outcome is not null and review_findings is not null))
);
create index force_reports_facility on force_reports (facility_id, started_at desc);
create index force_reports_open on force_reports (facility_id, due_at) where status = 'draft';

create table force_report_prisoners (
  report_id uuid not null references force_reports(id),
  prisoner_id uuid not null references prisoner_rows(id),
  primary key (report_id, prisoner_id)
);
create index force_report_prisoners_prisoner on force_report_prisoners (prisoner_id);

-- Each technique or restraint used, on whom, from when to when (Rules 47–48: start and stop).
create table force_report_uses (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null references force_reports(id),
  prisoner_id uuid not null references prisoner_rows(id),
  technique_entry_id uuid not null references catalogue_entries(id),
  applied_at timestamptz not null,
  removed_at timestamptz,
  position integer not null,
  constraint force_report_uses_times check (removed_at is null or removed_at >= applied_at)
);
create index force_report_uses_report on force_report_uses (report_id, position);
create index force_report_uses_entry on force_report_uses (technique_entry_id);
