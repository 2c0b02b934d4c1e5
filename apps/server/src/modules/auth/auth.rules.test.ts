import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lockoutMinutes, mayChangePassword, nextStepAfterMfa, nextStepAfterPassword, passwordAcceptable, sessionExpired } from './auth.rules.ts';

test('after the password: MFA if enrolled, enrolment if the role needs it, then a forced password change', () => {
  assert.equal(nextStepAfterPassword({ roles: ['officer'], mfa_enabled: true, must_change_password: true }), 'mfa');
  assert.equal(nextStepAfterPassword({ roles: ['sysadmin'], mfa_enabled: false, must_change_password: true }), 'enrol-mfa');
  assert.equal(nextStepAfterPassword({ roles: ['officer', 'intelligence_analyst'], mfa_enabled: false, must_change_password: false }), 'enrol-mfa');
  assert.equal(nextStepAfterPassword({ roles: ['officer'], mfa_enabled: false, must_change_password: true }), 'change-password');
  assert.equal(nextStepAfterPassword({ roles: ['governor'], mfa_enabled: false, must_change_password: false }), 'done');
  assert.equal(nextStepAfterMfa({ must_change_password: true }), 'change-password');
  assert.equal(nextStepAfterMfa({ must_change_password: false }), 'done');
});

test('lockout: five free attempts, then 1, 2, 4 … minutes, never more than an hour', () => {
  assert.deepEqual([1, 2, 3, 4].map(lockoutMinutes), [0, 0, 0, 0]);
  assert.deepEqual([5, 6, 7, 8].map(lockoutMinutes), [1, 2, 4, 8]);
  assert.equal(lockoutMinutes(11), 60);
  assert.equal(lockoutMinutes(100), 60);
});

test('a session ends at the idle timeout or the absolute expiry, whichever comes first', () => {
  const now = new Date('2026-01-01T12:00:00Z');
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);
  const later = new Date(now.getTime() + 3_600_000);
  assert.equal(sessionExpired({ createdAt: at(60), lastSeenAt: at(29), expiresAt: later }, now, 30), false);
  assert.equal(sessionExpired({ createdAt: at(60), lastSeenAt: at(30), expiresAt: later }, now, 30), true);
  assert.equal(sessionExpired({ createdAt: at(60), lastSeenAt: at(0), expiresAt: now }, now, 30), true);
});

test('a new password has at least 12 characters (Cyrillic counts per letter) and differs from the old one', () => {
  assert.equal(passwordAcceptable('short', 'old password 1'), false);
  assert.equal(passwordAcceptable('old password 1', 'old password 1'), false);
  assert.equal(passwordAcceptable('новый пароль', 'old password 1'), true); // 12 letters, 23 bytes
  assert.equal(passwordAcceptable('ҳуҷҷат ғӯқӣ', 'old password 1'), false); // 11 letters
});

test('the password can be changed only once MFA is behind the session', () => {
  assert.equal(mayChangePassword('change-password'), true);
  assert.equal(mayChangePassword('done'), true);
  assert.equal(mayChangePassword('mfa'), false);
  assert.equal(mayChangePassword('enrol-mfa'), false);
});
