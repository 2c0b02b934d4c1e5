import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../testing/harness.ts';

// PGlite runs WASM on the thread that calls it; the embedded database therefore lives in its own
// process (platform/db/pglite-host.mjs). This shows the point of that: a slow query keeps the
// database busy, but the server's event loop stays free and keeps answering.
describe(`a slow query does not stall the server (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  test('/health answers in under 200 ms, repeatedly, while a 2-second query runs', async () => {
    const started = Date.now();
    const slow = sql<{ slept: string }>`select pg_sleep(2)::text as slept`.execute(t.db);
    // Let the query reach the database before measuring.
    await new Promise((r) => setTimeout(r, 100));

    const timings: number[] = [];
    while (Date.now() - started < 1_500) {
      const t0 = performance.now();
      const res = await fetch(`${t.url}/health`);
      timings.push(performance.now() - t0);
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { status: 'ok' });
      await new Promise((r) => setTimeout(r, 100));
    }
    await slow;
    const elapsed = Date.now() - started;

    assert.ok(elapsed >= 1_900, `the slow query should really have taken about 2 s (took ${elapsed} ms)`);
    const shown = timings.map((x) => x.toFixed(0)).join(', ');
    // A blocked event loop would hold the first check until the query ends, leaving room for one.
    const fast = timings.filter((ms) => ms < 200);
    assert.ok(fast.length >= 5, `expected several /health answers under 200 ms during the query, got ${fast.length}: ${shown} ms`);
    // Other test files share the CPUs, so one answer may be slowed by scheduling, never stalled.
    assert.ok(Math.max(...timings) < 1_000, `a /health answer stalled during the query: ${shown} ms`);
  });
});
