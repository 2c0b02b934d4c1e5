import type { FastifyReply, FastifyRequest } from 'fastify';
import { ChangePasswordBody, NextStep, Ok, PreferencesBody, SessionInfo, SignInBody, SignInResponse, SwitchFacilityBody } from '@vigil/contracts';
import type { App } from '../../platform/http/app-type.ts';
import { SESSION_COOKIE } from '../../platform/http/access-hook.ts';
import type { AuthService, ClientMeta } from './auth.service.ts';
import { mfaRoutes } from './mfa.routes.ts';

export const clientMeta = (request: FastifyRequest): ClientMeta => ({
  requestId: String(request.id),
  clientIp: request.ip ?? null,
  userAgent: request.headers['user-agent'] ?? null,
});

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}

export function authRoutes(app: App, auth: AuthService, opts: { secureCookies: boolean; signInPerMinute: number }) {
  app.post('/api/v1/auth/sign-in', {
    config: { access: { public: true }, rateLimit: { max: opts.signInPerMinute, timeWindow: '1 minute' } },
    schema: { tags: ['auth'], summary: 'Sign in with user name and password', body: SignInBody, response: { 200: SignInResponse } },
    handler: async (request, reply) => {
      const result = await auth.signIn(request.body.username, request.body.password, clientMeta(request));
      setSessionCookie(reply, result.token, opts.secureCookies);
      return { next: result.next, csrfToken: result.csrfToken };
    },
  });

  mfaRoutes(app, auth.mfa, { attemptsPerMinute: opts.signInPerMinute });

  app.post('/api/v1/auth/password', {
    // Reachable mid-sign-in for a forced change; the service refuses it before MFA is passed.
    config: { access: { partialSession: true }, rateLimit: { max: opts.signInPerMinute, timeWindow: '1 minute' } },
    schema: { tags: ['auth'], summary: 'Change your own password; ends your other sessions', body: ChangePasswordBody, response: { 200: NextStep } },
    handler: async (request) => auth.changePassword(request.ctx, request.session!, request.body.currentPassword, request.body.newPassword),
  });

  app.put('/api/v1/auth/preferences', {
    config: { access: { signedIn: true } },
    schema: { tags: ['auth'], summary: 'Change your own preferences (language)', body: PreferencesBody, response: { 200: Ok } },
    handler: async (request) => {
      await auth.setPreferences(request.ctx, request.body.language);
      return { ok: true as const };
    },
  });

  app.get('/api/v1/auth/session', {
    config: { access: { partialSession: true } },
    schema: { tags: ['auth'], summary: 'The current session, abilities and facilities', response: { 200: SessionInfo } },
    handler: async (request) => auth.sessionInfo(request.session!),
  });

  app.post('/api/v1/auth/sign-out', {
    config: { access: { partialSession: true } },
    schema: { tags: ['auth'], summary: 'End this session', response: { 200: Ok } },
    handler: async (request, reply) => {
      await auth.signOut(request.ctx);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  app.post('/api/v1/auth/sign-out-everywhere', {
    config: { access: { signedIn: true } },
    schema: { tags: ['auth'], summary: 'End every session of the signed-in user', response: { 200: Ok } },
    handler: async (request, reply) => {
      await auth.signOutEverywhere(request.ctx);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  app.post('/api/v1/auth/facility', {
    config: { access: { signedIn: true } },
    schema: { tags: ['auth'], summary: 'Switch the active facility', body: SwitchFacilityBody, response: { 200: Ok } },
    handler: async (request) => {
      await auth.switchFacility(request.ctx, request.body.facilityId);
      return { ok: true as const };
    },
  });
}
