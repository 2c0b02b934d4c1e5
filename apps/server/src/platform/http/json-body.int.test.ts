import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { factories, type Factories } from '../../testing/factories.ts';

/** Sends raw bytes as a JSON body, as a broken client or a hand-made request would. */
async function sendBytes(client: Client, method: string, path: string, bytes: Buffer) {
  const res = await fetch(client.base + path, {
    method,
    headers: { 'content-type': 'application/json', ...(client.cookie ? { cookie: client.cookie, 'x-csrf-token': client.csrf } : {}) },
    body: new Uint8Array(bytes),
  });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.json() };
}

// Bytes that are not UTF-8 used to be read with U+FFFD in their place and stored as such: a name
// silently changed. They are refused instead, before any handler sees them.
describe(`a JSON body must be UTF-8 (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let factory: Factories;
  let officer: Client;
  let facilityId: string;
  before(async () => {
    t = await startTestApp();
    factory = factories(t);
    facilityId = (await factory.facility('UTF-A')).id;
    officer = await t.signedIn(['officer'], { facilityIds: [facilityId] });
  });
  after(() => t.close());

  const windows1251 = Buffer.from([0xc8, 0xe2, 0xe0, 0xed, 0xee, 0xe2]); // "Иванов" in Windows-1251
  const json = (...parts: (string | Buffer)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));

  test('invalid UTF-8 in a record is a 400 problem, and nothing is written', async () => {
    const before = await t.db.selectFrom('intakes').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const r = await sendBytes(officer, 'POST', `/api/v1/facilities/${facilityId}/intakes`, json('{"familyName":"', windows1251, '","givenName":"Ivan","expectedOn":"2026-11-23"}'));
    assert.equal(r.status, 400, JSON.stringify(r.body));
    assert.equal(r.body.code, 'body-not-utf8');
    assert.match(r.type, /problem\+json/);
    const afterCount = await t.db.selectFrom('intakes').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(afterCount.n), Number(before.n));
  });

  test('invalid UTF-8 at sign-in is the same 400, not a wrong password', async () => {
    const r = await sendBytes(t.client(), 'POST', '/api/v1/auth/sign-in', json('{"username":"', windows1251, '","password":"x"}'));
    assert.equal(r.status, 400);
    assert.equal(r.body.code, 'body-not-utf8');
    // A lone continuation byte and an overlong encoding of "/" are not UTF-8 either.
    for (const bad of [Buffer.from([0x80]), Buffer.from([0xc0, 0xaf])]) {
      assert.equal((await sendBytes(t.client(), 'POST', '/api/v1/auth/sign-in', json('{"username":"a', bad, '","password":"x"}'))).body.code, 'body-not-utf8');
    }
  });

  test('valid UTF-8 in any script still works, and broken JSON is still malformed-json', async () => {
    const ok = await sendBytes(officer, 'POST', `/api/v1/facilities/${facilityId}/intakes`, json(JSON.stringify({ familyName: 'Иванов', givenName: 'Ҷамшед 🚩', expectedOn: '2026-11-23' })));
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.equal(ok.body.data.identity.familyName, 'Иванов');
    const broken = await sendBytes(officer, 'POST', `/api/v1/facilities/${facilityId}/intakes`, json('{"familyName": "Иванов"'));
    assert.equal(broken.status, 400);
    assert.equal(broken.body.code, 'malformed-json');
  });
});
