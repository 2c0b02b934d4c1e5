import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';

// PostgreSQL refuses NUL in text (PGlite is laxer), so a NUL that reached a query used to be a 500
// on one store only. Found by the property test; kept here as a fixed example on both stores.
describe(`NUL and other characters that cannot be stored, in input (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let governor: Client;
  let securityManager: Client;
  before(async () => {
    t = await startTestApp();
    governor = await t.signedIn(['governor'], { allFacilities: true });
    securityManager = await t.signedIn(['security_manager'], { allFacilities: true });
  });
  after(() => t.close());

  test('a user name with NUL is a validation problem, not a server error', async () => {
    const r = await t.client().post('/api/v1/auth/sign-in', { username: 'a\u0000b', password: 'not the password' });
    assert.equal(r.status, 400);
    assert.equal(r.body.code, 'validation');
  });

  test('a search term with NUL is answered 400 (or finds nothing), never 5xx', async () => {
    const r = await governor.get('/api/v1/users?q=a%00b');
    assert.ok(r.status === 400 || r.status === 200, `status ${r.status}`);
    if (r.status === 400) assert.equal(r.body.code, 'validation');
    const a = await governor.get('/api/v1/audit/events?actor=a%00b');
    assert.ok(a.status === 400 || a.status === 200, `status ${a.status}`);
  });

  test('half a surrogate pair (JSON can spell "\\ud800") is a validation problem, not a jsonb error; a whole pair is fine', async () => {
    const names = (en: string) => ({ en, ru: 'Код', tg: 'Код' });
    const half = await securityManager.post('/api/v1/alert-types', { code: 'half-pair', names: names('Broken \ud800 name'), source: 'test' });
    assert.equal(half.status, 400);
    assert.equal(half.body.code, 'validation');
    assert.deepEqual(half.body.errors.map((e: { path: string; message: string }) => [e.path, e.message]), [['body.names.en', 'control-characters']]);
    assert.equal(await t.db.selectFrom('alert_types').select('code').where('code', '=', 'half-pair').executeTakeFirst(), undefined);
    const whole = await securityManager.post('/api/v1/alert-types', { code: 'whole-pair', names: names('Flag 🚩'), source: 'test' });
    assert.equal(whole.status, 201, JSON.stringify(whole.body));
  });
});
