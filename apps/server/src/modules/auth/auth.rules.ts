import { mfaRequiredFor, type Role, type SignInStep } from '@vigil/contracts';

/** What a person who has just given the right password must do before the session is complete. */
export function nextStepAfterPassword(user: { roles: Role[]; mfa_enabled: boolean; must_change_password: boolean }): SignInStep {
  if (user.mfa_enabled) return 'mfa';
  if (mfaRequiredFor(user.roles)) return 'enrol-mfa';
  if (user.must_change_password) return 'change-password';
  return 'done';
}

/** After the second factor (or enrolment) the only step that can remain is a forced password change. */
export function nextStepAfterMfa(user: { must_change_password: boolean }): SignInStep {
  return user.must_change_password ? 'change-password' : 'done';
}

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** A session ends after `idleMinutes` without a request, or at its absolute expiry, whichever first. */
export function sessionExpired(s: SessionTimes, now: Date, idleMinutes: number): boolean {
  return now >= s.expiresAt || now.getTime() - s.lastSeenAt.getTime() >= idleMinutes * 60_000;
}

// Lockout with back-off: 5 free attempts, then 1, 2, 4 … minutes, at most an hour.
export const FREE_ATTEMPTS = 5;
export function lockoutMinutes(failedAttempts: number): number {
  if (failedAttempts < FREE_ATTEMPTS) return 0;
  return Math.min(60, 2 ** (failedAttempts - FREE_ATTEMPTS));
}

export const MIN_PASSWORD_LENGTH = 12;

/** A new password must be long enough and must actually change. Counted in characters, not bytes. */
export function passwordAcceptable(newPassword: string, currentPassword: string): boolean {
  return [...newPassword].length >= MIN_PASSWORD_LENGTH && newPassword !== currentPassword;
}

/** The password form is for a session that has passed MFA (or needs none): forced change, or by choice. */
export const mayChangePassword = (sessionStep: string) => sessionStep === 'change-password' || sessionStep === 'done';
