// `npm run bench -- web`: how much JavaScript a browser downloads to show the sign-in page, and to
// show the first screen after signing in (the dashboard), against the budget of 250 KB
// gzipped each.
//
// The app is built as it ships, then loaded in headless Chromium through the real server (the
// browser journeys' server and sign-in, e2e/support.ts) with an empty cache; every script the
// browser asks for is counted at its gzipped size as the server sends it. Without Chromium the
// same sets are worked out from the build's manifest (the static imports of each screen's chunks),
// and the results say so.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { skipReason, startJourney } from '../e2e/support.ts';

const BUDGET_BYTES = 250 * 1024;
const USER = 'officer';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WEB = join(ROOT, 'apps/web');
const DIST = join(WEB, 'dist');
const RESULTS = join(ROOT, 'bench/results/web.json');

/**
 * The chunks each screen loads beyond the entry, by source (the keys of the Vite manifest), for
 * the manifest method: the catalogue of the browser's language (English here), the sign-in steps,
 * and the signed-in shell with the dashboard's screen.
 */
const SCREENS = {
  signIn: ['src/i18n/catalogue.en.ts', 'src/features/auth/sign-in-flow.tsx'],
  firstScreen: ['src/i18n/catalogue.en.ts', 'src/app/signed-in-app.tsx', 'src/features/dashboard/dashboard-page.tsx'],
};

interface ScriptSet {
  /** Gzipped bytes of all the scripts, as the server sends them to a browser that accepts gzip. */
  jsGzipBytes: number;
  /** The same scripts as the server sends them to a browser that accepts brotli (Chromium does). */
  jsBrotliBytes?: number;
  files: { file: string; gzipBytes: number; brotliBytes?: number }[];
}

type ManifestChunk = { file: string; isEntry?: boolean; imports?: string[] };

const gzipOf = (file: string) => {
  const precompressed = join(DIST, `${file}.gz`);
  return existsSync(precompressed) ? readFileSync(precompressed).length : gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
};

function scriptSet(files: Iterable<string>, gzipBytes: (file: string) => number, brotliBytes?: (file: string) => number): ScriptSet {
  const list = [...new Set(files)].sort().map((file) => ({ file, gzipBytes: gzipBytes(file), ...(brotliBytes ? { brotliBytes: brotliBytes(file) } : {}) }));
  const sum = (bytes: (f: (typeof list)[number]) => number) => list.reduce((total, f) => total + bytes(f), 0);
  return { jsGzipBytes: sum((f) => f.gzipBytes), ...(brotliBytes ? { jsBrotliBytes: sum((f) => f.brotliBytes!) } : {}), files: list };
}

/** The JavaScript a screen needs by the manifest: the entry and the given chunks, with everything they import statically. */
function fromManifest(): Record<'signIn' | 'firstScreen' | 'signInThenFirstScreen', ScriptSet> {
  const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
  if (!entry) throw new Error('the manifest has no entry');
  const closure = (keys: string[]) => {
    const seen = new Set<string>();
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (!chunk) throw new Error(`the manifest has no chunk for ${key}: update SCREENS in bench/web.ts`);
      if (seen.has(key)) return;
      seen.add(key);
      for (const imported of chunk.imports ?? []) visit(imported);
    };
    [entry, ...keys].forEach(visit);
    return [...seen].map((key) => manifest[key]!.file).filter((file) => file.endsWith('.js'));
  };
  return {
    signIn: scriptSet(closure(SCREENS.signIn), gzipOf),
    firstScreen: scriptSet(closure(SCREENS.firstScreen), gzipOf),
    signInThenFirstScreen: scriptSet(closure([...SCREENS.signIn, ...SCREENS.firstScreen]), gzipOf),
  };
}

/** One GET with the given Accept-Encoding; the body's length as sent (still compressed). */
function sentBytes(url: string, acceptEncoding: string): Promise<{ bytes: number; encoding: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => (res.statusCode === 200 ? resolve({ bytes, encoding: res.headers['content-encoding'] }) : reject(new Error(`${url}: ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Records the scripts a page asks for (by path) and the encodings they came in. */
function watchScripts(page: Page) {
  const paths: string[] = [];
  const encodings = new Set<string>();
  page.on('response', (res) => {
    const path = new URL(res.url()).pathname;
    if (!path.endsWith('.js')) return;
    paths.push(path.slice(1));
    encodings.add(res.headers()['content-encoding'] ?? 'identity');
  });
  return { paths, encodings };
}

/** Waits until the page has asked for nothing for a while, so late chunks are counted too. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
}

/** Loads the sign-in page, signs in, and opens the first screen again as a new visit, in Chromium with empty caches. */
async function inBrowser(): Promise<{ sets: Record<'signIn' | 'firstScreen' | 'signInThenFirstScreen', ScriptSet>; encodings: string[] }> {
  const j = await startJourney();
  try {
    const sent = new Map<string, { gzip: number; br: number }>();
    const measure = async (paths: string[]) => {
      for (const path of new Set(paths)) {
        if (sent.has(path)) continue;
        const [gzip, br] = await Promise.all([sentBytes(`${j.baseUrl}/${path}`, 'gzip'), sentBytes(`${j.baseUrl}/${path}`, 'br')]);
        // A few tiny chunks are sent as they are: compressing would not make them smaller, so the build has no .gz.
        if (gzip.encoding !== 'gzip' && existsSync(join(DIST, `${path}.gz`))) throw new Error(`/${path} was sent ${gzip.encoding ?? 'plain'}, not gzipped`);
        sent.set(path, { gzip: gzip.bytes, br: br.bytes });
      }
      return scriptSet(paths, (path) => sent.get(path)!.gzip, (path) => sent.get(path)!.br);
    };

    // A first visit: the sign-in page, then signing in and the dashboard, in one tab.
    const page = await j.newPage();
    const visit = watchScripts(page);
    await page.goto('/');
    await page.locator('input[name="username"]').waitFor();
    await settle(page);
    const signIn = await measure([...visit.paths]);
    await j.signIn(page, USER);
    await page.locator('[data-testid="facility-card"]').first().waitFor();
    await settle(page);
    const signInThenFirstScreen = await measure(visit.paths);

    // A signed-in person opening the app (a new tab with the session's cookie and an empty cache).
    const again = await j.newPage();
    await again.context().addCookies(await page.context().cookies());
    const reopened = watchScripts(again);
    await again.goto('/');
    await again.locator('[data-testid="facility-card"]').first().waitFor();
    await settle(again);
    const firstScreen = await measure(reopened.paths);

    return { sets: { signIn, firstScreen, signInThenFirstScreen }, encodings: [...new Set([...visit.encodings, ...reopened.encodings])] };
  } finally {
    await j.close();
  }
}

/** The same app built as one script (code splitting off), for comparison: what every screen cost before. */
async function oneBundle(): Promise<{ jsGzipBytes: number; jsBytes: number }> {
  const outDir = mkdtempSync(join(tmpdir(), 'vigil-web-one-bundle-'));
  try {
    await build({
      root: WEB,
      configFile: join(WEB, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, rolldownOptions: { output: { codeSplitting: false } } },
    });
    const scripts = readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.js'));
    const bytes = scripts.map((f) => readFileSync(join(outDir, 'assets', f)));
    return { jsGzipBytes: bytes.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0), jsBytes: bytes.reduce((sum, b) => sum + b.length, 0) };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function allScripts() {
  const files = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js'));
  return {
    files: files.length,
    jsGzipBytes: files.reduce((sum, f) => sum + gzipOf(`assets/${f}`), 0),
    jsBytes: files.reduce((sum, f) => sum + readFileSync(join(DIST, 'assets', f)).length, 0),
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function runWebBench() {
  const loadBefore = loadavg()[0]!;
  console.log('building the web app…');
  const built = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`web build failed:\n${built.stdout}\n${built.stderr}`);

  const manifest = fromManifest();
  let method: 'browser' | 'manifest' = 'manifest';
  let measured = manifest;
  let encodings: string[] | undefined;
  if (!skipReason) {
    console.log(`loading the sign-in page and the first screen in Chromium (as ${USER})…`);
    const browser = await inBrowser();
    method = 'browser';
    measured = browser.sets;
    encodings = browser.encodings;
  } else {
    console.log(`${skipReason}: counting from the build's manifest instead`);
  }
  console.log('building the app as one bundle, for comparison…');
  const baseline = await oneBundle();

  const verdict = {
    budgetBytes: BUDGET_BYTES,
    signInJsGzipBytes: measured.signIn.jsGzipBytes,
    firstScreenJsGzipBytes: measured.firstScreen.jsGzipBytes,
    signInThenFirstScreenJsGzipBytes: measured.signInThenFirstScreen.jsGzipBytes,
    pass: measured.signIn.jsGzipBytes <= BUDGET_BYTES && measured.firstScreen.jsGzipBytes <= BUDGET_BYTES,
  };
  const report = {
    benchmark: 'web',
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version, loadAverage1m: { before: loadBefore, after: loadavg()[0]! } },
    method,
    methodAbout:
      method === 'browser'
        ? `scripts Chromium requested (empty cache, en-GB, user ${USER}), counted at the gzipped size the server sends`
        : 'static import closure of each screen in the Vite manifest, at the gzipped size of the build',
    target: 'sign-in page and first screen after sign-in: each at most 250 KB (256,000 bytes) of gzipped JavaScript',
    verdict,
    signIn: measured.signIn,
    firstScreen: measured.firstScreen,
    signInThenFirstScreen: measured.signInThenFirstScreen,
    ...(method === 'browser' ? { contentEncodingsReceived: encodings, manifestEstimate: { signIn: manifest.signIn.jsGzipBytes, firstScreen: manifest.firstScreen.jsGzipBytes, signInThenFirstScreen: manifest.signInThenFirstScreen.jsGzipBytes } } : {}),
    allJs: allScripts(),
    baselineOneBundle: baseline,
  };
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(report, null, 2)}\n`);

  console.log(`method: ${method}`);
  console.log(`sign-in page:                 ${kb(verdict.signInJsGzipBytes)} gzipped JS (${measured.signIn.files.length} files)`);
  console.log(`first screen (signed in):     ${kb(verdict.firstScreenJsGzipBytes)} (${measured.firstScreen.files.length} files)`);
  console.log(`sign-in then first screen:    ${kb(verdict.signInThenFirstScreenJsGzipBytes)} (${measured.signInThenFirstScreen.files.length} files)`);
  console.log(`all JS:                       ${kb(report.allJs.jsGzipBytes)} in ${report.allJs.files} files`);
  console.log(`as one bundle (baseline):     ${kb(baseline.jsGzipBytes)}`);
  console.log(`verdict: ${verdict.pass ? 'PASS' : 'FAIL'} (budget ${kb(BUDGET_BYTES)} each); written to bench/results/web.json`);
}
