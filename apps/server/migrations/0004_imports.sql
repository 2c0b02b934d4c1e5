-- Imports of an existing prisoner register (issue 3, must-have 8). One row per uploaded file:
-- the cells as read (formula-like cells never kept), the column mapping chosen, the report of the
-- last dry run, and what the commit did. The commit itself writes prisoners through the same
-- service reception uses, all rows in one transaction.
create table imports (
  id uuid primary key default gen_random_uuid(),
  facility_id uuid not null references facilities(id),
  filename text not null,
  sha256 text not null,
  size_bytes integer not null,
  format text not null check (format in ('csv', 'xlsx')),
  status text not null check (status in ('uploaded', 'validated', 'committing', 'committed', 'failed')),
  headers jsonb not null,
  -- The data rows as read: {"line": n, "cells": [...], "refused": [column, ...]}. Personal data:
  -- emptied once the commit has copied it into prisoner files.
  rows jsonb not null,
  row_count integer not null,
  mapping jsonb not null default '{}',
  report jsonb,
  created_count integer not null default 0,
  failure text,
  created_by uuid,
  created_by_username text not null,
  committed_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index imports_facility on imports (facility_id, created_at desc);
create index imports_sha256 on imports (sha256);
