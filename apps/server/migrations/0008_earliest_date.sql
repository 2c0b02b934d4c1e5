-- The contracts refuse dates before 1900 (EARLIEST_DATE, packages/contracts/src/prisoners.ts); the
-- birth-date check said "after 1 January 1900", so that one day passed validation and then failed
-- in the database with a bare 400. The check now says the same as the contract.
alter table prisoners drop constraint prisoners_date_of_birth_check;
alter table prisoners add constraint prisoners_date_of_birth_check check (date_of_birth >= date '1900-01-01');
