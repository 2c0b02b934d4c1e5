-- Release and handover (issue 9; DOMAIN.md §2.3 "Reintegration", §7; docs/handover.md).

-- One current release plan per prisoner, changed in place under its version (409 on a stale
-- edit); every change's before and after is in the audit trail, so the plan's history is there.
create table release_plans (
  id uuid primary key default gen_random_uuid(),
  prisoner_id uuid not null unique references prisoner_rows(id),
  planned_release_on date not null,
  accommodation_kind text not null check (accommodation_kind in ('family-home', 'own-home', 'rented', 'supported-housing', 'hostel', 'not-yet-found')),
  accommodation_address text,
  accommodation_confirmed boolean not null default false,
  work text,
  -- [{ name, relationship, phone, address }]
  contacts jsonb not null default '[]'::jsonb,
  supervision_conditions text[] not null default '{}',
  risk_summary text,
  agencies text[] not null default '{}',
  status text not null default 'draft' check (status in ('draft', 'agreed')),
  updated_by uuid not null references users(id),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);

-- Each package issued: to whom, under which version of its profile, and the PDF exactly as it left,
-- so a re-download is the same file (its hash is logged with the issue).
create table handovers (
  id uuid primary key default gen_random_uuid(),
  prisoner_id uuid not null references prisoner_rows(id),
  profile_entry_id uuid not null references catalogue_entries(id),
  agency_name text not null,
  agency_contact text,
  agency_country text check (agency_country ~ '^[A-Z]{2}$'),
  language text not null check (language in ('tg', 'ru', 'en')),
  sections text[] not null,
  pdf bytea not null,
  sha256 text not null,
  issued_by uuid not null references users(id),
  issued_at timestamptz not null default now()
);
create index handovers_prisoner on handovers (prisoner_id, issued_at desc);
create index handovers_profile_entry on handovers (profile_entry_id);

-- An issued package is a record of what left the prison: never edited or deleted.
create function handovers_never_edited() returns trigger language plpgsql as $$
begin
  raise exception 'an issued handover is never edited or deleted';
end $$;
create trigger handovers_no_update before update or delete on handovers
  for each row execute function handovers_never_edited();

-- The default recipient profiles, in effect from the start. A country revises them (new versions)
-- to what its law on sharing personal data allows each kind of agency.
insert into catalogue_entries (catalogue, code, version, effective_from, data, source, author) values
  ('handover-recipient-profiles', 'probation', 1, date '1900-01-01',
   '{"names": {"en": "Probation service", "ru": "Служба пробации", "tg": "Хадамоти пробатсия"}, "kind": "probation", "language": "tg",
     "sections": ["identity", "sentence", "accommodation", "work", "family", "supervision", "risk-summary", "assessment", "alerts"], "active": true}',
   'Vigil 0021', 'system'),
  ('handover-recipient-profiles', 'police', 1, date '1900-01-01',
   '{"names": {"en": "Police", "ru": "Полиция", "tg": "Милиса"}, "kind": "police", "language": "tg",
     "sections": ["identity", "supervision", "risk-summary"], "active": true}',
   'Vigil 0021', 'system'),
  ('handover-recipient-profiles', 'social-services', 1, date '1900-01-01',
   '{"names": {"en": "Social services", "ru": "Социальные службы", "tg": "Хадамоти иҷтимоӣ"}, "kind": "social-services", "language": "tg",
     "sections": ["identity", "accommodation", "work", "family"], "active": true}',
   'Vigil 0021', 'system'),
  ('handover-recipient-profiles', 'partner-prison-service', 1, date '1900-01-01',
   '{"names": {"en": "Partner country prison service", "ru": "Пенитенциарная служба страны-партнёра", "tg": "Хадамоти ислоҳии кишвари шарик"}, "kind": "foreign-prison-service", "language": "ru",
     "sections": ["identity", "sentence", "risk-summary"], "active": true}',
   'Vigil 0021', 'system');
