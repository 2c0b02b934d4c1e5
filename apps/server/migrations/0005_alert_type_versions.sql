-- Alert codes are edited by more than one security manager: like every other record, a code's
-- definition carries a version, so a second edit made from an old copy is refused (409), not
-- silently written over the first.
alter table alert_types add column version integer not null default 1;
