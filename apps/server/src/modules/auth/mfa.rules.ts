import { randomBytes } from 'node:crypto';
import { base32Encode } from '../../platform/auth/totp.ts';

export const RECOVERY_CODE_COUNT = 10;

/** A six-digit code comes from the authenticator app; anything else is tried as a recovery code. */
export const looksLikeTotp = (code: string) => /^\d{6}$/.test(code.replace(/\s/g, ''));

/** Recovery codes are typed by hand: ignore case, spaces and dashes. */
export const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Ten random base32 characters (50 bits), shown as `abcde-fghij`. */
export function newRecoveryCode(): string {
  const raw = base32Encode(randomBytes(8)).slice(0, 10).toLowerCase();
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

export const newRecoveryCodes = (count = RECOVERY_CODE_COUNT) => Array.from({ length: count }, newRecoveryCode);

/**
 * RFC 6238 §5.2: a verifier must not accept the same one-time password twice. A code is fresh
 * only if its 30-second step is later than the last step this user signed in with.
 */
export const isFreshStep = (step: number, lastStep: number | null) => lastStep === null || step > lastStep;

/** Where enrolment may be started or confirmed: during sign-in when the role requires it, or later by choice. */
export const mayEnrol = (sessionStep: string) => sessionStep === 'enrol-mfa' || sessionStep === 'done';
