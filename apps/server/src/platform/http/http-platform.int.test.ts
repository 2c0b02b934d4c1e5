import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../testing/harness.ts';

// What every response and every client gets from the platform, whatever the module: security
// headers, request ids, health and metrics, a body-size limit and a sign-in rate limit.
describe(`HTTP platform (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ VIGIL_SIGN_IN_RATE_LIMIT: '3' });
  });
  after(() => t.close());

  test('responses carry a strict Content-Security-Policy, nosniff and a request id', async () => {
    for (const path of ['/health', '/api/v1/facilities', '/api/v1/no-such-thing']) {
      const res = await fetch(t.url + path);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'self'/, `${path}: ${csp}`);
      assert.match(csp, /object-src 'none'/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.doesNotMatch(csp, /script-src[^;]*'unsafe-inline'/);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.match(res.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    }
  });

  test('a well-formed incoming X-Request-Id is kept; a malformed one is replaced', async () => {
    const kept = await fetch(`${t.url}/health`, { headers: { 'x-request-id': 'gateway-1234.abc' } });
    assert.equal(kept.headers.get('x-request-id'), 'gateway-1234.abc');
    const replaced = await fetch(`${t.url}/health`, { headers: { 'x-request-id': 'bad id <script>' } });
    assert.match(replaced.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    // The id in the problem body is the one in the header, so a user's report can be traced.
    const problem = await fetch(`${t.url}/api/v1/facilities`, { headers: { 'x-request-id': 'trace-me-0001' } });
    assert.equal((await problem.json()).requestId, 'trace-me-0001');
  });

  test('/health and /ready answer, and /ready reaches the database', async () => {
    const health = await fetch(`${t.url}/health`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok' });
    const ready = await fetch(`${t.url}/ready`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { status: 'ready' });
  });

  test('/metrics exposes request durations by route in Prometheus format', async () => {
    await fetch(`${t.url}/api/v1/facilities`);
    const res = await fetch(`${t.url}/metrics`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/plain/);
    const text = await res.text();
    assert.match(text, /# TYPE vigil_http_request_duration_seconds histogram/);
    assert.match(text, /vigil_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/facilities",status="401"\} [1-9]/);
    assert.match(text, /process_cpu_user_seconds_total/);
  });

  test('a 1 MB JSON body is refused with 413 problem+json', async () => {
    const big = JSON.stringify({ code: 'BIG', name: 'x'.repeat(1024 * 1024) });
    const res = await t.client().post('/api/v1/facilities', big);
    assert.equal(res.status, 413);
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.equal(res.body.code, 'payload-too-large');
    assert.equal(res.body.status, 413);
  });

  test('more sign-in attempts a minute than VIGIL_SIGN_IN_RATE_LIMIT get 429 problem+json', async () => {
    const user = await t.createUser({ roles: ['officer'] });
    const attempt = (password: string) => t.client().post('/api/v1/auth/sign-in', { username: user.username, password });
    for (let i = 0; i < 3; i++) {
      const refused = await attempt(`wrong password ${i}`);
      assert.equal(refused.status, 401, `attempt ${i + 1}: ${JSON.stringify(refused.body)}`);
    }
    // Even the right password is not tried once the limit is reached: guessing is what it stops.
    const limited = await attempt(user.password);
    assert.equal(limited.status, 429);
    assert.match(limited.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.equal(limited.body.code, 'rate-limited');
    assert.ok(Number(limited.headers.get('retry-after')) > 0, 'Retry-After tells the client when to try again');
    // Only sign-in is limited.
    assert.equal((await fetch(`${t.url}/health`)).status, 200);
  });
});
