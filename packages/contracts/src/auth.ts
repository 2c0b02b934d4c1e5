import { z } from 'zod';
import { Id, Language, text } from './common.ts';
import { PERMISSIONS, ROLES } from './permissions.ts';

export const SignInBody = z
  .object({ username: text(100), password: z.string().min(1).max(200) })
  .strict();

/** What the person must do next before the session is fully signed in. */
export const SignInStep = z.enum(['mfa', 'enrol-mfa', 'change-password', 'done']);
export type SignInStep = z.infer<typeof SignInStep>;

export const SignInResponse = z.object({ next: SignInStep, csrfToken: z.string() });

/** The answer to each later sign-in step (MFA, password change): what remains to do. */
export const NextStep = z.object({ next: SignInStep });

export const MfaCodeBody = z.object({ code: z.string().trim().min(6).max(20) }).strict();

export const MfaEnrolment = z.object({
  secret: z.string().describe('Base32 secret for manual entry'),
  otpauthUrl: z.string(),
  qrDataUrl: z.string().describe('PNG data: URL of the otpauth QR code'),
});

export const MfaEnrolled = z.object({ next: SignInStep, recoveryCodes: z.array(z.string()) });

export const ChangePasswordBody = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) })
  .strict();

export const FacilityRef = z.object({ id: Id, code: z.string(), name: z.string(), timeZone: z.string() });

export const SessionInfo = z.object({
  user: z.object({
    id: Id,
    username: z.string(),
    displayName: z.string(),
    language: Language,
    roles: z.array(z.enum(ROLES)),
    mfaEnabled: z.boolean(),
  }),
  abilities: z.array(z.enum(PERMISSIONS)),
  facilities: z.array(FacilityRef),
  activeFacilityId: Id.nullable(),
  csrfToken: z.string(),
  next: SignInStep,
});
export type SessionInfo = z.infer<typeof SessionInfo>;

/** For actions that take no input: an empty JSON object, or no body at all. */
export const EmptyBody = z.object({}).strict().nullish();

export const SwitchFacilityBody = z.object({ facilityId: Id }).strict();
export const PreferencesBody = z.object({ language: Language }).strict();
