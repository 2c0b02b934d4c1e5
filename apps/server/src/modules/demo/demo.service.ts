import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { systemContext, type RequestContext } from '../../platform/access/actor.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { hashPassword } from '../../platform/auth/crypto.ts';
import { presentFacility } from '../facilities/facilities.presenter.ts';
import { presentLocation } from '../locations/locations.presenter.ts';
import { presentUser } from '../users/users.presenter.ts';
import { joinPath } from '../locations/locations.rules.ts';
import { planDemoPrisoners } from './demo.prisoners.ts';
import { writeDemoPrisoners } from './demo.prisoners-writer.ts';
import { buildDemoPlan, DEMO_COUNTRY, DEMO_LOGINS, DEMO_TIME_ZONE, type PlannedFacility, type PlannedPlace, type PlannedUser } from './demo.plan.ts';

export interface DemoLogins {
  password: string;
  users: { username: string; roles: string[] }[];
}

export const DEMO_PASSWORD = 'vigil-demo-2026';

/** The demo data (or part of it) is already in this database; seeding again would duplicate it. */
export class DemoAlreadySeededError extends Error {}

/** Seeds the demo dataset when the database has no users yet; returns the logins, or null. */
export async function seedDemoIfEmpty(db: Kysely<DB>, opts: { seed: number; now?: Date }): Promise<DemoLogins | null> {
  const any = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  return seedDemo(db, opts);
}

/**
 * Writes the demo dataset for `seed` in one transaction (all or nothing). Every row gets its audit
 * event, written as the system ('demo-seed'), so the audit chain verifies afterwards like after
 * any other write. Seeded staff need not change their password; roles that require MFA enrol an
 * authenticator at first sign-in.
 */
export async function seedDemo(db: Kysely<DB>, opts: { seed: number; now?: Date; prisoners?: number }): Promise<DemoLogins> {
  const plan = buildDemoPlan(opts.seed);
  const ctx = systemContext('demo-seed');
  // One hash for every demo account: they share the published demo password anyway.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.transaction().execute(async (trx) => {
    await refuseIfPresent(trx, plan.facilities.map((f) => f.code), plan.users.map((u) => u.username));
    const facilityIds = new Map<string, string>();
    for (const facility of plan.facilities) {
      facilityIds.set(facility.code, await writeFacility(trx, ctx, facility));
    }
    for (const user of plan.users) await writeUser(trx, ctx, user, passwordHash, facilityIds);
    await writeDemoPrisoners(trx, ctx, planDemoPrisoners(opts.seed, plan.facilities, opts.now ?? new Date(), opts.prisoners), facilityIds);
  });

  return {
    password: DEMO_PASSWORD,
    users: DEMO_LOGINS.map((l) => ({ username: l.username, roles: [l.role] })),
  };
}

async function refuseIfPresent(trx: Transaction<DB>, facilityCodes: string[], usernames: string[]) {
  const facility = await trx.selectFrom('facilities').select('code').where('code', 'in', facilityCodes).executeTakeFirst();
  if (facility) throw new DemoAlreadySeededError(`demo facility ${facility.code} already exists; nothing was seeded`);
  const user = await trx.selectFrom('users').select('username').where('username', 'in', usernames).executeTakeFirst();
  if (user) throw new DemoAlreadySeededError(`demo user ${user.username} already exists; nothing was seeded`);
}

async function writeFacility(trx: Transaction<DB>, ctx: RequestContext, f: PlannedFacility): Promise<string> {
  const row = await trx
    .insertInto('facilities')
    .values({ code: f.code, name: f.name, name_latin: f.nameLatin, country: DEMO_COUNTRY, region: f.region, time_zone: DEMO_TIME_ZONE, type: f.type, capacity: f.capacity })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(trx, ctx, { action: 'facility.created', entityType: 'facility', entityId: row.id, facilityId: row.id, after: presentFacility(row) });
  await writePlaces(trx, ctx, row.id, null, null, f.places);
  return row.id;
}

/** Writes one level of the tree in a single insert, then each child's own subtree. */
async function writePlaces(trx: Transaction<DB>, ctx: RequestContext, facilityId: string, parentId: string | null, parentPath: string | null, places: PlannedPlace[]) {
  if (places.length === 0) return;
  const rows = await trx
    .insertInto('locations')
    .values(
      places.map((p) => ({
        facility_id: facilityId,
        parent_id: parentId,
        kind: p.kind,
        code: p.code,
        name: p.name,
        baseline_capacity: p.cell?.baselineCapacity ?? null,
        operational_capacity: p.cell?.operationalCapacity ?? null,
        sex_designation: p.cell?.sexDesignation ?? null,
        security_level: p.cell?.securityLevel ?? null,
        special_types: p.cell?.specialTypes ?? [],
      })),
    )
    .returningAll()
    .execute();
  const idByCode = new Map(rows.map((r) => [r.code, r]));
  for (const p of places) {
    const row = idByCode.get(p.code)!;
    const path = joinPath(parentPath, p.code);
    await appendAudit(trx, ctx, { action: 'location.created', entityType: 'location', entityId: row.id, facilityId, after: presentLocation({ ...row, path }) });
    await writePlaces(trx, ctx, facilityId, row.id, path, p.children);
  }
}

async function writeUser(trx: Transaction<DB>, ctx: RequestContext, u: PlannedUser, passwordHash: string, facilityIds: Map<string, string>) {
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
      roles: u.roles,
      all_facilities: u.allFacilities,
      password_hash: passwordHash,
      must_change_password: false,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const assigned = u.facilityCodes.map((code) => facilityIds.get(code)!);
  if (assigned.length > 0) {
    await trx.insertInto('user_facilities').values(assigned.map((facility_id) => ({ user_id: row.id, facility_id }))).execute();
  }
  // The users presenter is the allow-list: the password hash never reaches the audit trail.
  await appendAudit(trx, ctx, { action: 'user.created', entityType: 'user', entityId: row.id, after: presentUser(row, assigned) });
}
