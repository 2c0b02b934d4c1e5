import type { Kysely } from 'kysely';
import { permissionsOf, type Language, type Role, type SessionInfo, type SignInStep } from '@vigil/contracts';
import type { DB } from '../../platform/db/schema.ts';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db/connect.ts';
import { ReadCache } from '../../platform/db/read-cache.ts';
import type { Actor, RequestContext } from '../../platform/access/actor.ts';
import type { ResolvedSession } from '../../platform/http/access-hook.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { Problem } from '../../platform/errors.ts';
import { dummyPasswordHash, hashPassword, randomToken, sha256, verifyPassword } from '../../platform/auth/crypto.ts';
import { facilityQueries } from '../facilities/index.ts';
import { authRepository } from './auth.repository.ts';
import { mayChangePassword, nextStepAfterPassword, passwordAcceptable, sessionExpired } from './auth.rules.ts';
import { recordFailedAttempt, unknownNameAttempts } from './failed-attempts.ts';
import { mfaService } from './mfa.service.ts';
import { runWrite } from '../../platform/db/write.ts';

type UserRow = NonNullable<Awaited<ReturnType<ReturnType<typeof authRepository>['findUser']>>>;

/** A session as kept in memory: resolved once per read from the database, checked on every use. */
interface CachedSession {
  session: ResolvedSession;
  userActive: boolean;
  times: { createdAt: Date; lastSeenAt: Date; expiresAt: Date };
}

export interface ClientMeta {
  requestId: string;
  clientIp: string | null;
  userAgent: string | null;
}

export function actorOf(user: UserRow, facilityIds: string[], sessionId: string): Actor {
  const roles = user.roles as Role[];
  return {
    userId: user.id,
    username: user.username,
    roles,
    permissions: new Set(permissionsOf(roles)),
    facilities: user.all_facilities ? 'all' : facilityIds,
    language: user.language,
    sessionId,
  };
}

/**
 * How long a session looked up is used from memory. Every write this process makes to sessions,
 * users or their facilities (sign-out, revocation, deactivation, role or facility changes, a
 * password or MFA reset) ends it at once, and so does such a write by another process on the same
 * PostgreSQL, announced at its commit (write-listener.ts). The lifetime bounds only a notice lost
 * while the listener was down.
 */
const SESSION_CACHE_MS = 5_000;
const SESSION_CACHE_MAX = 10_000;

export function authService(deps: { db: Kysely<DB>; config: Config; database: Pick<Database, 'writes'> }) {
  const { db, config } = deps;
  // The session lookup runs on every request: from memory, it stops being the floor under every
  // endpoint's latency (bench/README.md).
  const sessions = new ReadCache<string, CachedSession>(deps.database.writes, {
    tables: ['sessions', 'users', 'user_facilities'],
    ttlMs: SESSION_CACHE_MS,
    max: SESSION_CACHE_MAX,
  });
  const repo = authRepository(db);
  const unknownNames = unknownNameAttempts(db);

  /** A context for events about a user before their session exists (failed sign-ins). */
  const userContext = (user: UserRow, meta: ClientMeta): RequestContext => ({
    actor: actorOf(user, [], ''),
    requestId: meta.requestId,
    clientIp: meta.clientIp,
  });

  return {
    mfa: mfaService(deps),

    /**
     * Checks the password and opens a new session (a fresh token every time: rotation at sign-in).
     * The session may still need MFA or a password change before it can do anything else.
     */
    async signIn(username: string, password: string, meta: ClientMeta): Promise<{ token: string; csrfToken: string; next: SignInStep }> {
      const user = await repo.findUserByUsername(username);
      const now = new Date();
      // An unknown (or deactivated) name gets the same answers, lock and work as a real account.
      if (!user || !user.active) {
        if (unknownNames.isLocked(username, now)) throw new Problem('account-locked');
        await verifyPassword(await dummyPasswordHash(), password);
        await unknownNames.recordFailure(username, meta, now);
        throw new Problem('invalid-credentials');
      }
      if (user.locked_until && user.locked_until > now) throw new Problem('account-locked');

      if (!(await verifyPassword(user.password_hash, password))) {
        await recordFailedAttempt(db, userContext(user, meta), user.id, 'password');
        throw new Problem('invalid-credentials');
      }

      const token = randomToken();
      const csrfToken = randomToken();
      const next = nextStepAfterPassword({ roles: user.roles as Role[], mfa_enabled: user.mfa_enabled, must_change_password: user.must_change_password });
      const facilities = await repo.facilitiesFor(user);
      const signedIn = { ...userContext(user, meta), actor: actorOf(user, [], sha256(token)) };
      await runWrite(db, signedIn, async ({ trx }) => {
        // With a second factor still to come, the failure count stands until that succeeds too.
        if (next !== 'mfa') await repo.clearFailures(trx, user.id);
        await repo.createSession(trx, {
          id: sha256(token),
          user_id: user.id,
          step: next,
          csrf_token: csrfToken,
          active_facility_id: facilities[0]?.id ?? null,
          client_ip: meta.clientIp,
          user_agent: meta.userAgent?.slice(0, 300) ?? null,
          expires_at: new Date(now.getTime() + config.sessionAbsoluteHours * 3_600_000),
        });
        await appendAudit(trx, signedIn, {
          action: 'auth.signed-in',
          entityType: 'user',
          entityId: user.id,
          after: { next },
        });
      });
      return { token, csrfToken, next };
    },

    /** Looks up the session behind a cookie token; null when unknown, revoked, expired or the user is inactive. */
    async resolveSession(token: string): Promise<ResolvedSession | null> {
      const id = sha256(token);
      const cached = await sessions.read(id, async () => {
        const row = await repo.findSessionWithUser(id);
        if (!row) return null;
        return {
          userActive: row.active,
          times: { createdAt: row.session_created_at, lastSeenAt: row.session_last_seen_at, expiresAt: row.session_expires_at },
          session: {
            id,
            step: row.session_step,
            csrfToken: row.session_csrf_token,
            activeFacilityId: row.session_active_facility_id,
            actor: actorOf(row, row.all_facilities ? [] : row.facility_ids, id),
          },
        };
      });
      if (!cached || !cached.userActive) return null;
      const now = new Date();
      if (sessionExpired(cached.times, now, config.sessionIdleMinutes)) return null;
      // Touch at most once a minute: enough for the idle timeout, cheap on every request. The
      // touch changes nothing a cached session holds but this time, so it leaves the cache be.
      if (now.getTime() - cached.times.lastSeenAt.getTime() > 60_000) {
        await deps.database.writes.unobserved(() => repo.touchSession(id, now));
        cached.times.lastSeenAt = now;
      }
      return cached.session;
    },

    async sessionInfo(session: ResolvedSession): Promise<SessionInfo> {
      const user = await repo.findUser(session.actor.userId);
      if (!user) throw new Problem('unauthenticated');
      const facilities = await repo.facilitiesFor(user);
      const done = session.step === 'done';
      return {
        user: {
          id: user.id,
          username: user.username,
          displayName: [user.family_name, user.given_name].join(' '),
          language: user.language,
          roles: user.roles as Role[],
          mfaEnabled: user.mfa_enabled,
        },
        abilities: done ? [...session.actor.permissions] : [],
        facilities: done ? facilities.map((f) => ({ id: f.id, code: f.code, name: f.name, timeZone: f.time_zone })) : [],
        activeFacilityId: done ? session.activeFacilityId : null,
        csrfToken: session.csrfToken,
        next: session.step as SignInStep,
      };
    },

    async signOut(ctx: RequestContext): Promise<void> {
      await runWrite(db, ctx, async ({ trx }) => {
        await repo.revokeSession(trx, ctx.actor.sessionId, new Date());
        await appendAudit(trx, ctx, { action: 'auth.signed-out', entityType: 'user', entityId: ctx.actor.userId });
      });
    },

    async signOutEverywhere(ctx: RequestContext): Promise<void> {
      await runWrite(db, ctx, async ({ trx }) => {
        await repo.revokeAllSessions(trx, ctx.actor.userId, new Date());
        await appendAudit(trx, ctx, { action: 'auth.signed-out-everywhere', entityType: 'user', entityId: ctx.actor.userId });
      });
    },

    /**
     * Changes the user's own password. Knowing the current one is required even mid-sign-in; on
     * success every other session of the user ends (a stolen session does not survive the change).
     */
    async changePassword(ctx: RequestContext, session: ResolvedSession, currentPassword: string, newPassword: string): Promise<{ next: SignInStep }> {
      if (!mayChangePassword(session.step)) throw new Problem('sign-in-incomplete');
      const user = await repo.findUser(ctx.actor.userId);
      if (!user || !user.active) throw new Problem('unauthenticated');
      if (user.locked_until && user.locked_until > new Date()) throw new Problem('account-locked');
      if (!(await verifyPassword(user.password_hash, currentPassword))) {
        await recordFailedAttempt(db, ctx, user.id, 'password');
        throw new Problem('invalid-credentials');
      }
      if (!passwordAcceptable(newPassword, currentPassword)) throw new Problem('weak-password');
      const passwordHash = await hashPassword(newPassword);
      const next: SignInStep = 'done';
      await runWrite(db, ctx, async ({ trx }) => {
        await repo.setPassword(trx, user.id, passwordHash);
        await repo.clearFailures(trx, user.id);
        await repo.revokeOtherSessions(trx, user.id, session.id, new Date());
        await repo.updateSession(trx, session.id, { step: next });
        await appendAudit(trx, ctx, {
          action: 'auth.password-changed',
          entityType: 'user',
          entityId: user.id,
          before: { mustChangePassword: user.must_change_password },
          after: { mustChangePassword: false, otherSessionsEnded: true },
        });
      });
      return { next };
    },

    async setPreferences(ctx: RequestContext, language: Language): Promise<void> {
      await runWrite(db, ctx, async ({ trx }) => {
        const user = await repo.findUser(ctx.actor.userId, trx);
        if (!user) throw new Problem('unauthenticated');
        await repo.setLanguage(trx, user.id, language);
        await appendAudit(trx, ctx, { action: 'user.preferences-changed', entityType: 'user', entityId: user.id, before: { language: user.language }, after: { language } });
      });
    },

    async switchFacility(ctx: RequestContext, facilityId: string): Promise<void> {
      const { facilities } = ctx.actor;
      if (facilities !== 'all' && !facilities.includes(facilityId)) throw new Problem('facility-not-assigned');
      await db.transaction().execute(async (trx) => {
        const facility = await facilityQueries(db).find(ctx.actor, facilityId, trx);
        if (!facility?.active) throw new Problem('not-found');
        await repo.updateSession(trx, ctx.actor.sessionId, { active_facility_id: facilityId });
      });
    },
  };
}
export type AuthService = ReturnType<typeof authService>;
