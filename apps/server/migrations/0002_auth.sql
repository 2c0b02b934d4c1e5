-- Sign-in security: refuse a replayed TOTP code, and look recovery codes up by hash.

-- The last 30-second TOTP step a user signed in with (RFC 6238 §5.2: a code is accepted once).
alter table users add column mfa_last_step integer;

create unique index recovery_codes_user_hash on recovery_codes (user_id, code_hash);
