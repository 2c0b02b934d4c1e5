import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp, type App } from '../../app.ts';
import { freshDatabase } from '../../testing/test-database.ts';
import { loadConfig } from '../config.ts';
import type { Access } from './access-hook.ts';

// Deny by default (ARCHITECTURE.md invariant 2): every route says who may call it, and a request
// without a session is refused by every route that is not public.
describe(`every route declares its access (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let app: App;
  let routes: RouteEntry[];
  // What each route declared, read from the request as the app routes it, by method and URL sent.
  const declared = new Map<string, Access | undefined>();
  const key = (method: string, url: string) => `${method} ${url}`;

  before(async () => {
    database = await freshDatabase();
    ({ app } = await buildApp({ config: testConfig(), database, logger: false }));
    app.addHook('onRequest', async (request) => {
      // The first routing wins: a file handler that answers "not found" re-routes to the 404 handler.
      const k = key(request.method, request.url);
      if (!declared.has(k)) declared.set(k, request.routeOptions.config?.access);
    });
    await app.ready();
    routes = listRoutes(app);
    // Visit each route once so the hook above records what it declared.
    for (const r of routes) await app.inject({ method: r.method as 'GET', url: probeUrl(r.url), ...bodyFor(r.method) });
  });
  after(async () => {
    await app?.close();
    await database?.close();
  });

  test('the route list covers the whole API', () => {
    // Parameter names are not compared: routes sharing a position share one name in the tree.
    const shape = (url: string) => url.replace(/:\w+/g, ':');
    const urls = new Set(routes.map((r) => shape(r.url)));
    for (const expected of ['/health', '/ready', '/metrics', '/api/v1/auth/sign-in', '/api/v1/facilities', '/api/v1/facilities/:id', '/api/v1/facilities/:facilityId/locations', '/api/docs/json']) {
      assert.ok(urls.has(shape(expected)), `${expected} missing from the route list`);
    }
  });

  test('no route lacks an access declaration', () => {
    const missing = routes.filter((r) => !declared.get(key(r.method, probeUrl(r.url)))).map((r) => key(r.method, r.url));
    assert.deepEqual(missing, [], 'routes without config.access');
  });

  test('only health checks, sign-in, API docs, the web app and device webhooks are public', () => {
    const isPublic = (r: RouteEntry) => {
      const access = declared.get(key(r.method, probeUrl(r.url)));
      return !!access && 'public' in access;
    };
    const publicRoutes = routes.filter(isPublic).map((r) => key(r.method, r.url));
    // A device webhook has no session: the device's own bearer token authenticates it (alarms module).
    const allowed = /^(GET|HEAD) (\/health|\/ready|\/metrics|\/api\/docs(\/.*)?|\/\*)$|^POST \/api\/v1\/auth\/sign-in$|^POST \/api\/v1\/ingest\/devices\/:facility\/:code\/events$/;
    assert.deepEqual(publicRoutes.filter((r) => !allowed.test(r)), [], 'unexpected public routes');
  });

  test('every non-public /api route answers 401 problem+json without a session', async () => {
    const guarded = routes.filter((r) => {
      const access = declared.get(key(r.method, probeUrl(r.url)));
      return r.url.startsWith('/api/') && !(access && 'public' in access);
    });
    assert.ok(guarded.length >= 10, `expected the guarded API, found ${guarded.length} routes`);
    const wrong: string[] = [];
    for (const r of guarded) {
      const res = await app.inject({ method: r.method as 'GET', url: probeUrl(r.url), ...bodyFor(r.method) });
      const type = String(res.headers['content-type']);
      const code = r.method === 'HEAD' ? 'unauthenticated' : type.includes('json') ? res.json().code : type;
      if (res.statusCode !== 401 || code !== 'unauthenticated') wrong.push(`${key(r.method, r.url)} → ${res.statusCode} ${code}`);
      else if (r.method !== 'HEAD') assert.match(type, /application\/problem\+json/);
    }
    assert.deepEqual(wrong, []);
  });

  test('the app refuses, at start-up, a route that declares no access', async () => {
    const fresh = (await buildApp({ config: testConfig(), database, logger: false })).app;
    try {
      assert.throws(() => fresh.get('/api/v1/undeclared', async () => 'secret'), /declares no access/);
      await assert.rejects(async () => {
        await fresh.register(async (plugin) => {
          plugin.post('/api/v1/undeclared-in-plugin', async () => 'secret');
        });
      }, /declares no access/);
    } finally {
      await fresh.close().catch(() => {});
    }
  });
});

const testConfig = () =>
  loadConfig({ NODE_ENV: 'test', VIGIL_SECRET: 'routes-test-secret-routes-test-secret', VIGIL_DATA_DIR: 'memory://', VIGIL_WEB_DIST: '/nonexistent' });

interface RouteEntry {
  method: string;
  url: string;
}

/**
 * Every method and URL pattern the router knows, read from the radix tree `app.printRoutes()`
 * draws: each line is a node such as "├── segment (GET, HEAD)", four characters of indentation
 * per level, and a node's full path is its ancestors' segments joined. Parameters that share a
 * position are drawn as ":id|:facilityId"; the first name stands for all of them.
 */
function listRoutes(app: App): RouteEntry[] {
  const stack: string[] = [];
  const out: RouteEntry[] = [];
  for (const line of app.printRoutes().split('\n')) {
    const start = line.search(/[^│├└─\s]/);
    if (start < 0) continue;
    const depth = Math.floor(start / 4);
    const m = /^(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line.slice(start))!;
    const segment = m[1]!.replace(/:(\w+)(\|:\w+)+/g, ':$1');
    stack.length = depth;
    stack[depth] = segment;
    if (!m[2]) continue;
    const url = stack.join('');
    for (const method of m[2].split(', ')) out.push({ method, url });
  }
  return out;
}

/** A concrete URL for a pattern: a well-formed id for each parameter, a file name for a wildcard. */
const probeUrl = (pattern: string) =>
  pattern.replace(/:\w+/g, '00000000-0000-4000-8000-000000000000').replace(/\*$/, 'probe.txt');

/** State-changing probes carry an empty JSON body, as a careless client would. */
function bodyFor(method: string) {
  return method === 'GET' || method === 'HEAD' ? {} : { payload: '{}', headers: { 'content-type': 'application/json' } };
}
