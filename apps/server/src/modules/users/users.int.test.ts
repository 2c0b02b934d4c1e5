import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { facilityBody, startTestApp, type Client, type TestApp } from '../../testing/harness.ts';

const TEMPORARY = 'temporary password 1';

describe(`users over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let admin: Client;
  let facilityA: string;
  let facilityB: string;
  let n = 0;
  before(async () => {
    t = await startTestApp();
    admin = await t.signedIn(['sysadmin'], { allFacilities: true });
    facilityA = (await admin.post('/api/v1/facilities', facilityBody('USR-A'))).body.id;
    facilityB = (await admin.post('/api/v1/facilities', facilityBody('USR-B'))).body.id;
  });
  after(() => t.close());

  const body = (extra: Record<string, unknown> = {}) => {
    n++;
    return {
      staffNumber: `TJ-${n}`,
      username: `staff.${n}`,
      familyName: 'Каримов',
      givenName: 'Фаррух',
      patronymic: 'Алиевич',
      familyNameLatin: 'Karimov',
      givenNameLatin: 'Farrukh',
      language: 'tg',
      roles: ['officer'],
      facilityIds: [facilityA],
      temporaryPassword: TEMPORARY,
      ...extra,
    };
  };
  const editable = (u: Record<string, any>) => ({
    staffNumber: u.staffNumber,
    familyName: u.familyName,
    givenName: u.givenName,
    patronymic: u.patronymic,
    familyNameLatin: u.familyNameLatin,
    givenNameLatin: u.givenNameLatin,
    language: u.language,
    roles: u.roles,
    allFacilities: u.allFacilities,
    facilityIds: u.facilityIds,
    version: u.version,
  });
  async function signInAs(username: string, password = TEMPORARY) {
    const c = t.client();
    const r = await c.post('/api/v1/auth/sign-in', { username, password });
    c.csrf = r.body.csrfToken;
    return { c, r };
  }

  test('401 without a session, 403 for an officer, governors read but do not write', async () => {
    assert.equal((await t.client().get('/api/v1/users')).status, 401);
    const officer = await t.signedIn(['officer'], { facilityIds: [facilityA] });
    assert.equal((await officer.get('/api/v1/users')).status, 403);
    assert.equal((await officer.get('/api/v1/roles')).status, 403);
    const governor = await t.signedIn(['governor'], { facilityIds: [facilityA] });
    assert.equal((await governor.get('/api/v1/users')).status, 200);
    const denied = await governor.post('/api/v1/users', body());
    assert.equal(denied.status, 403);
    assert.equal(denied.body.code, 'forbidden');
  });

  test('create: argon2id hash, must change password, facilities assigned; no secret in the response or the audit trail', async () => {
    const r = await admin.post('/api/v1/users', body({ username: 'd.rahimova', familyName: 'Рахимова', givenName: 'Дилноза' }));
    assert.equal(r.status, 201);
    assert.equal(r.body.mustChangePassword, true);
    assert.deepEqual(r.body.facilityIds, [facilityA]);
    assert.equal(r.body.version, 1);
    assert.ok(!('passwordHash' in r.body) && !('mfaSecret' in r.body));
    const row = await t.db.selectFrom('users').select('password_hash').where('id', '=', r.body.id).executeTakeFirstOrThrow();
    assert.match(row.password_hash, /^\$argon2id\$/);
    const events = await t.db.selectFrom('audit_events').selectAll().where('entity_id', '=', r.body.id).execute();
    assert.deepEqual(events.map((e) => e.action), ['user.created']);
    const text = JSON.stringify(events);
    assert.ok(!text.includes(TEMPORARY) && !text.includes('argon2') && !/password_?hash|mfa_?secret/i.test(text));
    assert.equal((events[0]!.after as { username: string }).username, 'd.rahimova');

    const { r: signIn } = await signInAs('d.rahimova');
    assert.equal(signIn.body.next, 'change-password');
  });

  test('duplicate staff number (any case) → 409 duplicate-staff-number; duplicate user name → 409 duplicate-username; nothing stored', async () => {
    const first = await admin.post('/api/v1/users', body({ staffNumber: 'DUP-77', username: 'dup.one' }));
    assert.equal(first.status, 201);
    const count = async () => Number((await sql<{ n: string }>`select count(*) as n from users`.execute(t.db)).rows[0]!.n);
    const before = await count();
    const staff = await admin.post('/api/v1/users', body({ staffNumber: 'dup-77', username: 'dup.two' }));
    assert.equal(staff.status, 409);
    assert.equal(staff.body.code, 'duplicate-staff-number');
    const name = await admin.post('/api/v1/users', body({ username: 'dup.one' }));
    assert.equal(name.status, 409);
    assert.equal(name.body.code, 'duplicate-username');
    assert.equal(await count(), before);
  });

  test('bad input: unknown fields, short temporary password, unknown role, bad user name → 400', async () => {
    for (const bad of [body({ salary: 1 }), body({ temporaryPassword: 'short' }), body({ roles: ['warden'] }), body({ username: 'Has Spaces' }), body({ roles: [] })]) {
      const r = await admin.post('/api/v1/users', bad);
      assert.equal(r.status, 400, JSON.stringify(bad));
      assert.equal(r.body.code, 'validation');
    }
  });

  test('a facility administrator sees and manages only users of their facilities (scoped in SQL)', async () => {
    const atA = (await admin.post('/api/v1/users', body({ familyName: 'Аминов', username: 'scope.a' }))).body;
    const atB = (await admin.post('/api/v1/users', body({ familyName: 'Бобоев', username: 'scope.b', facilityIds: [facilityB] }))).body;
    const both = (await admin.post('/api/v1/users', body({ familyName: 'Валиев', username: 'scope.ab', facilityIds: [facilityA, facilityB] }))).body;
    const local = await t.signedIn(['sysadmin'], { facilityIds: [facilityA] });

    const listed = (await local.get('/api/v1/users?limit=200')).body.items as { id: string; facilityIds: string[]; allFacilities: boolean }[];
    const ids = listed.map((u) => u.id);
    assert.ok(ids.includes(atA.id) && ids.includes(both.id));
    assert.ok(!ids.includes(atB.id), 'a user of another facility is not listed');
    assert.ok(!listed.some((u) => u.allFacilities), 'HQ-wide users are out of a facility administrator’s reach');
    assert.deepEqual(listed.find((u) => u.id === both.id)!.facilityIds, [facilityA], 'only visible facility assignments are shown');

    assert.equal((await local.get(`/api/v1/users/${atB.id}`)).status, 404);
    assert.equal((await local.post(`/api/v1/users/${atB.id}/reset-password`, { temporaryPassword: 'takeover password' })).status, 404);
    const outside = await local.post('/api/v1/users', body({ facilityIds: [facilityB] }));
    assert.equal(outside.status, 403);
    assert.equal(outside.body.code, 'facility-not-assigned');
    const everywhere = await local.post('/api/v1/users', body({ allFacilities: true, facilityIds: [] }));
    assert.equal(everywhere.status, 403);
    const none = await local.post('/api/v1/users', body({ facilityIds: [] }));
    assert.equal(none.status, 422);
    assert.equal(none.body.code, 'facility-required');

    // A colleague who also works at B is visible but not manageable: a password reset would hand over B.
    const current = (await local.get(`/api/v1/users/${both.id}`)).body;
    const edit = await local.put(`/api/v1/users/${both.id}`, { ...editable(current), givenName: 'Рустам' });
    assert.equal(edit.status, 403);
    assert.equal(edit.body.code, 'forbidden');
    assert.equal((await local.post(`/api/v1/users/${both.id}/reset-password`, { temporaryPassword: 'takeover password' })).status, 403);
    assert.deepEqual((await admin.get(`/api/v1/users/${both.id}`)).body.facilityIds.sort(), [facilityA, facilityB].sort());
    const mine = await local.put(`/api/v1/users/${atA.id}`, { ...editable(atA), givenName: 'Рустам' });
    assert.equal(mine.status, 200);
    assert.equal(mine.body.givenName, 'Рустам');
  });

  test('list: search by Cyrillic, Latin or staff number; filter by role and facility; cursor pages cover everything once', async () => {
    const made = [];
    for (const [family, latin, role] of [['Шарипова', 'Sharipova', 'psychologist'], ['Шарипов', 'Sharipov', 'case_manager'], ['Шарифов', 'Sharifov', 'psychologist']] as const) {
      made.push((await admin.post('/api/v1/users', body({ familyName: family, familyNameLatin: latin, roles: [role], facilityIds: [facilityB] }))).body);
    }
    const q = async (query: string) => ((await admin.get(`/api/v1/users?${query}`)).body.items as { id: string }[]).map((u) => u.id);
    assert.deepEqual((await q(`q=${encodeURIComponent('шарип')}`)).sort(), [made[0].id, made[1].id].sort());
    assert.deepEqual(await q('q=sharif'), [made[2].id]);
    assert.deepEqual(await q(`q=${made[1].staffNumber}`), [made[1].id]);
    assert.deepEqual((await q(`role=psychologist&facilityId=${facilityB}`)).sort(), [made[0].id, made[2].id].sort());
    assert.deepEqual(await q(`q=${encodeURIComponent('%')}`), [], 'a % typed by the user is a literal character');

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r: { body: { items: { id: string }[]; next: string | null } } = await admin.get(`/api/v1/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...r.body.items.map((u) => u.id));
      cursor = r.body.next;
      pages++;
    } while (cursor && pages < 100);
    const all = await q('limit=200');
    assert.equal(seen.length, all.length);
    assert.deepEqual([...seen].sort(), [...all].sort());
    assert.equal(new Set(seen).size, seen.length);
    const bad = await admin.get('/api/v1/users?cursor=garbage');
    assert.equal(bad.status, 400);
  });

  test('get is audited as a read; the second of two concurrent edits gets 409 and nothing is overwritten', async () => {
    const u = (await admin.post('/api/v1/users', body())).body;
    const viewed = await admin.get(`/api/v1/users/${u.id}`);
    assert.equal(viewed.status, 200);
    const reads = await t.db.selectFrom('audit_events').select('action').where('entity_id', '=', u.id).where('action', '=', 'user.viewed').execute();
    assert.equal(reads.length, 1);

    const first = await admin.put(`/api/v1/users/${u.id}`, { ...editable(u), givenName: 'Первый' });
    assert.equal(first.status, 200);
    assert.equal(first.body.version, 2);
    const second = await admin.put(`/api/v1/users/${u.id}`, { ...editable(u), givenName: 'Второй' });
    assert.equal(second.status, 409);
    assert.equal(second.body.code, 'edit-conflict');
    assert.equal((await admin.get(`/api/v1/users/${u.id}`)).body.givenName, 'Первый');
    const update = await t.db.selectFrom('audit_events').selectAll().where('entity_id', '=', u.id).where('action', '=', 'user.updated').executeTakeFirstOrThrow();
    assert.equal((update.before as { givenName: string }).givenName, 'Фаррух');
    assert.equal((update.after as { givenName: string }).givenName, 'Первый');
  });

  test('deactivate ends their sessions and sign-in; reactivate restores it; the user is never deleted', async () => {
    const u = (await admin.post('/api/v1/users', body({ username: 'leaver' }))).body;
    const { c } = await signInAs('leaver');
    assert.equal((await c.get('/api/v1/auth/session')).status, 200);
    const off = await admin.post(`/api/v1/users/${u.id}/deactivate`, { reason: 'Переведён в другое ведомство', version: u.version });
    assert.equal(off.status, 200);
    assert.equal(off.body.active, false);
    assert.equal(off.body.deactivationReason, 'Переведён в другое ведомство');
    assert.equal((await c.get('/api/v1/auth/session')).status, 401);
    assert.equal((await signInAs('leaver')).r.body.code, 'invalid-credentials');
    const open = await t.db.selectFrom('sessions').select('id').where('user_id', '=', u.id).where('revoked_at', 'is', null).execute();
    assert.equal(open.length, 0);
    assert.ok(!((await admin.get('/api/v1/users?limit=200')).body.items as { id: string }[]).some((x) => x.id === u.id));
    assert.ok(((await admin.get('/api/v1/users?limit=200&includeInactive=true')).body.items as { id: string }[]).some((x) => x.id === u.id));

    const stale = await admin.post(`/api/v1/users/${u.id}/reactivate`, { version: u.version });
    assert.equal(stale.body.code, 'edit-conflict');
    const on = await admin.post(`/api/v1/users/${u.id}/reactivate`, { version: off.body.version });
    assert.equal(on.status, 200);
    assert.equal(on.body.active, true);
    assert.equal(on.body.deactivationReason, null);
    assert.equal((await signInAs('leaver')).r.status, 200);
  });

  test('reset password: sessions end and the temporary password must be changed at next sign-in', async () => {
    const u = (await admin.post('/api/v1/users', body({ username: 'forgetful' }))).body;
    const { c } = await signInAs('forgetful');
    await c.post('/api/v1/auth/password', { currentPassword: TEMPORARY, newPassword: 'forgotten password' });
    assert.equal((await c.get('/api/v1/auth/session')).body.next, 'done');
    const reset = await admin.post(`/api/v1/users/${u.id}/reset-password`, { temporaryPassword: 'reset by admin 1' });
    assert.equal(reset.status, 200);
    assert.deepEqual(reset.body, { ok: true });
    assert.equal((await c.get('/api/v1/auth/session')).status, 401);
    const { r } = await signInAs('forgetful', 'reset by admin 1');
    assert.equal(r.body.next, 'change-password');
    const audit = JSON.stringify(await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'user.password-reset').execute());
    assert.ok(audit.includes(u.id) && !audit.includes('reset by admin 1'));
  });

  test('reset MFA: secret and recovery codes are cleared and the administrator must enrol again', async () => {
    const other = await t.createUser({ roles: ['sysadmin'], allFacilities: true });
    await t.db.insertInto('recovery_codes').values({ user_id: other.id, code_hash: 'x'.repeat(64) }).execute();
    const c = t.client();
    await c.signIn(other);
    const r = await admin.post(`/api/v1/users/${other.id}/reset-mfa`, {});
    assert.equal(r.status, 200);
    assert.equal((await c.get('/api/v1/auth/session')).status, 401);
    const row = await t.db.selectFrom('users').select(['mfa_enabled', 'mfa_secret']).where('id', '=', other.id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { mfa_enabled: false, mfa_secret: null });
    assert.equal((await t.db.selectFrom('recovery_codes').select('id').where('user_id', '=', other.id).execute()).length, 0);
    const { r: again } = await signInAs(other.username, other.password);
    assert.equal(again.body.next, 'enrol-mfa');
  });

  test('given a role that requires MFA, a user without it is signed out and must enrol at next sign-in', async () => {
    const u = (await admin.post('/api/v1/users', body({ username: 'promoted' }))).body;
    const { c } = await signInAs('promoted');
    await c.post('/api/v1/auth/password', { currentPassword: TEMPORARY, newPassword: 'promoted password' });
    assert.equal((await c.get('/api/v1/auth/session')).body.next, 'done');
    const fresh = (await admin.get(`/api/v1/users/${u.id}`)).body; // the password change moved the version on
    const r = await admin.put(`/api/v1/users/${u.id}`, { ...editable(fresh), roles: ['officer', 'intelligence_analyst'] });
    assert.equal(r.status, 200);
    assert.equal((await c.get('/api/v1/auth/session')).status, 401);
    assert.equal((await signInAs('promoted', 'promoted password')).r.body.next, 'enrol-mfa');
  });

  test('roles: every role with its permissions and whether MFA is required', async () => {
    const r = await admin.get('/api/v1/roles');
    assert.equal(r.status, 200);
    assert.equal(r.body.items.length, 12);
    const byRole = new Map(r.body.items.map((x: { role: string }) => [x.role, x]));
    assert.equal((byRole.get('sysadmin') as { mfaRequired: boolean }).mfaRequired, true);
    assert.equal((byRole.get('intelligence_analyst') as { mfaRequired: boolean }).mfaRequired, true);
    assert.equal((byRole.get('officer') as { mfaRequired: boolean }).mfaRequired, false);
    assert.ok((byRole.get('sysadmin') as { permissions: string[] }).permissions.includes('users.manage'));
    assert.ok(!(byRole.get('officer') as { permissions: string[] }).permissions.includes('users.read'));
  });

  // Last: it deactivates every other administrator in this database.
  test('the last active system administrator cannot be deactivated or lose the role', async () => {
    const me = (await admin.get('/api/v1/auth/session')).body.user.id as string;
    await t.db.updateTable('users').set({ active: false }).where(sql<boolean>`'sysadmin' = any(roles)`).where('id', '!=', me).execute();
    const self = (await admin.get(`/api/v1/users/${me}`)).body;
    const off = await admin.post(`/api/v1/users/${me}/deactivate`, { reason: 'уход', version: self.version });
    assert.equal(off.status, 409);
    assert.equal(off.body.code, 'last-admin');
    const demote = await admin.put(`/api/v1/users/${me}`, { ...editable(self), roles: ['governor'] });
    assert.equal(demote.status, 409);
    assert.equal(demote.body.code, 'last-admin');

    const successor = (await admin.post('/api/v1/users', body({ roles: ['sysadmin'], allFacilities: true, facilityIds: [] }))).body;
    assert.equal(successor.allFacilities, true);
    const now = await admin.post(`/api/v1/users/${me}/deactivate`, { reason: 'уход', version: self.version });
    assert.equal(now.status, 200);
  });
});
