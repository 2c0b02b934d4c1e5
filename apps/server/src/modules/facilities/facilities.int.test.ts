import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { facilityBody, startTestApp, type Client, type TestApp } from '../../testing/harness.ts';

describe(`facilities over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let admin: Client;
  before(async () => {
    t = await startTestApp();
    admin = await t.signedIn(['sysadmin'], { allFacilities: true });
  });
  after(() => t.close());

  test('401 without a session, 403 for an officer, 201 for an administrator', async () => {
    assert.equal((await t.client().post('/api/v1/facilities', facilityBody('NOAUTH'))).status, 401);
    const officer = await t.signedIn(['officer']);
    const denied = await officer.post('/api/v1/facilities', facilityBody('OFFICER'));
    assert.equal(denied.status, 403);
    assert.equal(denied.body.code, 'forbidden');
    const created = await admin.post('/api/v1/facilities', facilityBody('IK-3'));
    assert.equal(created.status, 201);
    assert.equal(created.body.timeZone, 'Asia/Dushanbe');
    assert.equal(created.body.version, 1);
  });

  test('an unknown time zone is refused and nothing is stored', async () => {
    const r = await admin.post('/api/v1/facilities', facilityBody('BADTZ', { timeZone: 'Asia/Atlantis' }));
    assert.equal(r.status, 422);
    assert.equal(r.body.code, 'invalid-time-zone');
    assert.match(r.headers.get('content-type')!, /application\/problem\+json/);
    const list = await admin.get('/api/v1/facilities');
    assert.ok(!list.body.items.some((f: { code: string }) => f.code === 'BADTZ'));
  });

  test('a user sees only the facilities assigned to them', async () => {
    const a = (await admin.post('/api/v1/facilities', facilityBody('SCOPE-A'))).body;
    const b = (await admin.post('/api/v1/facilities', facilityBody('SCOPE-B'))).body;
    const officer = await t.signedIn(['officer'], { facilityIds: [a.id] });
    const list = await officer.get('/api/v1/facilities');
    assert.deepEqual(list.body.items.map((f: { code: string }) => f.code), ['SCOPE-A']);
    assert.equal((await officer.get(`/api/v1/facilities/${b.id}`)).status, 404);
  });

  test('the second of two concurrent edits gets 409 and nothing is overwritten', async () => {
    const f = (await admin.post('/api/v1/facilities', facilityBody('EDIT'))).body;
    const { id, version, createdAt, updatedAt, active, deactivationReason, ...fields } = f;
    const first = await admin.put(`/api/v1/facilities/${id}`, { ...fields, capacity: 900, version });
    assert.equal(first.status, 200);
    const second = await admin.put(`/api/v1/facilities/${id}`, { ...fields, capacity: 1500, version });
    assert.equal(second.status, 409);
    assert.equal(second.body.code, 'edit-conflict');
    assert.equal((await admin.get(`/api/v1/facilities/${id}`)).body.capacity, 900);
  });

  test('injection strings round-trip verbatim', async () => {
    const name = `Robert'); DROP TABLE facilities;-- <script>alert(1)</script>`;
    const r = await admin.post('/api/v1/facilities', facilityBody('INJ', { name }));
    assert.equal(r.status, 201);
    assert.equal((await admin.get(`/api/v1/facilities/${r.body.id}`)).body.name, name);
  });

  test('unknown fields and malformed JSON are refused with problem+json', async () => {
    const unknown = await admin.post('/api/v1/facilities', { ...facilityBody('UNK'), warden: 'x' });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.code, 'validation');
    const malformed = await admin.request('POST', '/api/v1/facilities', '{"code": ');
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.code, 'malformed-json');
  });
});
