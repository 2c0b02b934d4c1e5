import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { MFA_REQUIRED_ROLES, ROLES, mfaRequiredFor, permissionsOf, type CreateUserBody, type Role, type UpdateUserBody, type User, type UserListQuery } from '@vigil/contracts';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor, RequestContext } from '../../platform/access/actor.ts';
import { auditRead } from '../../platform/audit/audit.ts';
import { createRecord, updateVersioned, type VersionedChange } from '../../platform/db/write.ts';
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
  sex: b.sex,
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

  /** A change to a user the actor may manage (one assigned outside their facilities is not theirs to change). */
  function change(ctx: RequestContext, id: string, version: number | null, action: string, apply: VersionedChange<UserRow, User>['apply']): VersionedChange<UserRow, User> {
    return {
      async lock(trx) {
        const current = await repo.findForUpdate(ctx.actor, id, trx);
        if (current && (await repo.assignedOutside(ctx.actor, id, trx))) throw new Problem('forbidden');
        return current;
      },
      expectedVersion: version,
      apply,
      present: (row, trx) => present(ctx.actor, row, trx),
      audit: () => ({ action, entityType: 'user', entityId: id }),
    };
  }

  async function guardLastAdmin(trx: Transaction<DB>, before: UserRow, after: { active: boolean; roles: string[] }) {
    if (!before.active || !before.roles.includes('sysadmin')) return;
    if (removesLastAdmin(before, after, await repo.lockActiveAdmins(trx))) throw new Problem('last-admin');
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
      return createRecord(db, ctx, {
        async insert(trx) {
          await checkFacilities(trx, ctx.actor, body);
          const row = await repo.insert(trx, { ...profileColumns(body), username: body.username, password_hash: passwordHash, must_change_password: true });
          if (!body.allFacilities) await repo.setFacilities(trx, ctx.actor, row.id, body.facilityIds);
          return row;
        },
        present: (row, trx) => present(ctx.actor, row, trx),
        audit: (row) => ({ action: 'user.created', entityType: 'user', entityId: row.id }),
      });
    },

    async update(ctx: RequestContext, id: string, body: UpdateUser) {
      const columns = profileColumns(body);
      return updateVersioned(db, ctx, {
        ...change(ctx, id, body.version, 'user.updated', async (trx, current) => {
          const row = await repo.update(trx, id, current.version, columns);
          if (!row) return undefined;
          await repo.setFacilities(trx, ctx.actor, id, body.allFacilities ? [] : body.facilityIds);
          // Given a role that needs a second factor they do not have yet: sign in again and enrol.
          if (!current.mfa_enabled && mfaRequiredFor(columns.roles as Role[]) && !mfaRequiredFor(current.roles as Role[])) {
            await repo.revokeSessions(trx, id, new Date());
          }
          return row;
        }),
        async check(current, trx) {
          await checkFacilities(trx, ctx.actor, body);
          await guardLastAdmin(trx, current, { active: current.active, roles: columns.roles });
        },
      });
    },

    /** Never deleted (the record of who did what must stay attributable); their sessions end now. */
    async deactivate(ctx: RequestContext, id: string, reason: string, version: number) {
      return updateVersioned(db, ctx, {
        ...change(ctx, id, version, 'user.deactivated', async (trx, current) => {
          await repo.revokeSessions(trx, id, new Date());
          return repo.update(trx, id, current.version, { active: false, deactivation_reason: reason, deactivated_at: new Date() });
        }),
        check: (current, trx) => guardLastAdmin(trx, current, { active: false, roles: current.roles }),
      });
    },

    async reactivate(ctx: RequestContext, id: string, version: number) {
      return updateVersioned(
        db,
        ctx,
        change(ctx, id, version, 'user.reactivated', (trx, current) =>
          repo.update(trx, id, current.version, { active: true, deactivation_reason: null, deactivated_at: null, failed_attempts: 0, locked_until: null }),
        ),
      );
    },

    /** An administrator sets a temporary password: it must be changed at next sign-in; sessions end. */
    async resetPassword(ctx: RequestContext, id: string, temporaryPassword: string) {
      const passwordHash = await hashPassword(temporaryPassword);
      await updateVersioned(
        db,
        ctx,
        change(ctx, id, null, 'user.password-reset', async (trx, current) => {
          await repo.revokeSessions(trx, id, new Date());
          return repo.update(trx, id, current.version, { password_hash: passwordHash, must_change_password: true, failed_attempts: 0, locked_until: null });
        }),
      );
    },

    /** Clears the authenticator and recovery codes (a lost phone); enrolment is asked again where the role needs it. */
    async resetMfa(ctx: RequestContext, id: string) {
      await updateVersioned(
        db,
        ctx,
        change(ctx, id, null, 'user.mfa-reset', async (trx, current) => {
          await repo.deleteRecoveryCodes(trx, id);
          await repo.revokeSessions(trx, id, new Date());
          return repo.update(trx, id, current.version, { mfa_secret: null, mfa_enabled: false, mfa_last_step: null });
        }),
      );
    },

    roles() {
      return { items: ROLES.map((role) => ({ role, permissions: permissionsOf([role]), mfaRequired: MFA_REQUIRED_ROLES.includes(role) })) };
    },
  };
}
export type UsersService = ReturnType<typeof usersService>;
