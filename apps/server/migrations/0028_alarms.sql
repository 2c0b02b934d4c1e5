-- The alarm console (issue 10 must-have 7, docs/alarms.md): devices registered against places,
-- their events (MQTT and webhooks, each stored once per idempotency key), messages that could not
-- be taken (quarantine), and alarms in the ISA-18.2 manner: the device condition kept apart from
-- the operator state, with the procedure (SOP) of the type as a checklist, shelving and escalation.

-- Alarm types are configuration (catalogue 'alarm-types'): priority, when to escalate, and the
-- standard operating procedure, in effect from the start; a change is a new version.
insert into catalogue_entries (catalogue, code, version, effective_from, data, source, author) values
('alarm-types', 'duress', 1, date '1900-01-01', '{"names":{"en":"Duress (personal alarm)","ru":"Тревожная кнопка (нападение на сотрудника)","tg":"Тугмаи хатар (ҳамла ба корманд)"},"priority":"critical","escalateAfterSeconds":30,"sop":[
 {"code":"locate","text":{"en":"Locate the officer on the camera and the floor plan","ru":"Найти сотрудника по камере и плану этажа","tg":"Кормандро тавассути камера ва нақшаи ошёна ёбед"},"mandatory":true},
 {"code":"dispatch","text":{"en":"Send the response team to the place","ru":"Направить группу реагирования на место","tg":"Гурӯҳи вокуниширо ба ҷой фиристед"},"mandatory":true},
 {"code":"lock-down","text":{"en":"Hold movement in the wing (lock the landing gates)","ru":"Остановить передвижение в блоке (закрыть решётки)","tg":"Ҳаракатро дар блок қатъ кунед (дарҳои панҷараро бандед)"},"mandatory":false},
 {"code":"confirm-safe","text":{"en":"Confirm by radio that the officer is safe","ru":"Подтвердить по рации, что сотрудник в безопасности","tg":"Тавассути ратсия тасдиқ кунед, ки корманд дар амон аст"},"mandatory":true},
 {"code":"medical","text":{"en":"Call the medical team if anyone is hurt","ru":"Вызвать медиков, если есть пострадавшие","tg":"Агар касе осеб дида бошад, тиббиётро даъват кунед"},"mandatory":false},
 {"code":"incident","text":{"en":"Report an incident if force was used or anyone hurt","ru":"Оформить происшествие, если применялась сила или есть пострадавшие","tg":"Агар қувва истифода шуда ё касе осеб дида бошад, ҳодисаро сабт кунед"},"mandatory":false}
]}', 'Vigil defaults after Genetec Mission Control SOP practice (docs/reference/security-tech.md §2.1)', 'system'),
('alarm-types', 'fire', 1, date '1900-01-01', '{"names":{"en":"Fire","ru":"Пожар","tg":"Сӯхтор"},"priority":"critical","escalateAfterSeconds":30,"sop":[
 {"code":"verify","text":{"en":"Verify on camera or by the nearest officer","ru":"Проверить по камере или силами ближайшего сотрудника","tg":"Тавассути камера ё корманди наздиктарин санҷед"},"mandatory":true},
 {"code":"fire-service","text":{"en":"Call the fire service","ru":"Вызвать пожарную службу","tg":"Хадамоти сӯхторхомӯшкуниро даъват кунед"},"mandatory":true},
 {"code":"evacuate","text":{"en":"Evacuate the area to the planned safe place, keeping custody","ru":"Эвакуировать участок в запланированное безопасное место с сохранением охраны","tg":"Минтақаро бо нигоҳ доштани ҳифз ба ҷои бехатари пешбинишуда холӣ кунед"},"mandatory":true},
 {"code":"count","text":{"en":"Count the evacuated prisoners against the roll","ru":"Пересчитать эвакуированных по списку","tg":"Маҳбусони холишударо аз рӯи рӯйхат ҳисоб кунед"},"mandatory":true}
]}', 'Vigil defaults', 'system'),
('alarm-types', 'door-forced', 1, date '1900-01-01', '{"names":{"en":"Door forced","ru":"Взлом двери","tg":"Шикастани дар"},"priority":"high","escalateAfterSeconds":60,"sop":[
 {"code":"camera","text":{"en":"Call up the door camera","ru":"Вывести камеру двери","tg":"Камераи дарро нишон диҳед"},"mandatory":true},
 {"code":"send-officer","text":{"en":"Send an officer to the door","ru":"Направить сотрудника к двери","tg":"Кормандро ба назди дар фиристед"},"mandatory":true},
 {"code":"secure","text":{"en":"Confirm the door is secured","ru":"Подтвердить, что дверь закрыта","tg":"Тасдиқ кунед, ки дар баста аст"},"mandatory":true}
]}', 'Vigil defaults', 'system'),
('alarm-types', 'door-held', 1, date '1900-01-01', '{"names":{"en":"Door held open","ru":"Дверь удерживается открытой","tg":"Дар кушода нигоҳ дошта мешавад"},"priority":"medium","escalateAfterSeconds":180,"sop":[
 {"code":"camera","text":{"en":"Call up the door camera","ru":"Вывести камеру двери","tg":"Камераи дарро нишон диҳед"},"mandatory":true},
 {"code":"radio","text":{"en":"Ask the officer nearby by radio to close it","ru":"Попросить по рации ближайшего сотрудника закрыть дверь","tg":"Тавассути ратсия аз корманди наздик хоҳиш кунед, ки дарро бандад"},"mandatory":false}
]}', 'Vigil defaults', 'system'),
('alarm-types', 'perimeter', 1, date '1900-01-01', '{"names":{"en":"Perimeter breach","ru":"Нарушение периметра","tg":"Вайрон кардани периметр"},"priority":"high","escalateAfterSeconds":45,"sop":[
 {"code":"camera","text":{"en":"Call up the perimeter cameras of the zone","ru":"Вывести камеры периметра в зоне","tg":"Камераҳои периметри минтақаро нишон диҳед"},"mandatory":true},
 {"code":"patrol","text":{"en":"Send the perimeter patrol","ru":"Направить патруль периметра","tg":"Посбонии периметрро фиристед"},"mandatory":true},
 {"code":"count","text":{"en":"Order an emergency count if a prisoner may be missing","ru":"Назначить экстренную проверку, если может отсутствовать осуждённый","tg":"Агар маҳбус гум шуда бошад, ҳисоби фавқулодда таъин кунед"},"mandatory":false},
 {"code":"cause","text":{"en":"Record the cause (animal, weather, fault, attempt)","ru":"Записать причину (животное, погода, неисправность, попытка)","tg":"Сабабро сабт кунед (ҳайвон, обу ҳаво, носозӣ, кӯшиш)"},"mandatory":true}
]}', 'Vigil defaults', 'system'),
('alarm-types', 'tamper', 1, date '1900-01-01', '{"names":{"en":"Device tampered with","ru":"Вскрытие устройства","tg":"Дахолат ба дастгоҳ"},"priority":"medium","escalateAfterSeconds":300,"sop":[
 {"code":"inspect","text":{"en":"Send an officer to inspect the device","ru":"Направить сотрудника осмотреть устройство","tg":"Кормандро барои санҷиши дастгоҳ фиристед"},"mandatory":true},
 {"code":"maintenance","text":{"en":"Log a maintenance request","ru":"Оформить заявку на ремонт","tg":"Дархости таъмирро сабт кунед"},"mandatory":false}
]}', 'Vigil defaults', 'system'),
('alarm-types', 'device-fault', 1, date '1900-01-01', '{"names":{"en":"Device fault","ru":"Неисправность устройства","tg":"Носозии дастгоҳ"},"priority":"low","escalateAfterSeconds":1800,"sop":[
 {"code":"maintenance","text":{"en":"Log a maintenance request","ru":"Оформить заявку на ремонт","tg":"Дархости таъмирро сабт кунед"},"mandatory":true}
]}', 'Vigil defaults', 'system');

create table alarm_devices (
  id uuid primary key default gen_random_uuid(),
  facility_id uuid not null references facilities(id),
  location_id uuid not null references locations(id),
  code text not null,
  kind text not null check (kind in ('alarm-panel', 'door-contact', 'duress-button', 'perimeter-sensor', 'fire-detector')),
  name text not null,
  -- sha256 of the webhook token; the token itself is shown once.
  token_hash text not null,
  active boolean not null default true,
  last_seen_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index alarm_devices_code on alarm_devices (facility_id, code);

-- Every device event taken, once per idempotency key and device, whichever channel brought it.
create table alarm_device_events (
  id bigint generated always as identity primary key,
  device_id uuid not null references alarm_devices(id),
  facility_id uuid not null references facilities(id),
  event_key text not null,
  type text not null,
  condition text not null check (condition in ('raised', 'cleared')),
  occurred_at timestamptz not null,
  received_at timestamptz not null default now(),
  channel text not null check (channel in ('mqtt', 'webhook')),
  alarm_id uuid,
  data jsonb
);
create unique index alarm_device_events_key on alarm_device_events (device_id, event_key);
create index alarm_device_events_facility on alarm_device_events (facility_id, received_at);

-- What could not be taken: kept with the reason for the configurer, never lost and never fatal.
create table alarm_quarantine (
  id uuid primary key default gen_random_uuid(),
  channel text not null check (channel in ('mqtt', 'webhook')),
  topic text,
  facility_id uuid references facilities(id),
  facility_code text,
  device_code text,
  reason text not null,
  detail text,
  payload text not null,
  received_at timestamptz not null default now()
);
create index alarm_quarantine_received on alarm_quarantine (received_at desc);

create table alarms (
  id uuid primary key default gen_random_uuid(),
  facility_id uuid not null references facilities(id),
  device_id uuid not null references alarm_devices(id),
  location_id uuid not null references locations(id),
  type_code text not null,
  type_entry_id uuid not null references catalogue_entries(id),
  priority text not null check (priority in ('critical', 'high', 'medium', 'low')),
  condition text not null check (condition in ('raised', 'cleared')),
  state text not null check (state in ('new', 'acknowledged', 'in-progress', 'resolved')),
  shelved_until timestamptz,
  event_count integer not null default 1,
  raised_at timestamptz not null,
  last_event_at timestamptz not null,
  cleared_at timestamptz,
  acknowledged_at timestamptz,
  acknowledged_by uuid references users(id),
  resolved_at timestamptz,
  resolved_by uuid references users(id),
  resolution text,
  escalation_level integer not null default 0,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- Flood grouping: one alarm open per device and type; more events fold into it.
create unique index alarms_open_per_device_type on alarms (device_id, type_code) where state <> 'resolved';
create index alarms_facility_open on alarms (facility_id, raised_at desc) where state <> 'resolved';
create index alarms_facility_raised on alarms (facility_id, raised_at desc);
create index alarms_type_entry on alarms (type_entry_id);

-- The procedure of the alarm's type version as a checklist.
create table alarm_steps (
  alarm_id uuid not null references alarms(id),
  position integer not null,
  code text not null,
  mandatory boolean not null,
  done_at timestamptz,
  done_by uuid references users(id),
  note text,
  primary key (alarm_id, position)
);

create table alarm_escalations (
  id uuid primary key default gen_random_uuid(),
  alarm_id uuid not null references alarms(id),
  level integer not null,
  after_seconds integer not null,
  escalated_at timestamptz not null default now(),
  unique (alarm_id, level)
);

-- What operators did, shown on the alarm (the audit trail keeps the same with before and after).
create table alarm_actions (
  id bigint generated always as identity primary key,
  alarm_id uuid not null references alarms(id),
  action text not null,
  user_id uuid references users(id),
  note text,
  at timestamptz not null default now()
);
create index alarm_actions_alarm on alarm_actions (alarm_id, id);
create index alarm_actions_user on alarm_actions (user_id, at);
