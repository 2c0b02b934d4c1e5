-- Sentence plans (DOMAIN.md §2.3–2.4, docs/plans.md). A prisoner has at most one active plan; a
-- new plan supersedes the last, which is kept as it stood.
create table sentence_plans (
  id uuid primary key default gen_random_uuid(),
  prisoner_id uuid not null references prisoner_rows(id),
  number integer not null check (number >= 1),
  status text not null default 'active' check (status in ('active', 'superseded')),
  -- The review meeting due next: set when the plan is made (optional) and by every review.
  next_review_on date,
  created_by uuid not null references users(id),
  created_at timestamptz not null default now(),
  superseded_at timestamptz,
  version integer not null default 1,
  unique (prisoner_id, number),
  constraint sentence_plans_superseded check ((status = 'superseded') = (superseded_at is not null))
);
create unique index sentence_plans_one_active on sentence_plans (prisoner_id) where status = 'active';
create index sentence_plans_review on sentence_plans (next_review_on) where status = 'active';

create table plan_objectives (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references sentence_plans(id),
  text text not null,
  target_on date not null,
  status text not null default 'open' check (status in ('open', 'achieved', 'not-achieved', 'withdrawn')),
  created_by uuid not null references users(id),
  created_at timestamptz not null default now(),
  version integer not null default 1
);
create index plan_objectives_plan on plan_objectives (plan_id, created_at);

-- The needs and risks an objective answers: a domain or an item of an approved assessment. The
-- names are copied from the instrument version assessed, which never changes (nor does an
-- approved assessment), so the plan reads the same whatever the catalogue does later.
create table plan_objective_needs (
  objective_id uuid not null references plan_objectives(id),
  assessment_id uuid not null references assessments(id),
  code text not null,
  kind text not null check (kind in ('domain', 'item')),
  instrument_code text not null,
  -- { instrument, names, domain, level }: each { en, ru, tg }; domain and level for an item only.
  labels jsonb not null,
  primary key (objective_id, assessment_id, code)
);

create table plan_interventions (
  id uuid primary key default gen_random_uuid(),
  objective_id uuid not null references plan_objectives(id),
  description text not null,
  kind text not null check (kind in ('programme', 'work', 'education', 'counselling', 'family-contact', 'other')),
  owner_user_id uuid references users(id),
  owner_agency text,
  starts_on date not null,
  ends_on date,
  status text not null default 'planned' check (status in ('planned', 'active', 'completed', 'stopped')),
  created_by uuid not null references users(id),
  created_at timestamptz not null default now(),
  version integer not null default 1,
  constraint plan_interventions_one_owner check ((owner_user_id is null) <> (owner_agency is null)),
  constraint plan_interventions_dates check (ends_on is null or ends_on >= starts_on)
);
create index plan_interventions_objective on plan_interventions (objective_id, created_at);

-- Review meetings are minutes: recorded once, never edited.
create table plan_reviews (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references sentence_plans(id),
  held_on date not null,
  -- [{ name, role, agency }]: agency null for prison staff.
  participants jsonb not null,
  outcome text not null,
  next_review_on date not null check (next_review_on >= held_on),
  prisoner_comments text,
  recorded_by uuid not null references users(id),
  created_at timestamptz not null default now()
);
create index plan_reviews_plan on plan_reviews (plan_id, held_on);

-- Progress notes and the prisoner's own comments (kind 'prisoner': their words, written down by staff).
create table plan_notes (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references sentence_plans(id),
  kind text not null check (kind in ('progress', 'prisoner')),
  text text not null,
  recorded_by uuid not null references users(id),
  created_at timestamptz not null default now()
);
create index plan_notes_plan on plan_notes (plan_id, created_at);
