import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { facilityBody, startTestApp, type Client, type TestApp, type TestUser } from '../../testing/harness.ts';
import { admitPrisoner } from '../../testing/prisoner-fixtures.ts';
import { requestFingerprint } from './idempotency.ts';
import { factories, type Factories } from '../../testing/factories.ts';

describe(`Idempotency-Key over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let factory: Factories;
  let admin: Client;
  let adminUser: TestUser;
  let otherAdmin: Client;
  let officer: Client;
  let facilityId: string;
  let prisonerId: string;

  const withKey = (c: Client, path: string, body: unknown, key: string) => c.request('POST', path, body, { 'idempotency-key': key });
  const facilitiesNamed = async (code: string) => (await t.db.selectFrom('facilities').select('id').where('code', '=', code).execute()).length;
  const alertsOf = async (id: string) => (await t.db.selectFrom('prisoner_alerts').select('id').where('prisoner_id', '=', id).execute()).length;
  const auditEvents = async (action: string, entityId: string) =>
    (await t.db.selectFrom('audit_events').select('seq').where('action', '=', action).where('entity_id', '=', entityId).execute()).length;

  before(async () => {
    t = await startTestApp();
    factory = factories(t);
    facilityId = (await factory.facility('IDEM-A')).id;
    prisonerId = (await admitPrisoner(t, facilityId)).id;
    adminUser = await t.createUser({ roles: ['sysadmin'], allFacilities: true });
    admin = t.client();
    await admin.signIn(adminUser);
    otherAdmin = await t.signedIn(['sysadmin'], { allFacilities: true });
    officer = await t.signedIn(['officer'], { facilityIds: [facilityId] });
  });
  after(() => t.close());

  test('a retry with the same key and body gets the first response and writes nothing new', async () => {
    const key = randomUUID();
    const first = await withKey(admin, '/api/v1/facilities', facilityBody('IDEM-NEW'), key);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const retry = await withKey(admin, '/api/v1/facilities', facilityBody('IDEM-NEW'), `"${key}"`);
    assert.equal(retry.status, 201);
    assert.deepEqual(retry.body, first.body);
    assert.equal(retry.headers.get('content-type'), first.headers.get('content-type'));
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    assert.equal(first.headers.get('idempotent-replayed'), null);
    assert.equal(await facilitiesNamed('IDEM-NEW'), 1);
    assert.equal(await auditEvents('facility.created', first.body.id), 1);
  });

  test('raising an alert twice with one key leaves one alert and one audit event', async () => {
    const key = randomUUID();
    const body = { code: 'self-harm', startsOn: '2026-01-01', comment: 'seen at night' };
    const before = await alertsOf(prisonerId);
    const auditsBefore = await auditEvents('alert.raised', prisonerId);
    const first = await withKey(officer, `/api/v1/prisoners/${prisonerId}/alerts`, body, key);
    const second = await withKey(officer, `/api/v1/prisoners/${prisonerId}/alerts`, body, key);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.deepEqual(second.body, first.body);
    assert.equal(await alertsOf(prisonerId), before + 1);
    assert.equal(await auditEvents('alert.raised', prisonerId), auditsBefore + 1);
  });

  test('the same key with a different body (or path) is refused with 422', async () => {
    const key = randomUUID();
    assert.equal((await withKey(admin, '/api/v1/facilities', facilityBody('IDEM-B1'), key)).status, 201);
    const other = await withKey(admin, '/api/v1/facilities', facilityBody('IDEM-B2'), key);
    assert.equal(other.status, 422);
    assert.equal(other.body.code, 'idempotency-key-reused');
    assert.equal(other.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    const elsewhere = await withKey(admin, `/api/v1/facilities/${facilityId}/deactivate`, facilityBody('IDEM-B1'), key);
    assert.equal(elsewhere.body.code, 'idempotency-key-reused');
    assert.equal(await facilitiesNamed('IDEM-B2'), 0);
  });

  test('a retry while the first request is still running gets 409', async () => {
    const key = randomUUID();
    // The first request's claim, as it stands while its handler runs.
    const body = facilityBody('IDEM-C');
    const fingerprint = requestFingerprint(t.config.secret, { method: 'POST', url: '/api/v1/facilities', body });
    await t.db.insertInto('idempotency_keys').values({ user_id: adminUser.id, key, fingerprint }).execute();
    const r = await withKey(admin, '/api/v1/facilities', body, key);
    assert.equal(r.status, 409);
    assert.equal(r.body.code, 'idempotency-key-in-flight');
    assert.equal(await facilitiesNamed('IDEM-C'), 0);
  });

  test('concurrent sends of one key write once: the others get 409 or the same response', async () => {
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 6 }, () => withKey(admin, '/api/v1/facilities', facilityBody('IDEM-RACE'), key)));
    const created = results.filter((r) => r.status === 201);
    assert.ok(created.length >= 1, results.map((r) => r.status).join(','));
    for (const r of created) assert.deepEqual(r.body, created[0]!.body);
    for (const r of results.filter((x) => x.status !== 201)) assert.equal(r.body.code, 'idempotency-key-in-flight');
    assert.equal(await facilitiesNamed('IDEM-RACE'), 1);
  });

  test('another user with the same key makes an independent request', async () => {
    const key = randomUUID();
    assert.equal((await withKey(admin, '/api/v1/facilities', facilityBody('IDEM-U1'), key)).status, 201);
    const theirs = await withKey(otherAdmin, '/api/v1/facilities', facilityBody('IDEM-U2'), key);
    assert.equal(theirs.status, 201);
    assert.equal(theirs.headers.get('idempotent-replayed'), null);
    assert.equal(await facilitiesNamed('IDEM-U2'), 1);
  });

  test('without a key, requests behave as before (each one writes)', async () => {
    const before = await alertsOf(prisonerId);
    const body = { code: 'self-harm', startsOn: '2026-01-02' };
    assert.equal((await officer.post(`/api/v1/prisoners/${prisonerId}/alerts`, body)).status, 201);
    assert.equal((await officer.post(`/api/v1/prisoners/${prisonerId}/alerts`, body)).status, 201);
    assert.equal(await alertsOf(prisonerId), before + 2);
  });

  test('a refusal (4xx) is a final outcome and is replayed; a malformed key is a 400', async () => {
    const key = randomUUID();
    const body = { code: 'no-such-code', startsOn: '2026-01-01' };
    const first = await withKey(officer, `/api/v1/prisoners/${prisonerId}/alerts`, body, key);
    assert.equal(first.status, 422);
    const retry = await withKey(officer, `/api/v1/prisoners/${prisonerId}/alerts`, body, key);
    assert.equal(retry.status, 422);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual({ ...retry.body, requestId: null }, { ...first.body, requestId: null });

    const bad = await withKey(officer, `/api/v1/prisoners/${prisonerId}/alerts`, { code: 'self-harm', startsOn: '2026-01-01' }, 'not a key!');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.code, 'idempotency-key-invalid');
  });

  test('auth routes are not covered: no session or secret is ever stored', async () => {
    const user = await t.createUser({ roles: ['sysadmin'] });
    const c = t.client();
    await c.signIn(user);
    const key = randomUUID();
    assert.equal((await withKey(c, '/api/v1/auth/sign-out', {}, key)).status, 200);
    const rows = await t.db.selectFrom('idempotency_keys').select('key').where('user_id', '=', user.id).execute();
    assert.deepEqual(rows, []);
  });
});
