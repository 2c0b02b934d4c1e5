-- Programmes and work (DOMAIN.md §2.3 "Disengagement interventions", §2.4 "intervention
-- enrolment, attendance"; docs/programmes.md): a facility's catalogue of programmes with capacity,
-- weekly sessions and eligibility rules, the enrolments (waiting list included), and the registers
-- taken at each session.
create table programmes (
  id uuid primary key default gen_random_uuid(),
  facility_id uuid not null references facilities(id),
  kind text not null check (kind in ('education', 'vocational', 'employment', 'psychological', 'religious-counselling', 'disengagement', 'family-contact')),
  name text not null,
  name_ru text,
  name_tg text,
  capacity integer not null check (capacity between 1 and 500),
  hours_per_week numeric(4, 1) check (hours_per_week is null or hours_per_week > 0),
  -- [{ weekday, start, end }] and the eligibility rules, both checked by the contract (they are data, not columns).
  sessions jsonb not null default '[]'::jsonb,
  eligibility jsonb not null default '[]'::jsonb,
  active boolean not null default true,
  created_by text not null,                                   -- username, as alerts keep raised_by
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create unique index programmes_facility_name on programmes (facility_id, lower(name));

-- waiting → enrolled → completed | withdrawn; a waiting place may also be withdrawn.
create table programme_enrolments (
  id uuid primary key default gen_random_uuid(),
  programme_id uuid not null references programmes(id),
  prisoner_id uuid not null references prisoner_rows(id),
  status text not null check (status in ('waiting', 'enrolled', 'completed', 'withdrawn')),
  -- The waiting list's order: the first queued is offered a freed place.
  queued_at timestamptz not null default now(),
  enrolled_on date,
  ended_on date,
  end_reason text,
  -- Set when the place ended because the prisoner left (released, or transferred to another facility).
  end_cause text check (end_cause in ('released', 'transferred')),
  hours_per_week numeric(4, 1) check (hours_per_week is null or hours_per_week > 0),
  created_by text not null,                                   -- username, as alerts keep raised_by
  version integer not null default 1,
  constraint programme_enrolments_enrolled_on check (status not in ('enrolled', 'completed') or enrolled_on is not null),
  constraint programme_enrolments_ended check ((status in ('completed', 'withdrawn')) = (ended_on is not null)),
  constraint programme_enrolments_withdrawal_reason check (status <> 'withdrawn' or end_reason is not null or end_cause is not null)
);
-- One open place (waiting or enrolled) per prisoner and programme, kept by the database too.
create unique index programme_enrolments_open on programme_enrolments (programme_id, prisoner_id) where status in ('waiting', 'enrolled');
create index programme_enrolments_prisoner on programme_enrolments (prisoner_id);

-- A session's register, saved whole; the version guards a second officer's save over the first.
create table programme_sessions (
  id uuid primary key default gen_random_uuid(),
  programme_id uuid not null references programmes(id),
  on_date date not null,
  starts_at text not null,
  ends_at text not null,
  recorded_by text not null,
  recorded_at timestamptz not null,
  version integer not null default 1,
  unique (programme_id, on_date, starts_at)
);

create table programme_attendance (
  session_id uuid not null references programme_sessions(id),
  enrolment_id uuid not null references programme_enrolments(id),
  mark text not null check (mark in ('attended', 'absent', 'excused')),
  absence_reason text check (absence_reason in ('refused', 'ill', 'visit', 'court', 'other')),
  hours numeric(4, 2) check (hours is null or hours >= 0),
  primary key (session_id, enrolment_id),
  constraint programme_attendance_reason check ((mark = 'absent') = (absence_reason is not null)),
  constraint programme_attendance_hours check (hours is null or mark = 'attended')
);
create index programme_attendance_enrolment on programme_attendance (enrolment_id);
