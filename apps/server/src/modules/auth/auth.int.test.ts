import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startTestApp, type Client, type TestApp, type TestUser } from '../../testing/harness.ts';
import { totp } from '../../platform/auth/totp.ts';

/** Signs in with the password only; the client is left at whatever step comes next. */
async function passwordOnly(c: Client, user: TestUser, password = user.password) {
  const r = await c.post('/api/v1/auth/sign-in', { username: user.username, password });
  if (r.status === 200) c.csrf = r.body.csrfToken;
  return r;
}

const inThirtySeconds = (secret: string) => totp(secret, Date.now() + 30_000);

describe(`sign-in security over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  test('the session cookie is HttpOnly and SameSite=Strict, and the token is not stored in the database', async () => {
    const user = await t.createUser({ roles: ['officer'] });
    const r = await t.client().post('/api/v1/auth/sign-in', { username: user.username, password: user.password });
    assert.equal(r.status, 200);
    const cookie = r.headers.get('set-cookie')!;
    assert.match(cookie, /^vigil_session=[A-Za-z0-9_-]{40,};/);
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Strict/i);
    assert.match(cookie, /Path=\//);
    const token = /vigil_session=([^;]+)/.exec(cookie)![1]!;
    const stored = await t.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
    assert.equal(stored.length, 1);
    assert.notEqual(stored[0]!.id, token);
  });

  test('each sign-in opens a new session with a new token (rotation)', async () => {
    const user = await t.createUser({ roles: ['officer'] });
    const a = t.client();
    const b = t.client();
    await a.signIn(user);
    await b.signIn(user);
    assert.notEqual(a.cookie, b.cookie);
    assert.notEqual(a.csrf, b.csrf);
  });

  test('MFA: a valid code completes sign-in; the same code cannot be used again', async () => {
    const user = await t.createUser({ roles: ['sysadmin'], allFacilities: true });
    const first = t.client();
    assert.equal((await passwordOnly(first, user)).body.next, 'mfa');
    const code = totp(user.totpSecret!);
    const ok = await first.post('/api/v1/auth/mfa/verify', { code });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.next, 'done');
    assert.equal((await first.get('/api/v1/facilities')).status, 200);

    const second = t.client();
    await passwordOnly(second, user);
    const replay = await second.post('/api/v1/auth/mfa/verify', { code });
    assert.equal(replay.status, 401);
    assert.equal(replay.body.code, 'invalid-mfa-code');
    // The next 30-second step's code is fresh and is accepted (one step of clock drift allowed).
    assert.equal((await second.post('/api/v1/auth/mfa/verify', { code: inThirtySeconds(user.totpSecret!) })).body.next, 'done');
  });

  test('a partial session (MFA still due) cannot call a permission route, switch facility or change the password', async () => {
    const user = await t.createUser({ roles: ['sysadmin'], allFacilities: true });
    const c = t.client();
    await passwordOnly(c, user);
    const denied = await c.get('/api/v1/facilities');
    assert.equal(denied.status, 403);
    assert.equal(denied.body.code, 'sign-in-incomplete');
    assert.equal((await c.post('/api/v1/auth/facility', { facilityId: '00000000-0000-4000-8000-000000000000' })).body.code, 'sign-in-incomplete');
    const pw = await c.post('/api/v1/auth/password', { currentPassword: user.password, newPassword: 'a brand new password' });
    assert.equal(pw.status, 403);
    assert.equal(pw.body.code, 'sign-in-incomplete');
    const info = await c.get('/api/v1/auth/session');
    assert.equal(info.status, 200);
    assert.equal(info.body.next, 'mfa');
    assert.deepEqual(info.body.abilities, []);
    assert.deepEqual(info.body.facilities, []);
  });

  test('MFA is not asked of a session that is not at the MFA step', async () => {
    const c = await t.signedIn(['officer']);
    const r = await c.post('/api/v1/auth/mfa/verify', { code: '123456' });
    assert.equal(r.status, 409);
    assert.equal(r.body.code, 'mfa-not-expected');
  });

  test('5 wrong passwords then the right one → 423; after locked_until passes, sign-in succeeds', async () => {
    const user = await t.createUser({ roles: ['officer'] });
    const c = t.client();
    // The five free attempts of docs/security.md: each is checked and answered as wrong.
    for (let i = 1; i <= 5; i++) {
      const r = await passwordOnly(c, user, 'wrong password!');
      assert.equal(r.status, 401, `attempt ${i}`);
      assert.equal(r.body.code, 'invalid-credentials');
    }
    const right = await passwordOnly(c, user);
    assert.equal(right.status, 423);
    assert.equal(right.body.code, 'account-locked');

    const row = await t.db.selectFrom('users').select(['failed_attempts', 'locked_until']).where('id', '=', user.id).executeTakeFirstOrThrow();
    assert.equal(row.failed_attempts, 5);
    const minutes = (row.locked_until!.getTime() - Date.now()) / 60_000;
    assert.ok(minutes > 0.9 && minutes <= 1, `locked for about a minute, got ${minutes}`);

    await t.db.updateTable('users').set({ locked_until: new Date(Date.now() - 1000) }).where('id', '=', user.id).execute();
    // Back-off: one more failure after the first lock locks for two minutes (and is answered as a wrong password).
    assert.equal((await passwordOnly(c, user, 'wrong again!!')).status, 401);
    assert.equal((await passwordOnly(c, user)).status, 423);
    const again = await t.db.selectFrom('users').select('locked_until').where('id', '=', user.id).executeTakeFirstOrThrow();
    assert.ok((again.locked_until!.getTime() - Date.now()) / 60_000 > 1.9);
    await t.db.updateTable('users').set({ locked_until: new Date(Date.now() - 1000) }).where('id', '=', user.id).execute();
    const ok = await passwordOnly(c, user);
    assert.equal(ok.status, 200);
    assert.equal(ok.body.next, 'done');
    const cleared = await t.db.selectFrom('users').select('failed_attempts').where('id', '=', user.id).executeTakeFirstOrThrow();
    assert.equal(cleared.failed_attempts, 0);
    const events = await t.db.selectFrom('audit_events').select('action').where('entity_id', '=', user.id).orderBy('seq').execute();
    assert.equal(events.filter((e) => e.action === 'auth.sign-in-failed').length, 4);
    assert.equal(events.filter((e) => e.action === 'auth.locked').length, 2);
  });

  test('wrong MFA codes count toward lockout, and signing in again with the password does not reset the count', async () => {
    const user = await t.createUser({ roles: ['intelligence_analyst'] });
    const c = t.client();
    await passwordOnly(c, user);
    for (let i = 0; i < 3; i++) assert.equal((await c.post('/api/v1/auth/mfa/verify', { code: '000000' })).body.code, 'invalid-mfa-code');
    await passwordOnly(c, user); // the password again: the MFA failures still stand
    assert.equal((await c.post('/api/v1/auth/mfa/verify', { code: 'zzzzz-zzzzz' })).body.code, 'invalid-mfa-code');
    assert.equal((await c.post('/api/v1/auth/mfa/verify', { code: '000000' })).body.code, 'invalid-mfa-code', 'the fifth attempt is still free');
    const right = await c.post('/api/v1/auth/mfa/verify', { code: totp(user.totpSecret!) });
    assert.equal(right.status, 423, 'even the right code is refused while locked');
    assert.equal((await passwordOnly(c, user)).status, 423);
  });

  test('CSRF: a state-changing request with the cookie but no or a wrong X-CSRF-Token → 403 csrf', async () => {
    const c = await t.signedIn(['officer']);
    const token = c.csrf;
    c.csrf = '';
    const missing = await c.post('/api/v1/auth/sign-out-everywhere');
    assert.equal(missing.status, 403);
    assert.equal(missing.body.code, 'csrf');
    c.csrf = 'forged-token';
    const wrong = await c.put('/api/v1/auth/preferences', { language: 'ru' });
    assert.equal(wrong.status, 403);
    assert.equal(wrong.body.code, 'csrf');
    c.csrf = token;
    assert.equal((await c.get('/api/v1/auth/session')).status, 200, 'the session survived the refused requests');
    assert.equal((await c.get('/api/v1/auth/session')).body.user.language, 'en');
  });

  test('idle timeout and absolute expiry end a session', async () => {
    const idle = await t.signedIn(['officer']);
    const absolute = await t.signedIn(['officer']);
    const idleUser = (await idle.get('/api/v1/auth/session')).body.user.id;
    const absUser = (await absolute.get('/api/v1/auth/session')).body.user.id;
    const minutes = t.config.sessionIdleMinutes;
    await t.db.updateTable('sessions').set({ last_seen_at: sql`now() - make_interval(mins => ${minutes + 1})` }).where('user_id', '=', idleUser).execute();
    await t.db.updateTable('sessions').set({ expires_at: sql`now() - interval '1 second'` }).where('user_id', '=', absUser).execute();
    for (const c of [idle, absolute]) {
      const r = await c.get('/api/v1/auth/session');
      assert.equal(r.status, 401);
      assert.equal(r.body.code, 'unauthenticated');
    }
    // Just inside the idle limit the session still works, and the request counts as activity.
    const active = await t.signedIn(['officer']);
    const activeUser = (await active.get('/api/v1/auth/session')).body.user.id;
    await t.db.updateTable('sessions').set({ last_seen_at: sql`now() - make_interval(mins => ${minutes - 1})` }).where('user_id', '=', activeUser).execute();
    assert.equal((await active.get('/api/v1/auth/session')).status, 200);
    const seen = await t.db.selectFrom('sessions').select('last_seen_at').where('user_id', '=', activeUser).executeTakeFirstOrThrow();
    assert.ok(Date.now() - seen.last_seen_at.getTime() < 60_000);
  });

  test('sign-out ends this session only; sign-out everywhere ends all of them', async () => {
    const user = await t.createUser({ roles: ['officer'] });
    const [a, b, c] = [t.client(), t.client(), t.client()];
    for (const x of [a, b, c]) await x.signIn(user);
    const out = await a.post('/api/v1/auth/sign-out');
    assert.equal(out.status, 200);
    assert.match(out.headers.get('set-cookie') ?? '', /vigil_session=;/);
    assert.equal((await a.get('/api/v1/auth/session')).status, 401);
    assert.equal((await b.get('/api/v1/auth/session')).status, 200);

    const everywhere = await b.post('/api/v1/auth/sign-out-everywhere');
    assert.equal(everywhere.status, 200);
    assert.equal((await b.get('/api/v1/auth/session')).status, 401);
    assert.equal((await c.get('/api/v1/auth/session')).status, 401);
    const open = await t.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).where('revoked_at', 'is', null).execute();
    assert.equal(open.length, 0);
  });

  test('a revoked session token stays dead even when replayed', async () => {
    const c = await t.signedIn(['officer']);
    const stolen = c.cookie;
    await c.post('/api/v1/auth/sign-out');
    c.cookie = stolen;
    assert.equal((await c.get('/api/v1/auth/session')).status, 401);
  });

  test('password change: current password needed, 12+ characters and different, other sessions end', async () => {
    const user = await t.createUser({ roles: ['officer'], mustChangePassword: true });
    const other = t.client();
    const c = t.client();
    assert.equal((await passwordOnly(other, user)).body.next, 'change-password');
    assert.equal((await passwordOnly(c, user)).body.next, 'change-password');
    assert.equal((await c.get('/api/v1/facilities')).body.code, 'sign-in-incomplete');

    const weak = await c.post('/api/v1/auth/password', { currentPassword: user.password, newPassword: 'short' });
    assert.equal(weak.status, 422);
    assert.equal(weak.body.code, 'weak-password');
    const same = await c.post('/api/v1/auth/password', { currentPassword: user.password, newPassword: user.password });
    assert.equal(same.body.code, 'weak-password');
    const wrong = await c.post('/api/v1/auth/password', { currentPassword: 'not my password', newPassword: 'a brand new password' });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.code, 'invalid-credentials');

    const changed = await c.post('/api/v1/auth/password', { currentPassword: user.password, newPassword: 'a brand new password' });
    assert.equal(changed.status, 200);
    assert.equal(changed.body.next, 'done');
    assert.equal((await c.get('/api/v1/facilities')).status, 200);
    assert.equal((await other.get('/api/v1/auth/session')).status, 401, 'the other session was ended');

    const row = await t.db.selectFrom('users').select(['must_change_password', 'password_hash']).where('id', '=', user.id).executeTakeFirstOrThrow();
    assert.equal(row.must_change_password, false);
    assert.match(row.password_hash, /^\$argon2id\$/);
    assert.equal((await passwordOnly(t.client(), user)).body.code, 'invalid-credentials');
    assert.equal((await passwordOnly(t.client(), { ...user, password: 'a brand new password' })).body.next, 'done');
  });

  test('preferences: the language changes, and problem messages follow it', async () => {
    const c = await t.signedIn(['officer']);
    const r = await c.put('/api/v1/auth/preferences', { language: 'tg' });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { ok: true });
    assert.equal((await c.get('/api/v1/auth/session')).body.user.language, 'tg');
    const denied = await c.get('/api/v1/users');
    assert.equal(denied.status, 403);
    assert.equal(denied.body.title, 'Шумо барои ин амал иҷозат надоред.');
    const bad = await c.put('/api/v1/auth/preferences', { language: 'fr' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.code, 'validation');
  });
});
