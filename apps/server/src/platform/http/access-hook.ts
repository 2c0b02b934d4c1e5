import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Permission } from '@vigil/contracts';
import type { Actor, RequestContext } from '../access/actor.ts';
import { Problem } from '../errors.ts';

/**
 * What a route requires. Every route must declare one (deny by default):
 * - `public`: anyone (health checks, the sign-in form, static files);
 * - `partialSession`: a session that has passed the password but not yet MFA or a password change;
 * - `signedIn`: any fully signed-in user (their own session and preferences);
 * - `permission`: a fully signed-in user whose roles grant it;
 * - `anyPermission`: a fully signed-in user whose roles grant at least one of them (a task two
 *   kinds of staff do, such as handing property back at a move or at release).
 */
export type Access =
  | { public: true }
  | { partialSession: true }
  | { signedIn: true }
  | { permission: Permission }
  | { anyPermission: readonly [Permission, ...Permission[]] };

export interface ResolvedSession {
  id: string;
  step: string;
  csrfToken: string;
  activeFacilityId: string | null;
  actor: Actor;
}

export type SessionResolver = (token: string, request: FastifyRequest) => Promise<ResolvedSession | null>;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    session: ResolvedSession | null;
    /** Set on routes that need a signed-in user; services take it. */
    ctx: RequestContext;
  }
}

export const SESSION_COOKIE = 'vigil_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// Routes registered by plugins we do not write (the API docs) are public by construction.
const PLUGIN_PUBLIC_PREFIXES = ['/api/docs'];

/** Refuses, at start-up, any route that does not say who may call it. */
export function requireAccessDeclarations(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (route.config?.access) return;
    if (PLUGIN_PUBLIC_PREFIXES.some((p) => route.url.startsWith(p))) {
      route.config = { ...(route.config ?? {}), access: { public: true } };
      return;
    }
    throw new Error(`route ${route.method} ${route.url} declares no access (permission or public)`);
  });
}

export function installAccessHook(app: FastifyInstance, resolve: SessionResolver): void {
  app.decorateRequest('session', null);
  app.decorateRequest('ctx', null as unknown as RequestContext);

  // Before validation: a caller without access learns nothing about a route's schema (401, not 400).
  app.addHook('preValidation', async (request) => {
    if (request.is404) return; // the not-found handler answers with a problem of its own
    const access = request.routeOptions.config?.access;
    if (!access) throw new Problem('forbidden'); // unreachable: onRoute refuses such routes
    // Public routes (health checks, static files, the sign-in form) never need the session, so
    // they cost no database round trip even when the browser sends its cookie.
    if ('public' in access) return;
    const token = request.cookies?.[SESSION_COOKIE];
    request.session = token ? await resolve(token, request) : null;

    const session = request.session;
    if (!session) throw new Problem('unauthenticated');
    // SameSite=Strict already stops cross-site posts; the token also stops same-site forgeries.
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
      throw new Problem('csrf');
    }
    request.ctx = { actor: session.actor, requestId: String(request.id), clientIp: request.ip ?? null };
    if ('partialSession' in access) return;
    if (session.step !== 'done') throw new Problem('sign-in-incomplete');
    if ('signedIn' in access) return;
    const granted = 'permission' in access ? session.actor.permissions.has(access.permission) : access.anyPermission.some((p) => session.actor.permissions.has(p));
    if (!granted) throw new Problem('forbidden');
  });
}
