-- Security classification (DOMAIN.md §4, docs/classification.md). Category schemes are entries of
-- the configuration catalogue 'category-schemes' (each version the whole scheme: its levels, their
-- cell security level and review interval, and the rules that suggest a level). Two defaults, in
-- effect from the start: four levels (used where no scheme names the facility's country) and the
-- England and Wales categories A–D (for GB, an example of a second scheme).
insert into catalogue_entries (catalogue, code, version, effective_from, data, source, author) values
('category-schemes', 'four-level', 1, date '1900-01-01', $scheme$
{
  "code": "four-level",
  "names": {
    "en": "Four security levels",
    "ru": "Четыре уровня безопасности",
    "tg": "Чор сатҳи амният"
  },
  "countries": [],
  "levels": [
    {
      "code": "low",
      "names": {
        "en": "Low",
        "ru": "Низкий",
        "tg": "Паст"
      },
      "allocationLevel": "low",
      "reviewMonths": 12
    },
    {
      "code": "medium",
      "names": {
        "en": "Medium",
        "ru": "Средний",
        "tg": "Миёна"
      },
      "allocationLevel": "medium",
      "reviewMonths": 12
    },
    {
      "code": "high",
      "names": {
        "en": "High",
        "ru": "Высокий",
        "tg": "Баланд"
      },
      "allocationLevel": "high",
      "reviewMonths": 6
    },
    {
      "code": "maximum",
      "names": {
        "en": "Maximum",
        "ru": "Максимальный",
        "tg": "Ҳадди аксар"
      },
      "allocationLevel": "maximum",
      "reviewMonths": 6
    }
  ],
  "rules": [
    {
      "factor": "escape",
      "atLeast": "attempt",
      "minimum": "high"
    },
    {
      "factor": "escape",
      "atLeast": "escaped",
      "minimum": "maximum"
    },
    {
      "factor": "violence",
      "atLeast": "minor",
      "minimum": "medium"
    },
    {
      "factor": "violence",
      "atLeast": "serious",
      "minimum": "high"
    },
    {
      "factor": "sentence",
      "fromMonths": 60,
      "minimum": "medium"
    },
    {
      "factor": "sentence",
      "fromMonths": 120,
      "minimum": "high"
    },
    {
      "factor": "judgement",
      "instrument": "ve-screening",
      "judgement": "moderate",
      "minimum": "medium"
    },
    {
      "factor": "judgement",
      "instrument": "ve-screening",
      "judgement": "high",
      "minimum": "high"
    },
    {
      "factor": "alert",
      "alert": "escape-risk",
      "minimum": "high"
    },
    {
      "factor": "alert",
      "alert": "violent-extremist",
      "minimum": "high"
    },
    {
      "factor": "alert",
      "alert": "assaults-staff",
      "minimum": "medium"
    },
    {
      "factor": "offence",
      "offence": "terrorism",
      "minimum": "high"
    },
    {
      "factor": "offence",
      "offence": "violence",
      "minimum": "medium"
    },
    {
      "factor": "offence",
      "offence": "organised-crime",
      "minimum": "medium"
    }
  ]
}
$scheme$::jsonb, 'Vigil 0017', 'system'),
('category-schemes', 'uk-categories', 1, date '1900-01-01', $scheme$
{
  "code": "uk-categories",
  "names": {
    "en": "Categories A–D (England and Wales)",
    "ru": "Категории A–D (Англия и Уэльс)",
    "tg": "Категорияҳои A–D (Англия ва Уэлс)"
  },
  "countries": [
    "GB"
  ],
  "levels": [
    {
      "code": "D",
      "names": {
        "en": "Category D (open)",
        "ru": "Категория D (открытая)",
        "tg": "Категорияи D (кушода)"
      },
      "allocationLevel": "low",
      "reviewMonths": 12
    },
    {
      "code": "C",
      "names": {
        "en": "Category C",
        "ru": "Категория C",
        "tg": "Категорияи C"
      },
      "allocationLevel": "medium",
      "reviewMonths": 12
    },
    {
      "code": "B",
      "names": {
        "en": "Category B",
        "ru": "Категория B",
        "tg": "Категорияи B"
      },
      "allocationLevel": "high",
      "reviewMonths": 12
    },
    {
      "code": "A",
      "names": {
        "en": "Category A",
        "ru": "Категория A",
        "tg": "Категорияи A"
      },
      "allocationLevel": "maximum",
      "reviewMonths": 12
    }
  ],
  "rules": [
    {
      "factor": "escape",
      "atLeast": "attempt",
      "minimum": "B"
    },
    {
      "factor": "escape",
      "atLeast": "escaped",
      "minimum": "A"
    },
    {
      "factor": "violence",
      "atLeast": "minor",
      "minimum": "C"
    },
    {
      "factor": "violence",
      "atLeast": "serious",
      "minimum": "B"
    },
    {
      "factor": "sentence",
      "fromMonths": 120,
      "minimum": "B"
    },
    {
      "factor": "judgement",
      "instrument": "ve-screening",
      "judgement": "high",
      "minimum": "B"
    },
    {
      "factor": "alert",
      "alert": "escape-risk",
      "minimum": "B"
    },
    {
      "factor": "alert",
      "alert": "violent-extremist",
      "minimum": "B"
    },
    {
      "factor": "offence",
      "offence": "terrorism",
      "minimum": "B"
    }
  ]
}
$scheme$::jsonb, 'Vigil 0017 (PSI 40/2011 categories, illustrative rules)', 'system');

-- A decision is a record of what was decided, on which inputs, by whom: never edited or deleted.
-- A later decision (a review) supersedes it; the latest is the prisoner's category.
create table category_decisions (
  id uuid primary key default gen_random_uuid(),
  prisoner_id uuid not null references prisoner_rows(id),
  facility_id uuid not null references facilities(id),
  scheme_entry_id uuid not null references catalogue_entries(id),
  level text not null,
  allocation_level text not null check (allocation_level in ('low', 'medium', 'high', 'maximum')),
  suggested_level text not null,
  -- The rules that fired: [{ factor, value, minimum }].
  reasons jsonb not null,
  -- What the decider recorded and what Vigil gathered (sentence, judgements, alerts).
  inputs jsonb not null,
  override_reason text check (override_reason is null or length(override_reason) between 1 and 2000),
  over_classification boolean not null,
  informed boolean not null,
  heard boolean not null,
  heard_on date,
  representations text,
  -- The approver: a user with classification.decide (no user for the demo seed's system actor).
  decided_by_id uuid references users(id),
  decided_by text not null,
  decided_at timestamptz not null default now(),
  next_review_on date not null,
  review boolean not null,
  -- UNODC: an override is documented.
  constraint category_decisions_override_reason check (level = suggested_level or override_reason is not null),
  constraint category_decisions_heard_on check (not heard or heard_on is not null)
);
create index category_decisions_prisoner on category_decisions (prisoner_id, decided_at desc);
create index category_decisions_review on category_decisions (facility_id, next_review_on);
create index category_decisions_scheme_entry on category_decisions (scheme_entry_id);

create function category_decisions_never_edited() returns trigger language plpgsql as $$
begin
  raise exception 'category decisions are never edited or deleted: a new decision supersedes one';
end $$;
create trigger category_decisions_no_update before update or delete on category_decisions
  for each row execute function category_decisions_never_edited();
