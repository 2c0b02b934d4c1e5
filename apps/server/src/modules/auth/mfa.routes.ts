import { EmptyBody, MfaCodeBody, MfaEnrolled, MfaEnrolment, NextStep } from '@vigil/contracts';
import type { App } from '../../platform/http/app-type.ts';
import type { MfaService } from './mfa.service.ts';

export function mfaRoutes(app: App, mfa: MfaService, opts: { attemptsPerMinute: number }) {
  app.post('/api/v1/auth/mfa/verify', {
    // A partial session: the password is right, the second factor is what is being checked.
    config: { access: { partialSession: true }, rateLimit: { max: opts.attemptsPerMinute, timeWindow: '1 minute' } },
    schema: { tags: ['auth'], summary: 'Second sign-in step: a code from the authenticator app or a recovery code', body: MfaCodeBody, response: { 200: NextStep } },
    handler: async (request) => mfa.verify(request.ctx, request.session!, request.body.code),
  });

  app.post('/api/v1/auth/mfa/enrol/start', {
    config: { access: { partialSession: true } },
    schema: { tags: ['auth'], summary: 'Begin setting up an authenticator app (during sign-in, or later by choice)', body: EmptyBody, response: { 200: MfaEnrolment } },
    handler: async (request) => mfa.startEnrolment(request.ctx, request.session!),
  });

  app.post('/api/v1/auth/mfa/enrol/confirm', {
    config: { access: { partialSession: true }, rateLimit: { max: opts.attemptsPerMinute, timeWindow: '1 minute' } },
    schema: { tags: ['auth'], summary: 'Finish setting up the authenticator app; returns recovery codes, shown once', body: MfaCodeBody, response: { 200: MfaEnrolled } },
    handler: async (request) => mfa.confirmEnrolment(request.ctx, request.session!, request.body.code),
  });
}
