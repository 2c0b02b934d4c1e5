import type { z } from 'zod';
import type { ChangePasswordBody, Language, MfaEnrolled, MfaEnrolment, NextStep, SignInBody, SignInResponse } from '@vigil/contracts';
import { api, setCsrfToken } from '../../api/client.ts';

type Next = z.infer<typeof NextStep>;

export const authApi = {
  async signIn(body: z.input<typeof SignInBody>) {
    const result = await api.post<z.infer<typeof SignInResponse>>('/api/v1/auth/sign-in', body);
    // The session is new (rotated at sign-in), and so is its CSRF token.
    setCsrfToken(result.csrfToken);
    return result;
  },
  verifyMfa: (code: string) => api.post<Next>('/api/v1/auth/mfa/verify', { code }),
  startEnrolment: () => api.post<z.infer<typeof MfaEnrolment>>('/api/v1/auth/mfa/enrol/start', {}),
  confirmEnrolment: (code: string) => api.post<z.infer<typeof MfaEnrolled>>('/api/v1/auth/mfa/enrol/confirm', { code }),
  changePassword: (body: z.input<typeof ChangePasswordBody>) => api.post<Next>('/api/v1/auth/password', body),
  signOut: () => api.post<{ ok: true }>('/api/v1/auth/sign-out', {}),
  signOutEverywhere: () => api.post<{ ok: true }>('/api/v1/auth/sign-out-everywhere', {}),
  switchFacility: (facilityId: string) => api.post<{ ok: true }>('/api/v1/auth/facility', { facilityId }),
  savePreferences: (language: Language) => api.put<{ ok: true }>('/api/v1/auth/preferences', { language }),
};
