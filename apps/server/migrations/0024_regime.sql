-- The daily regime record (DOMAIN.md §6.2; Mandela Rules 16, 22, 23; docs/regime.md): per
-- prisoner and day, outdoor exercise offered and taken (minutes), the three meals and a shower,
-- each taken, refused or not offered, with the reason for any refusal.
create table regime_days (
  id uuid primary key default gen_random_uuid(),
  facility_id uuid not null references facilities(id),
  prisoner_id uuid not null references prisoner_rows(id),
  on_date date not null,
  exercise_offered_minutes integer not null default 0 check (exercise_offered_minutes between 0 and 720),
  exercise_taken_minutes integer not null default 0 check (exercise_taken_minutes between 0 and 720),
  breakfast text not null default 'not-offered' check (breakfast in ('taken', 'refused', 'not-offered')),
  lunch text not null default 'not-offered' check (lunch in ('taken', 'refused', 'not-offered')),
  supper text not null default 'not-offered' check (supper in ('taken', 'refused', 'not-offered')),
  shower text not null default 'not-offered' check (shower in ('taken', 'refused', 'not-offered')),
  refusal_reason text,
  note text,
  recorded_by text not null,
  recorded_at timestamptz not null default now(),
  version integer not null default 1,
  check (exercise_taken_minutes <= exercise_offered_minutes),
  unique (prisoner_id, on_date)
);
create index regime_days_facility_date on regime_days (facility_id, on_date);
