import { appendAudit } from '../../platform/audit/audit.ts';
import { DemoAlreadySeededError, type DemoContext } from '../demo/demo-context.ts';
import { presentUser } from './users.presenter.ts';

/**
 * The demo staff, each with its audit event; refuses when one of them already exists. Seeded staff
 * need not change their password; roles that require MFA enrol an authenticator at first sign-in.
 */
export async function seedDemoUsers({ trx, ctx, plan, ids, passwordHash }: DemoContext) {
  const usernames = plan.users.map((u) => u.username);
  const taken = await trx.selectFrom('users').select('username').where('username', 'in', usernames).executeTakeFirst();
  if (taken) throw new DemoAlreadySeededError(`demo user ${taken.username} already exists; nothing was seeded`);
  for (const u of plan.users) {
    const row = await trx
      .insertInto('users')
      .values({
        staff_number: u.staffNumber,
        username: u.username,
        family_name: u.familyName,
        given_name: u.givenName,
        patronymic: u.patronymic,
        family_name_latin: u.familyNameLatin,
        given_name_latin: u.givenNameLatin,
        language: u.language,
        sex: u.sex,
        roles: u.roles,
        all_facilities: u.allFacilities,
        password_hash: passwordHash,
        must_change_password: false,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const assigned = u.facilityCodes.map((code) => ids.facilities.get(code));
    if (assigned.length > 0) {
      await trx.insertInto('user_facilities').values(assigned.map((facility_id) => ({ user_id: row.id, facility_id }))).execute();
    }
    // The users presenter is the allow-list: the password hash never reaches the audit trail.
    await appendAudit(trx, ctx, { action: 'user.created', entityType: 'user', entityId: row.id, after: presentUser(row, assigned) });
  }
}
