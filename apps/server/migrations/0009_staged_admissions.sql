-- Admissions prepared ahead of the transaction that makes them (issue 8, fast register import).
-- A register commit writes each row's prisoner, version, search terms, placement and audit record
-- here first, in short transactions, so that the one transaction that admits them all (all or
-- nothing) only moves rows with set-based SQL. `batch_id` is the import. Rows leave this table in
-- that transaction, or are deleted when the commit fails. Personal data, like imports.rows.
create table staged_admissions (
  batch_id uuid not null references imports(id),
  line integer not null,
  prisoner_id uuid not null,
  -- The prisoners row, column by column (prisoner-columns.ts), as admit would insert it, but for
  -- the file itself: that is `file`, version 1's snapshot too.
  prisoner jsonb not null,
  file jsonb not null,
  search_terms jsonb not null,
  -- The prisoner.admitted audit event's `after`; its hash is chained at the admission itself.
  audit_after jsonb not null,
  primary key (batch_id, line)
);
