import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { formatSpec, OPENAPI_FILE } from '../../openapi-write.ts';
import { startTestApp, type TestApp } from '../../testing/harness.ts';

// The committed openapi.json is the API's reviewable contract (STYLE.md habit 7): it must be
// exactly what the code generates. The spec depends only on the routes and their schemas, so the
// test app's document is the one `npm run openapi` writes.
describe(`OpenAPI document (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  test('the committed openapi.json matches the code (else run `npm run openapi`)', () => {
    const generated = formatSpec(t.app.swagger());
    const committed = readFileSync(OPENAPI_FILE, 'utf8');
    if (generated !== committed) {
      const paths = (text: string) => Object.keys((JSON.parse(text) as { paths: object }).paths);
      const now = paths(generated);
      const before = paths(committed);
      const added = now.filter((p) => !before.includes(p));
      const removed = before.filter((p) => !now.includes(p));
      assert.fail(
        `openapi.json is out of date: run \`npm run openapi\` and commit it.` +
          (added.length ? `\n  new paths: ${added.join(', ')}` : '') +
          (removed.length ? `\n  removed paths: ${removed.join(', ')}` : '') +
          (!added.length && !removed.length ? '\n  (the paths are the same; a schema, summary or access rule changed)' : ''),
      );
    }
  });

  test('the document is OpenAPI 3.1 and every operation states who may call it', () => {
    const spec = t.app.swagger() as { openapi: string; paths: Record<string, Record<string, { 'x-vigil-access'?: unknown }>> };
    assert.equal(spec.openapi, '3.1.0');
    const operations = Object.entries(spec.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));
    assert.ok(operations.length > 10, `expected the API's operations, found ${operations.length}`);
    const undeclared = operations.filter(({ op }) => !op['x-vigil-access']).map(({ method, path }) => `${method} ${path}`);
    assert.deepEqual(undeclared, []);
  });

  test('the spec is served at /api/docs/json and the docs page at /api/docs', async () => {
    const json = await fetch(`${t.url}/api/docs/json`);
    assert.equal(json.status, 200);
    assert.deepEqual(await json.json(), JSON.parse(formatSpec(t.app.swagger())));
    const page = await fetch(`${t.url}/api/docs`, { redirect: 'follow' });
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await page.text(), /swagger/i);
  });
});
