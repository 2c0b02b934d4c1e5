-- Configuration catalogues (ARCHITECTURE "What varies by country is data"): alert codes now,
-- instruments, category and grading schemes, incident types and the like next. Each change to
-- an entry is a new version with the date it takes effect, the source it follows (a law, an
-- order, an SOP) and who made it. Versions are never edited or deleted: a record keeps pointing
-- to the version it was made under, and a change supersedes it from its effective date.
create table catalogue_entries (
  id uuid primary key default gen_random_uuid(),
  catalogue text not null,
  code text not null,
  version integer not null check (version >= 1),
  effective_from date not null,
  data jsonb not null,
  source text not null check (length(source) between 1 and 500),
  author text not null,
  created_at timestamptz not null default now(),
  unique (catalogue, code, version)
);
create index catalogue_entries_current on catalogue_entries (catalogue, code, effective_from desc, version desc);

create function catalogue_entries_never_edited() returns trigger language plpgsql as $$
begin
  raise exception 'catalogue entries are never edited or deleted: add a version that supersedes this one';
end $$;
create trigger catalogue_entries_no_update before update or delete on catalogue_entries
  for each row execute function catalogue_entries_never_edited();

-- Alert codes move onto the catalogue: what each code means today becomes its first version, in
-- effect from the beginning (1900-01-01, Vigil's earliest date), since records of every age use it.
insert into catalogue_entries (catalogue, code, version, effective_from, data, source, author)
select 'alert-types', code, 1, date '1900-01-01',
       jsonb_build_object(
         'names', jsonb_build_object('en', name_en, 'ru', name_ru, 'tg', name_tg),
         'needsRelatedPrisoner', needs_related_prisoner,
         'blocksCellSharing', blocks_cell_sharing,
         'restrictedTo', to_jsonb(restricted_to),
         'active', active),
       'Vigil 0011', 'system'
  from alert_types;

-- An alert keeps the version of its code it was raised under.
alter table prisoner_alerts add column type_entry_id uuid references catalogue_entries(id);
update prisoner_alerts a set type_entry_id = e.id
  from catalogue_entries e where e.catalogue = 'alert-types' and e.code = a.code;
alter table prisoner_alerts alter column type_entry_id set not null;

-- An alert inserted with its code alone (the demo seed, an import) is pinned to the version in
-- force; a code that does not exist is refused, as its foreign key did before.
create function prisoner_alerts_pin_type() returns trigger language plpgsql as $$
begin
  if new.type_entry_id is null then
    select id into new.type_entry_id from catalogue_entries
     where catalogue = 'alert-types' and code = new.code and effective_from <= current_date
     order by effective_from desc, version desc limit 1;
    if new.type_entry_id is null then
      raise exception 'alert code % does not exist', new.code using errcode = '23503';
    end if;
  end if;
  return new;
end $$;
create trigger prisoner_alerts_pin_type before insert on prisoner_alerts
  for each row execute function prisoner_alerts_pin_type();
create index prisoner_alerts_type_entry on prisoner_alerts (type_entry_id);
alter table prisoner_alerts drop constraint prisoner_alerts_code_fkey;
drop table alert_types;

-- Each code as it stands today (its newest version in effect), for the queries that join it.
create view alert_types as
select distinct on (code)
       code,
       data->'names'->>'en' as name_en,
       data->'names'->>'ru' as name_ru,
       data->'names'->>'tg' as name_tg,
       (data->>'needsRelatedPrisoner')::boolean as needs_related_prisoner,
       (data->>'blocksCellSharing')::boolean as blocks_cell_sharing,
       array(select jsonb_array_elements_text(data->'restrictedTo')) as restricted_to,
       (data->>'active')::boolean as active,
       version,
       id as entry_id
  from catalogue_entries
 where catalogue = 'alert-types' and effective_from <= current_date
 order by code, effective_from desc, version desc;
