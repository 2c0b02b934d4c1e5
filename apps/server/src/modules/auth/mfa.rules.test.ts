import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isFreshStep, looksLikeTotp, mayEnrol, newRecoveryCodes, normaliseRecoveryCode, RECOVERY_CODE_COUNT } from './mfa.rules.ts';

test('recovery codes: ten distinct codes shaped abcde-fghij, matched ignoring case, spaces and dashes', () => {
  const codes = newRecoveryCodes();
  assert.equal(codes.length, RECOVERY_CODE_COUNT);
  assert.equal(new Set(codes).size, codes.length);
  for (const c of codes) assert.match(c, /^[a-z2-7]{5}-[a-z2-7]{5}$/);
  assert.equal(normaliseRecoveryCode(' ABCDE-fghij '), 'abcdefghij');
  assert.equal(normaliseRecoveryCode('abcde fghij'), normaliseRecoveryCode('abcdefghij'));
});

test('six digits are a TOTP code; anything else is tried as a recovery code', () => {
  assert.equal(looksLikeTotp('123456'), true);
  assert.equal(looksLikeTotp('123 456'), true);
  assert.equal(looksLikeTotp('abcde-fghij'), false);
  assert.equal(looksLikeTotp('1234567'), false);
});

test('a TOTP step is accepted once: only steps after the last one used are fresh (RFC 6238 §5.2)', () => {
  assert.equal(isFreshStep(100, null), true);
  assert.equal(isFreshStep(101, 100), true);
  assert.equal(isFreshStep(100, 100), false);
  assert.equal(isFreshStep(99, 100), false);
});

test('enrolment is open during sign-in when required, or to a fully signed-in user', () => {
  assert.equal(mayEnrol('enrol-mfa'), true);
  assert.equal(mayEnrol('done'), true);
  assert.equal(mayEnrol('mfa'), false);
  assert.equal(mayEnrol('change-password'), false);
});
