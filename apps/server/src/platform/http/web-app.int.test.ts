import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { startTestApp, type TestApp } from '../../testing/harness.ts';

const INDEX = '<!doctype html><html><head><script type="module" src="/assets/app-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = `export const screens = [${Array.from({ length: 200 }, (_, i) => `"screen-${i}"`).join(',')}];\n`;

/** One GET over real HTTP, with exactly the Accept-Encoding given, the body left as sent. */
function get(url: string, acceptEncoding?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

// The built web app as the server sends it: the build's .br/.gz files by Accept-Encoding, hashed
// assets cached for a year, index.html revalidated, deep links answered with the app.
describe(`web app serving (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let dist: string;
  before(async () => {
    // A build as precompress() leaves it: each text file with its .br and .gz beside it.
    dist = mkdtempSync(join(tmpdir(), 'vigil-web-dist-'));
    mkdirSync(join(dist, 'assets'));
    for (const [name, text] of [['index.html', INDEX], ['assets/app-Ab12Cd34.js', SCRIPT]] as const) {
      writeFileSync(join(dist, name), text);
      writeFileSync(join(dist, `${name}.br`), brotliCompressSync(text));
      writeFileSync(join(dist, `${name}.gz`), gzipSync(text));
    }
    writeFileSync(join(dist, 'assets/logo-Ef56Gh78.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    t = await startTestApp({ VIGIL_WEB_DIST: dist });
  });
  after(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  test('a hashed script is sent as brotli, gzip or plain by Accept-Encoding, cached for a year', async () => {
    const url = `${t.url}/assets/app-Ab12Cd34.js`;
    const br = await get(url, 'gzip, deflate, br');
    assert.equal(br.status, 200);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(brotliDecompressSync(br.body).toString(), SCRIPT);
    const gz = await get(url, 'gzip');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gz.body).toString(), SCRIPT);
    const plain = await get(url);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body.toString(), SCRIPT);

    for (const res of [br, gz, plain]) {
      assert.match(String(res.headers['content-type']), /^(?:text|application)\/javascript/);
      assert.match(String(res.headers.vary), /accept-encoding/i);
      assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
    }
    assert.ok(br.body.length < SCRIPT.length && gz.body.length < SCRIPT.length);
  });

  test('a file the build did not compress is sent as it is', async () => {
    const res = await get(`${t.url}/assets/logo-Ef56Gh78.png`, 'br, gzip');
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-encoding'], undefined);
    assert.equal(res.headers['content-type'], 'image/png');
    assert.equal(res.body.length, 4);
  });

  test('index.html and deep links get the app, compressed, never cached without asking', async () => {
    for (const path of ['/', '/index.html', '/prisoners/7f1c1a52-6c1e-4a53-9a40-9d5c3bb4a001', '/facilities?tab=cells']) {
      const res = await get(t.url + path, 'br');
      assert.equal(res.status, 200, path);
      assert.match(String(res.headers['content-type']), /^text\/html/, path);
      assert.equal(res.headers['content-encoding'], 'br', path);
      assert.equal(brotliDecompressSync(res.body).toString(), INDEX, path);
      assert.equal(res.headers['cache-control'], 'no-cache', path);
    }
    const plain = await get(`${t.url}/reception`);
    assert.equal(plain.body.toString(), INDEX);
  });

  test('a missing asset and an unknown API path are problem+json 404s, not the app', async () => {
    for (const path of ['/assets/app-OldRelease.js', '/api/v1/no-such-thing']) {
      const res = await get(t.url + path, 'br, gzip');
      assert.equal(res.status, 404, path);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/, path);
      assert.equal(JSON.parse(res.body.toString()).code, 'not-found', path);
    }
  });
});
