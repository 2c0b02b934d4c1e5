// `npm run bench -- api`: what the API's own machinery costs on a real read.
//
// On each store, the authenticated endpoint GET /api/v1/facilities/:facilityId/locations (session
// lookup, permission and facility scope, zod validation and serialisation) is measured against a
// bare Fastify route on a second, minimal server that runs the very same SQL query — recorded from
// the endpoint itself — through a pool of the same kind and size on the same database. Both are
// loaded by wrk (or autocannon, see load.ts), in a separate process, at 50 connections after a warm-up.
import { cpus, loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import pg from 'pg';
import { setUpStore, type BenchStore, type Store } from './api-setup.ts';
import { load, loadGenerator, type Load } from './load.ts';

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP_S = Number(process.env.BENCH_WARMUP ?? 3);
const SINGLE_S = 3;
// The target, on PostgreSQL.
const TARGET = { store: 'postgres' as Store, minRatio: 0.6, maxP99Ms: 25 };
const RESULTS = fileURLToPath(new URL('./results/api.json', import.meta.url));

/** The load generator (wrk, else autocannon) in its own process, so it does not share the servers' event loop. */
const loadFor = (url: string, seconds: number, headers: Record<string, string>, connections = CONNECTIONS) => load(url, seconds, headers, connections);

const brief = (l: Load) => ({ requestsPerSecond: l.requestsPerSecond, p50Ms: l.p50Ms, p99Ms: l.p99Ms });

interface RecordedQuery {
  text: string;
  values: unknown[];
  rows: number;
}

/**
 * Records the SQL the endpoint runs by watching `pg` during one request, and returns the query
 * that produced the location list (the one returning the most rows).
 */
async function recordEndpointQuery(s: BenchStore, path: string): Promise<RecordedQuery> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const seen: RecordedQuery[] = [];
  proto.query = function (this: unknown, ...args: unknown[]) {
    const result = original.apply(this, args);
    const [config, values] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
    const text = typeof config === 'string' ? config : config.text;
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      (result as Promise<{ rows?: unknown[] }>).then(
        (r) => seen.push({ text, values: values ?? (typeof config === 'object' ? (config.values ?? []) : []), rows: r?.rows?.length ?? 0 }),
        () => {},
      );
    }
    return result;
  };
  try {
    const res = await fetch(s.url + path, { headers: { cookie: s.cookie } });
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  } finally {
    proto.query = original;
  }
  const main = seen.sort((a, b) => b.rows - a.rows)[0];
  if (!main || main.rows < s.locationCount) throw new Error(`could not find the location query among ${seen.length} queries`);
  return main;
}

/** The second, minimal server: one route, one query, the same kind of pool, no framework extras. */
async function startBareServer(s: BenchStore, query: RecordedQuery) {
  const pool = new pg.Pool(s.poolOptions);
  pool.on('error', () => {}); // an idle connection closed under us at shutdown is not news
  const app = Fastify({ logger: false });
  app.get('/bare', async () => (await pool.query(query.text, query.values)).rows);
  await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/bare`,
    async close() {
      await app.close();
      await pool.end();
    },
  };
}

/** What a browser sends besides the session: it always accepts gzip. */
const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };

async function measureStore(store: Store, adminUrl: string) {
  console.log(`\n[${store}] setting up a fresh database with a facility of ~1,000 places…`);
  const s = await setUpStore(store, adminUrl);
  try {
    const path = `/api/v1/facilities/${s.facilityId}/locations`;
    const query = await recordEndpointQuery(s, path);
    const bare = await startBareServer(s, query);
    try {
      const authItems = ((await (await fetch(s.url + path, { headers: { cookie: s.cookie } })).json()) as { items: unknown[] }).items.length;
      const bareItems = ((await (await fetch(bare.url)).json()) as unknown[]).length;
      if (authItems !== bareItems) throw new Error(`the two servers disagree: ${authItems} vs ${bareItems} rows`);
      console.log(`[${store}] ${s.locationCount} places; both servers return ${authItems} rows; warming up ${WARMUP_S} s each…`);

      const served = { cookie: s.cookie, ...BROWSER };
      const plain = { cookie: s.cookie, 'accept-encoding': 'identity' };
      // 1. The endpoint as it serves a browser: session and tree from memory between writes, gzipped.
      await loadFor(s.url + path, WARMUP_S, served);
      console.log(`[${store}] measuring ${DURATION_S} s each at ${CONNECTIONS} connections…`);
      const asServed = await loadFor(s.url + path, DURATION_S, served);
      const asServedAlone = await loadFor(s.url + path, SINGLE_S, served, 1);
      // 2. The same endpoint with its caches off, uncompressed: every request looks up the session
      //    and runs the tree's SQL, like the bare route. This ratio is the API machinery's cost.
      s.database.writes.caching = false;
      await loadFor(s.url + path, WARMUP_S, plain);
      const uncached = await loadFor(s.url + path, DURATION_S, plain);
      const uncachedAlone = await loadFor(s.url + path, SINGLE_S, plain, 1);
      s.database.writes.caching = true;
      // 3. The bare route.
      await loadFor(bare.url, WARMUP_S, {});
      const bareLoad = await loadFor(bare.url, DURATION_S, {});
      const bareAlone = await loadFor(bare.url, SINGLE_S, {}, 1);
      for (const [name, l] of [['as served', asServed], ['uncached', uncached], ['bare', bareLoad]] as const) {
        if (l.non2xx || l.errors || l.timeouts) console.log(`[${store}] warning: ${name} had ${l.non2xx} non-2xx responses, ${l.errors} errors (${l.timeouts} timeouts)`);
        if (!l.requests) throw new Error(`${store} ${name}: no request completed in ${DURATION_S} s (is the machine overloaded?)`);
      }
      const round = (n: number) => Math.round(n * 1000) / 1000;
      return {
        store,
        database: s.database.describe,
        places: s.locationCount,
        rowsPerResponse: authItems,
        endpoint: 'GET /api/v1/facilities/:facilityId/locations (as an officer of the facility)',
        asServed: { how: 'session and tree from memory between writes; gzip accepted, as a browser sends', ...asServed, oneConnection: brief(asServedAlone) },
        uncached: { how: 'caches off, no compression: session lookup and the tree SQL on every request', ...uncached, oneConnection: brief(uncachedAlone) },
        bare: { endpoint: 'GET /bare (same SQL, same pool kind, no auth/validation)', ...bareLoad, oneConnection: brief(bareAlone) },
        /** The machinery's cost: the endpoint doing the same work as the bare route. */
        ratio: round(uncached.requestsPerSecond / bareLoad.requestsPerSecond),
        ratioAsServed: round(asServed.requestsPerSecond / bareLoad.requestsPerSecond),
      };
    } finally {
      await bare.close();
    }
  } finally {
    await s.close();
  }
}

export async function runApiBench() {
  const adminUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const stores: Store[] = (process.env.BENCH_STORES?.split(',') as Store[] | undefined) ?? ['postgres', 'pglite'];
  const loadBefore = loadavg()[0]!;
  const results = [];
  for (const store of stores) results.push(await measureStore(store, adminUrl));
  const loadAfter = loadavg()[0]!;

  const pg = results.find((r) => r.store === TARGET.store);
  const verdict = pg
    ? {
        store: TARGET.store,
        ratio: pg.ratio,
        p99Ms: pg.asServed.p99Ms,
        ratioOk: pg.ratio >= TARGET.minRatio,
        p99Ok: pg.asServed.p99Ms < TARGET.maxP99Ms,
        pass: pg.ratio >= TARGET.minRatio && pg.asServed.p99Ms < TARGET.maxP99Ms,
      }
    : null;
  const report = {
    benchmark: 'api',
    date: new Date().toISOString(),
    // A busy machine (other builds, tests) skews both servers, but not equally: check the load.
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, loadAverage1m: { before: loadBefore, after: loadAfter } },
    settings: { connections: CONNECTIONS, durationSeconds: DURATION_S, warmupSeconds: WARMUP_S, oneConnectionSeconds: SINGLE_S, loadGenerator: `${loadGenerator} (separate process)` },
    target: { store: TARGET.store, ratioAtLeast: TARGET.minRatio, p99BelowMs: TARGET.maxP99Ms },
    verdict,
    results,
  };
  mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(report, null, 2)}\n`);

  console.log(`\nGET /api/v1/facilities/:facilityId/locations vs a bare route running the same SQL (${CONNECTIONS} connections, ${DURATION_S} s)`);
  console.log('store      server          req/s     p50 ms   p99 ms   ÷ bare');
  for (const r of results) {
    const row = (name: string, l: { requestsPerSecond: number; p50Ms: number; p99Ms: number }, ratio: string) =>
      console.log(`${r.store.padEnd(10)} ${name.padEnd(14)} ${l.requestsPerSecond.toFixed(0).padStart(7)} ${String(l.p50Ms).padStart(9)} ${String(l.p99Ms).padStart(8)}   ${ratio}`);
    row('as served', r.asServed, r.ratioAsServed.toFixed(2));
    row('uncached', r.uncached, r.ratio.toFixed(2));
    row('bare', r.bare, '');
  }
  for (const r of results) {
    console.log(
      `${r.store}: one request at a time, p50 ${r.asServed.oneConnection.p50Ms} ms as served, ${r.uncached.oneConnection.p50Ms} ms uncached, ${r.bare.oneConnection.p50Ms} ms bare;` +
        ` ${(r.asServed.bytesPerResponse / 1024).toFixed(0)} KB per response gzipped, ${(r.uncached.bytesPerResponse / 1024).toFixed(0)} KB plain`,
    );
  }
  if (verdict) {
    console.log(
      `\nTarget on PostgreSQL (ratio ≥ ${TARGET.minRatio}, p99 < ${TARGET.maxP99Ms} ms): ${verdict.pass ? 'PASS' : 'FAIL'}` +
        ` (uncached ratio ${verdict.ratio.toFixed(2)} ${verdict.ratioOk ? 'ok' : 'too low'}, p99 as served ${verdict.p99Ms} ms ${verdict.p99Ok ? 'ok' : 'too high'})`,
    );
  }
  if (loadBefore > cpus().length) console.log(`Note: the machine was busy (1-minute load ${loadBefore.toFixed(1)} on ${cpus().length} CPUs); the numbers are pessimistic.`);
  console.log(`Results written to bench/results/api.json`);
  return report;
}
