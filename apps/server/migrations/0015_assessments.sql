-- Assessments (DOMAIN.md §5.4–5.5, docs/assessments.md): one prisoner rated on one instrument
-- version. The catalogue entry it was made under is kept, as prisoner_alerts keeps its code's
-- version, so the instrument may move on while the assessment still reads against its own items.
create table assessments (
  id uuid primary key default gen_random_uuid(),
  prisoner_id uuid not null references prisoner_rows(id),
  instrument_entry_id uuid not null references catalogue_entries(id),
  assessor_id uuid not null references users(id),
  created_by uuid not null references users(id),
  status text not null default 'draft' check (status in ('draft', 'submitted', 'approved')),
  -- Item code → { level, evidence, source }: checked against the pinned version by the service.
  ratings jsonb not null default '{}'::jsonb,
  formulation text,
  judgement text,
  return_reason text,
  submitted_at timestamptz,
  approved_by uuid references users(id),
  approved_at timestamptz,
  next_review_on date,
  created_at timestamptz not null default now(),
  version integer not null default 1,
  -- Four eyes, kept by the database too: the approver is neither the author nor the assessor.
  constraint assessments_four_eyes check (approved_by is null or (approved_by <> assessor_id and approved_by <> created_by)),
  constraint assessments_approved_complete check (status <> 'approved' or (approved_by is not null and approved_at is not null and next_review_on is not null and judgement is not null and formulation is not null))
);
create index assessments_prisoner on assessments (prisoner_id, created_at desc);
create index assessments_instrument_entry on assessments (instrument_entry_id);

-- An approved assessment is a record of what was judged: it is never edited or deleted. A review
-- is a new assessment, so the history shows the trajectory.
create function assessments_locked() returns trigger language plpgsql as $$
begin
  if old.status = 'approved' then
    raise exception 'assessment % is approved and cannot change', old.id using errcode = '55000';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger assessments_locked before update or delete on assessments
  for each row execute function assessments_locked();
