-- Reception: prison numbers generated from each facility's pattern, and the recorded decision
-- that a new arrival is none of the likely duplicates shown.

-- Tokens: {facility} (the facility code), {year} (four digits), {seq:N} (the year's sequence,
-- zero-padded to N digits). Whether reception may type a different number is a facility setting.
alter table facilities add column prison_number_pattern text not null default '{facility}-{year}-{seq:5}';
alter table facilities add column prison_number_editable boolean not null default false;

-- One row per facility and year, locked while a number is taken (insert ... on conflict do update
-- takes the row lock), so two receptions at once never get the same number. Forward only: the
-- counter never goes back, so a number is never handed out twice.
create table prison_number_counters (
  facility_id uuid not null references facilities(id),
  year integer not null check (year between 1900 and 9999),
  last_value integer not null check (last_value > 0),
  primary key (facility_id, year)
);

-- {candidates: [prisoner ids shown], reason, decidedBy, decidedAt}: written only by the server.
alter table intakes add column duplicate_decision jsonb;
