import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { totp } from '../../platform/auth/totp.ts';
import { sha256 } from '../../platform/auth/crypto.ts';

const TEMPORARY = 'temporary password 1';
const CHOSEN = 'my own long password';

describe(`MFA enrolment and recovery codes over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let admin: Client;
  let facilityId: string;
  before(async () => {
    t = await startTestApp();
    admin = await t.signedIn(['sysadmin'], { allFacilities: true });
    facilityId = (await admin.post('/api/v1/facilities', { code: 'MFA-1', name: 'ИК-1', country: 'TJ', region: 'Sughd', timeZone: 'Asia/Dushanbe', type: 'colony-strict', capacity: 10 })).body.id;
  });
  after(() => t.close());

  async function newUser(username: string, roles: string[]) {
    const r = await admin.post('/api/v1/users', {
      staffNumber: `MFA-${username}`,
      username,
      familyName: 'Назарова',
      givenName: 'Малика',
      language: 'ru',
      roles,
      facilityIds: [facilityId],
      temporaryPassword: TEMPORARY,
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body as { id: string };
  }

  async function signInWithPassword(username: string, password: string) {
    const c = t.client();
    const r = await c.post('/api/v1/auth/sign-in', { username, password });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    c.csrf = r.body.csrfToken;
    return { c, next: r.body.next as string };
  }

  test('a new administrator enrols at first sign-in, then changes the temporary password, then uses a recovery code once', async () => {
    const user = await newUser('m.nazarova', ['sysadmin']);
    const { c, next } = await signInWithPassword('m.nazarova', TEMPORARY);
    assert.equal(next, 'enrol-mfa');
    assert.equal((await c.get('/api/v1/users')).body.code, 'sign-in-incomplete');

    const early = await c.post('/api/v1/auth/mfa/enrol/confirm', { code: '123456' });
    assert.equal(early.status, 409);
    assert.equal(early.body.code, 'mfa-not-started');

    const start = await c.post('/api/v1/auth/mfa/enrol/start');
    assert.equal(start.status, 200);
    const { secret, otpauthUrl, qrDataUrl } = start.body;
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.ok(otpauthUrl.startsWith('otpauth://totp/Vigil%3Am.nazarova?secret=' + secret));
    assert.match(qrDataUrl, /^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
    const session = await t.db.selectFrom('sessions').select('pending_mfa_secret').where('user_id', '=', user.id).executeTakeFirstOrThrow();
    assert.ok(session.pending_mfa_secret && !session.pending_mfa_secret.includes(secret), 'the pending secret is stored encrypted');

    const wrong = await c.post('/api/v1/auth/mfa/enrol/confirm', { code: totp(secret, Date.now() - 300_000) });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.code, 'invalid-mfa-code');

    const confirmed = await c.post('/api/v1/auth/mfa/enrol/confirm', { code: totp(secret) });
    assert.equal(confirmed.status, 200);
    assert.equal(confirmed.body.next, 'change-password');
    const codes: string[] = confirmed.body.recoveryCodes;
    assert.equal(codes.length, 10);

    const row = await t.db.selectFrom('users').select(['mfa_enabled', 'mfa_secret']).where('id', '=', user.id).executeTakeFirstOrThrow();
    assert.equal(row.mfa_enabled, true);
    assert.ok(row.mfa_secret && !row.mfa_secret.includes(secret), 'the secret is stored encrypted');
    const stored = await t.db.selectFrom('recovery_codes').select('code_hash').where('user_id', '=', user.id).execute();
    assert.equal(stored.length, 10);
    assert.ok(stored.every((s) => /^[0-9a-f]{64}$/.test(s.code_hash)));
    assert.ok(!stored.some((s) => codes.includes(s.code_hash)));
    const audit = JSON.stringify(await t.db.selectFrom('audit_events').select(['before', 'after']).where('entity_id', '=', user.id).execute());
    assert.ok(!audit.includes(secret) && !codes.some((code) => audit.includes(code)), 'neither secret nor codes reach the audit trail');

    assert.equal((await c.post('/api/v1/auth/password', { currentPassword: TEMPORARY, newPassword: CHOSEN })).body.next, 'done');
    assert.equal((await c.get('/api/v1/users')).status, 200);

    // Next sign-in asks for the code; a recovery code (typed in capitals, without the dash) works once.
    const again = await signInWithPassword('m.nazarova', CHOSEN);
    assert.equal(again.next, 'mfa');
    const recovery = await again.c.post('/api/v1/auth/mfa/verify', { code: codes[0]!.replace('-', '').toUpperCase() });
    assert.equal(recovery.status, 200);
    assert.equal(recovery.body.next, 'done');
    const used = await t.db.selectFrom('recovery_codes').select('used_at').where('code_hash', '=', sha256(codes[0]!.replace('-', ''))).executeTakeFirstOrThrow();
    assert.ok(used.used_at);
    const third = await signInWithPassword('m.nazarova', CHOSEN);
    const reuse = await third.c.post('/api/v1/auth/mfa/verify', { code: codes[0]! });
    assert.equal(reuse.status, 401);
    assert.equal(reuse.body.code, 'invalid-mfa-code');
    assert.equal((await third.c.post('/api/v1/auth/mfa/verify', { code: codes[1]! })).body.next, 'done');
  });

  test('an officer may opt in to MFA later; from then on sign-in asks for it', async () => {
    await newUser('r.saidov', ['officer']);
    const first = await signInWithPassword('r.saidov', TEMPORARY);
    assert.equal(first.next, 'change-password');
    assert.equal((await first.c.post('/api/v1/auth/mfa/enrol/start')).body.code, 'sign-in-incomplete');
    await first.c.post('/api/v1/auth/password', { currentPassword: TEMPORARY, newPassword: CHOSEN });
    const info = await first.c.get('/api/v1/auth/session');
    assert.equal(info.body.user.mfaEnabled, false);

    const start = await first.c.post('/api/v1/auth/mfa/enrol/start');
    const enrolCode = totp(start.body.secret);
    const confirmed = await first.c.post('/api/v1/auth/mfa/enrol/confirm', { code: enrolCode });
    assert.equal(confirmed.status, 200);
    assert.equal(confirmed.body.next, 'done');
    assert.equal(confirmed.body.recoveryCodes.length, 10);
    assert.equal((await first.c.get('/api/v1/auth/session')).body.user.mfaEnabled, true);

    const second = await signInWithPassword('r.saidov', CHOSEN);
    assert.equal(second.next, 'mfa');
    // The code used to confirm enrolment cannot be replayed at sign-in.
    assert.equal((await second.c.post('/api/v1/auth/mfa/verify', { code: enrolCode })).body.code, 'invalid-mfa-code');
    assert.equal((await second.c.post('/api/v1/auth/mfa/verify', { code: totp(start.body.secret, Date.now() + 30_000) })).body.next, 'done');
  });

  test('a partial session at the MFA step cannot start enrolment (it would bypass the second factor)', async () => {
    const user = await t.createUser({ roles: ['sysadmin'], allFacilities: true });
    const { c, next } = await signInWithPassword(user.username, user.password);
    assert.equal(next, 'mfa');
    const r = await c.post('/api/v1/auth/mfa/enrol/start');
    assert.equal(r.status, 403);
    assert.equal(r.body.code, 'sign-in-incomplete');
  });
});
