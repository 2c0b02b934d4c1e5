-- Movement control inside a facility (DOMAIN.md §11 "Zones and movement", "Keep-apart /
-- separation"; docs/movement-control.md): zones on the location tree with their rules (regime
-- times, escorted-only, barred prisoners, alert codes and categories), keep-apart groups (a pair
-- is a group of two), and the movement log of planned moves to activities, visits, work, exercise,
-- healthcare and legal appointments (planned → out → back).

-- A zone is a place of the location tree with rules; it covers the places beneath it too.
create table movement_zones (
  id uuid primary key default gen_random_uuid(),
  facility_id uuid not null references facilities(id),
  location_id uuid not null references locations(id),
  -- [{ start: 'HH:MM', end: 'HH:MM' }] on the facility's clock; empty: open at every hour.
  open_windows jsonb not null default '[]'::jsonb,
  escorted_only boolean not null default false,
  barred_prisoner_ids uuid[] not null default '{}',
  barred_alert_codes text[] not null default '{}',
  barred_categories text[] not null default '{}',
  note text,
  active boolean not null default true,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create unique index movement_zones_location on movement_zones (location_id);
create index movement_zones_facility on movement_zones (facility_id);

-- Prisoners who must never be in the same place at the same time (Rule 11 categories are the
-- allocation's; these are intelligence-led non-association, court orders, incidents, gang feuds).
create table keep_apart_groups (
  id uuid primary key default gen_random_uuid(),
  facility_id uuid not null references facilities(id),
  reason text not null,
  source text not null check (source in ('intelligence', 'incident', 'court-order', 'victim-perpetrator', 'gang', 'other')),
  starts_on date not null,
  ends_on date,
  end_reason text,
  created_by text not null,
  created_at timestamptz not null default now(),
  ended_by text,
  version integer not null default 1,
  check (ends_on is null or ends_on >= starts_on)
);
create index keep_apart_groups_facility on keep_apart_groups (facility_id);

create table keep_apart_members (
  group_id uuid not null references keep_apart_groups(id),
  prisoner_id uuid not null references prisoner_rows(id),
  primary key (group_id, prisoner_id)
);
create index keep_apart_members_prisoner on keep_apart_members (prisoner_id);

-- The movement log: planned → out → back (or cancelled before leaving).
create table internal_movements (
  id uuid primary key default gen_random_uuid(),
  facility_id uuid not null references facilities(id),
  prisoner_id uuid not null references prisoner_rows(id),
  purpose text not null check (purpose in ('activity', 'visit', 'work', 'exercise', 'healthcare', 'legal', 'other')),
  from_location_id uuid references locations(id),
  to_location_id uuid not null references locations(id),
  planned_start timestamptz not null,
  planned_end timestamptz not null,
  status text not null check (status in ('planned', 'out', 'back', 'cancelled')),
  escort text,
  note text,
  -- The rules a supervisor overrode, and why (empty when none was broken).
  overridden text[] not null default '{}',
  override_reason text,
  out_at timestamptz,
  back_at timestamptz,
  cancel_reason text,
  planned_by text not null,
  out_by text,
  back_by text,
  created_at timestamptz not null default now(),
  version integer not null default 1,
  check (planned_end > planned_start),
  check ((status in ('out', 'back')) = (out_at is not null)),
  check ((status = 'back') = (back_at is not null)),
  check (back_at is null or back_at >= out_at),
  check (status <> 'cancelled' or cancel_reason is not null),
  check (cardinality(overridden) = 0 or override_reason is not null)
);
create index internal_movements_facility_time on internal_movements (facility_id, planned_start);
create index internal_movements_open on internal_movements (facility_id) where status in ('planned', 'out');
create index internal_movements_prisoner on internal_movements (prisoner_id, planned_start desc);
