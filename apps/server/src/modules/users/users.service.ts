import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { MFA_REQUIRED_ROLES, ROLES, mfaRequiredFor, permissionsOf, type CreateUserBody, type Role, type UpdateUserBody, type UserListQuery } from '@vigil/contracts';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor, RequestContext } from '../../platform/access/actor.ts';
import { appendAudit, auditRead } from '../../platform/audit/audit.ts';
import { hashPassword } from '../../platform/auth/crypto.ts';
import { Problem } from '../../platform/errors.ts';
import { usersRepository, type UserRow } from './users.repository.ts';
import { presentUser } from './users.presenter.ts';
import { decodeCursor, encodeCursor, facilityAssignmentProblem, removesLastAdmin } from './users.rules.ts';

type CreateUser = z.infer<typeof CreateUserBody>;
type UpdateUser = z.infer<typeof UpdateUserBody>;
type ListQuery = z.infer<typeof UserListQuery>;

const profileColumns = (b: CreateUser | UpdateUser) => ({
  staff_number: b.staffNumber,
  family_name: b.familyName,
  given_name: b.givenName,
  patronymic: b.patronymic ?? null,
  family_name_latin: b.familyNameLatin ?? null,
  given_name_latin: b.givenNameLatin ?? null,
  language: b.language,
  roles: [...new Set(b.roles)],
  all_facilities: b.allFacilities,
});

export function usersService(deps: { db: Kysely<DB> }) {
  const { db } = deps;
  const repo = usersRepository(db);

  async function present(actor: Actor, row: UserRow, trx: Kysely<DB> | Transaction<DB> = db) {
    const ids = await repo.facilityIdsOf(actor, [row.id], trx);
    return presentUser(row, ids.get(row.id)!);
  }

  async function checkFacilities(trx: Transaction<DB>, actor: Actor, b: { allFacilities: boolean; facilityIds: string[] }) {
    const visible = b.allFacilities ? 0 : await repo.countAssignable(actor, b.facilityIds, trx);
    const problem = facilityAssignmentProblem(actor.facilities, b, visible);
    if (problem) throw new Problem(problem);
  }

  /** Locks the row of a user the actor may manage and checks the version the client edited. */
  async function lockForChange(trx: Transaction<DB>, actor: Actor, id: string, version: number | null) {
    const current = await repo.findForUpdate(actor, id, trx);
    if (!current) throw new Problem('not-found');
    if (await repo.assignedOutside(actor, id, trx)) throw new Problem('forbidden');
    if (version !== null && current.version !== version) throw new Problem('edit-conflict');
    return current;
  }

  async function guardLastAdmin(trx: Transaction<DB>, before: UserRow, after: { active: boolean; roles: string[] }) {
    if (!before.active || !before.roles.includes('sysadmin')) return;
    if (removesLastAdmin(before, after, await repo.lockActiveAdmins(trx))) throw new Problem('last-admin');
  }

  /** One audited write to a user: the before/after are presenter output, never secrets. */
  async function audited(trx: Transaction<DB>, ctx: RequestContext, action: string, before: UserRow | null, row: UserRow, extra?: Record<string, unknown>) {
    const after = await present(ctx.actor, row, trx);
    await appendAudit(trx, ctx, {
      action,
      entityType: 'user',
      entityId: row.id,
      before: before ? await present(ctx.actor, before, trx) : undefined,
      after: extra ? { ...after, ...extra } : after,
    });
    return after;
  }

  return {
    async list(ctx: RequestContext, query: ListQuery) {
      let after = null;
      if (query.cursor) {
        after = decodeCursor(query.cursor);
        if (!after) throw new Problem('validation', undefined, [{ path: 'querystring.cursor', message: 'invalid cursor' }]);
      }
      const filters = { q: query.q || undefined, role: query.role, facilityId: query.facilityId, includeInactive: query.includeInactive === 'true' };
      const rows = await repo.list(ctx.actor, filters, after, query.limit + 1);
      const pageRows = rows.slice(0, query.limit);
      const facilityIds = await repo.facilityIdsOf(ctx.actor, pageRows.map((r) => r.id));
      const last = pageRows.at(-1);
      return {
        items: pageRows.map((r) => presentUser(r, facilityIds.get(r.id)!)),
        next: rows.length > query.limit && last ? encodeCursor([last.family_name, last.given_name, last.id]) : null,
      };
    },

    /** A staff record holds personal data: each view is audited. */
    async get(ctx: RequestContext, id: string) {
      const row = await repo.find(ctx.actor, id);
      if (!row) throw new Problem('not-found');
      const user = await present(ctx.actor, row);
      await auditRead(db, ctx, { action: 'user.viewed', entityType: 'user', entityId: id });
      return user;
    },

    async create(ctx: RequestContext, body: CreateUser) {
      const passwordHash = await hashPassword(body.temporaryPassword);
      return db.transaction().execute(async (trx) => {
        await checkFacilities(trx, ctx.actor, body);
        const row = await repo.insert(trx, {
          ...profileColumns(body),
          username: body.username,
          password_hash: passwordHash,
          must_change_password: true,
        });
        if (!body.allFacilities) await repo.setFacilities(trx, ctx.actor, row.id, body.facilityIds);
        return audited(trx, ctx, 'user.created', null, row);
      });
    },

    async update(ctx: RequestContext, id: string, body: UpdateUser) {
      return db.transaction().execute(async (trx) => {
        const current = await lockForChange(trx, ctx.actor, id, body.version);
        await checkFacilities(trx, ctx.actor, body);
        const columns = profileColumns(body);
        await guardLastAdmin(trx, current, { active: current.active, roles: columns.roles });
        const before = await present(ctx.actor, current, trx);
        const row = await repo.update(trx, id, body.version, columns);
        if (!row) throw new Problem('edit-conflict');
        await repo.setFacilities(trx, ctx.actor, id, body.allFacilities ? [] : body.facilityIds);
        // Given a role that needs a second factor they do not have yet: sign in again and enrol.
        if (!current.mfa_enabled && mfaRequiredFor(columns.roles as Role[]) && !mfaRequiredFor(current.roles as Role[])) {
          await repo.revokeSessions(trx, id, new Date());
        }
        const after = await present(ctx.actor, row, trx);
        await appendAudit(trx, ctx, { action: 'user.updated', entityType: 'user', entityId: id, before, after });
        return after;
      });
    },

    /** Never deleted (the record of who did what must stay attributable); their sessions end now. */
    async deactivate(ctx: RequestContext, id: string, reason: string, version: number) {
      return db.transaction().execute(async (trx) => {
        const current = await lockForChange(trx, ctx.actor, id, version);
        await guardLastAdmin(trx, current, { active: false, roles: current.roles });
        const row = await repo.update(trx, id, version, { active: false, deactivation_reason: reason, deactivated_at: new Date() });
        if (!row) throw new Problem('edit-conflict');
        await repo.revokeSessions(trx, id, new Date());
        return audited(trx, ctx, 'user.deactivated', current, row);
      });
    },

    async reactivate(ctx: RequestContext, id: string, version: number) {
      return db.transaction().execute(async (trx) => {
        const current = await lockForChange(trx, ctx.actor, id, version);
        const row = await repo.update(trx, id, version, { active: true, deactivation_reason: null, deactivated_at: null, failed_attempts: 0, locked_until: null });
        if (!row) throw new Problem('edit-conflict');
        return audited(trx, ctx, 'user.reactivated', current, row);
      });
    },

    /** An administrator sets a temporary password: it must be changed at next sign-in; sessions end. */
    async resetPassword(ctx: RequestContext, id: string, temporaryPassword: string) {
      const passwordHash = await hashPassword(temporaryPassword);
      await db.transaction().execute(async (trx) => {
        const current = await lockForChange(trx, ctx.actor, id, null);
        const row = await repo.update(trx, id, current.version, { password_hash: passwordHash, must_change_password: true, failed_attempts: 0, locked_until: null });
        if (!row) throw new Problem('edit-conflict');
        await repo.revokeSessions(trx, id, new Date());
        await audited(trx, ctx, 'user.password-reset', current, row);
      });
    },

    /** Clears the authenticator and recovery codes (a lost phone); enrolment is asked again where the role needs it. */
    async resetMfa(ctx: RequestContext, id: string) {
      await db.transaction().execute(async (trx) => {
        const current = await lockForChange(trx, ctx.actor, id, null);
        const row = await repo.update(trx, id, current.version, { mfa_secret: null, mfa_enabled: false, mfa_last_step: null });
        if (!row) throw new Problem('edit-conflict');
        await repo.deleteRecoveryCodes(trx, id);
        await repo.revokeSessions(trx, id, new Date());
        await audited(trx, ctx, 'user.mfa-reset', current, row);
      });
    },

    roles() {
      return { items: ROLES.map((role) => ({ role, permissions: permissionsOf([role]), mfaRequired: MFA_REQUIRED_ROLES.includes(role) })) };
    },
  };
}
export type UsersService = ReturnType<typeof usersService>;
