-- Register imports admitted without holding the database (issue 8, fast import on the embedded
-- store). A commit writes its prisoners, versions, search terms and placements into the real
-- tables in short transactions, each row marked with its admission batch; until the batch is
-- committed, `prisoners` and `placements` (views now, over prisoner_rows and placement_rows) do
-- not show them, so no reader sees half a register. Committing the batch is one row's update: the
-- all-or-nothing step takes milliseconds however large the register, and PGlite's one session is
-- free for everyone else meanwhile. A batch that fails, or whose commit dies with the process, is
-- deleted row by row, still unseen. The batch id stays on the admitted rows as their provenance.
--
-- Later migrations that change these tables alter prisoner_rows / placement_rows and recreate the
-- view (a view's `*` is expanded when it is created).
create table admission_batches (
  id uuid primary key,
  facility_id uuid not null references facilities(id),
  reason text not null,
  -- Who committed it, as the audit trail names them: the per-prisoner events written after the
  -- commit (announced below) carry the same actor, even when a restart finishes them.
  actor jsonb not null,
  created_at timestamptz not null default now(),
  committed_at timestamptz,
  -- After the commit, each admission's prisoner.admitted audit event and domain event are written
  -- in line order, a chunk per short transaction; `announced` counts those done. The batch's own
  -- audit event (import.committed) is written in the committing transaction.
  announced integer not null default 0,
  check (announced = 0 or committed_at is not null)
);

alter table prisoners rename to prisoner_rows;
alter table prisoner_rows add column admission_batch_id uuid references admission_batches(id);
create index prisoner_rows_admission_batch on prisoner_rows (admission_batch_id) where admission_batch_id is not null;
create view prisoners as
  select * from prisoner_rows r
  where r.admission_batch_id is null
     or exists (select 1 from admission_batches b where b.id = r.admission_batch_id and b.committed_at is not null);

alter table placements rename to placement_rows;
alter table placement_rows add column admission_batch_id uuid references admission_batches(id);
create index placement_rows_admission_batch on placement_rows (admission_batch_id) where admission_batch_id is not null;
create view placements as
  select * from placement_rows r
  where r.admission_batch_id is null
     or exists (select 1 from admission_batches b where b.id = r.admission_batch_id and b.committed_at is not null);

-- What is left to announce: each admission's audit `after`, kept from staging until its event is
-- written. Replaces the staging of whole rows (0009).
drop table staged_admissions;
create table admission_announcements (
  batch_id uuid not null references admission_batches(id),
  line integer not null,
  prisoner_id uuid not null,
  audit_after jsonb not null,
  primary key (batch_id, line)
);
