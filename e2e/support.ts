/**
 * What every browser journey needs: the real server (its own fresh embedded database, demo data
 * seeded) started once per file, Debian's Chromium driven by playwright-core, sign-in helpers that
 * answer MFA with a real TOTP, and an axe-core check on each screen.
 *
 * Run: node --import tsx --test e2e/*.e2e.ts
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createHash, randomBytes } from 'node:crypto';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { totp, totpStep } from '../apps/server/src/platform/auth/totp.ts';
import { DEMO_PASSWORD } from '../apps/server/src/modules/demo/demo.service.ts';

export { DEMO_PASSWORD };

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const WEB = join(ROOT, 'apps/web');

/**
 * Why journeys are skipped here, or null when they run. Without Chromium a developer's run skips
 * them with this message; in CI (CI=true) they run anyway and fail, so a broken machine is seen.
 */
export const skipReason: string | false =
  existsSync(CHROMIUM) || process.env.CI === 'true'
    ? false
    : `browser journeys skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
if (skipReason) console.log(skipReason);

export interface Journey {
  baseUrl: string;
  /** A fresh browser context (own cookies) on a desktop or tablet-sized window, English locale. */
  newPage(options?: { width?: number; height?: number }): Promise<Page>;
  /** Signs in through the screens, enrolling or answering MFA as the server asks. */
  signIn(page: Page, username: string, password?: string): Promise<void>;
  /** Fails on any serious or critical accessibility violation on the current screen. */
  checkA11y(page: Page, screen: string): Promise<void>;
}

/**
 * Starts the file's server and browser (once for all its tests; at the top level of the file, so a
 * journey's own time does not include them) and registers an `after` hook that stops both.
 * Use as `const j = await journey();`.
 */
export async function journey(): Promise<Journey> {
  let started: RunningJourney | undefined;
  after(() => started?.close());
  if (!skipReason) started = await startJourney();
  return started ?? notRunning;
}

/** What a skipped file's tests get: they never run, so nothing here is ever called. */
const notRunning: Journey = {
  get baseUrl(): string {
    throw new Error('the journey server is not running');
  },
  newPage: () => Promise.reject(new Error('the browser is not running')),
  signIn: () => Promise.reject(new Error('the browser is not running')),
  checkA11y: () => Promise.reject(new Error('the browser is not running')),
};

export interface RunningJourney extends Journey {
  close(): Promise<void>;
}

/** The real server on a copy of the seeded demo and Chromium, outside node:test (the web benchmark uses it). */
export async function startJourney(): Promise<RunningJourney> {
  const contexts: BrowserContext[] = [];
  const mfaSecrets = new Map<string, string>();
  const lastStepUsed = new Map<string, number>();

  await ensureWebBuilt();
  const server = await startDemoServer();
  const browser: Browser = await chromium
    .launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
    .catch(async (e: unknown) => {
      await server.stop();
      throw e;
    });

  const handle: RunningJourney = {
    baseUrl: server.baseUrl,
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await server.stop();
    },
    async newPage({ width = 1280, height = 900 } = {}) {
      const context = await browser.newContext({ viewport: { width, height }, locale: 'en-GB', baseURL: handle.baseUrl });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      // Surface errors the app logs, to make a failing journey easier to read.
      page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
      return page;
    },
    async signIn(page, username, password = DEMO_PASSWORD) {
      await page.goto('/');
      await page.locator('input[name="username"]').fill(username);
      await page.locator('input[name="password"]').fill(password);
      await page.locator('button[type="submit"]').click();
      const steps = {
        shell: page.locator('[data-testid="user-menu"]'),
        enrol: page.locator('[data-testid="enrol-form"]'),
        mfa: page.locator('[data-testid="mfa-form"]'),
        recovery: page.locator('[data-testid="recovery-continue"]'),
      };
      for (let round = 0; round < 5; round++) {
        const step = await visibleOneOf(steps, 20_000);
        if (step === 'shell') return;
        if (step === 'recovery') {
          await steps.recovery.click();
          await steps.recovery.waitFor({ state: 'detached' });
          continue;
        }
        const form = steps[step];
        if (step === 'enrol') {
          const secret = page.locator('[data-testid="mfa-secret"]');
          await secret.waitFor();
          mfaSecrets.set(username, (await secret.innerText()).trim());
        }
        const known = mfaSecrets.get(username);
        if (!known) throw new Error(`${username} is asked for an MFA code, but this journey never saw the secret`);
        await form.locator('input[name="code"]').fill(await freshCode(username, known));
        await form.locator('button[type="submit"]').click();
        // Wait for the step to change before looking again.
        await form.waitFor({ state: 'detached' });
      }
      throw new Error(`signing in as ${username} did not reach the application`);
    },
    async checkA11y(page, screen) {
      // Judge the screen at rest: a menu or dialog still fading out is half transparent, and axe
      // would report its contrast (or a menu losing its items) as if the user saw it that way.
      // (Endless animations, such as a loader's spinner, are not waited for.)
      const settled = () =>
        page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity), undefined, { timeout: 5_000 });
      await settled();
      await page.waitForTimeout(50);
      await settled();
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      if (bad.length) {
        const lines = bad.map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n    ')}`);
        throw new Error(`accessibility violations on the ${screen} screen:\n${lines.join('\n')}`);
      }
    },
  };

  /** A TOTP the server has not seen yet: it refuses a code reused within the same 30 s step. */
  async function freshCode(username: string, secret: string): Promise<string> {
    let step = totpStep(Date.now());
    if (lastStepUsed.get(username) === step) {
      await new Promise((r) => setTimeout(r, (step + 1) * 30_000 - Date.now() + 200));
      step = totpStep(Date.now());
    }
    lastStepUsed.set(username, step);
    return totp(secret);
  }

  return handle;
}

/** Which of these is on screen now (polling: screens change while a request is in flight). */
async function visibleOneOf<K extends string>(candidates: Record<K, Locator>, timeoutMs: number): Promise<K> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const [name, locator] of Object.entries(candidates) as [K, Locator][]) {
      if (await locator.isVisible()) return name;
    }
    if (Date.now() > deadline) throw new Error(`none of ${Object.keys(candidates).join(', ')} appeared within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Seeding the demo (about 1,500 prisoners) takes a server 15–20 s, so it is done once: the first
 * journey seeds a data folder, and every server starts on a copy of it. The folder's name carries
 * a digest of the migrations, the modules' sources and today's date (the demo's dates are relative
 * to it), so a changed schema or seed, or a new day, gets a new folder.
 */
async function seededDemoFolder(): Promise<string> {
  const hash = createHash('sha256').update(new Date().toISOString().slice(0, 10));
  const modules = join(ROOT, 'apps/server/src/modules');
  // Every module writes its own part of the demo (`<m>.demo.ts`, and what it calls beside it), so
  // every module's sources count, not just modules/demo.
  const sources = [
    ...readdirSync(join(ROOT, 'apps/server/migrations')).map((name) => join(ROOT, 'apps/server/migrations', name)),
    ...readdirSync(modules, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
      .map((name) => join(modules, name)),
  ].sort();
  for (const file of sources) hash.update(file).update(readFileSync(file));
  const folder = join(tmpdir(), `vigil-e2e-demo-${hash.digest('hex').slice(0, 16)}`);
  const done = join(folder, 'seeded');
  if (existsSync(done)) return folder;
  await withLock('vigil-e2e-demo-seed.lock', async () => {
    if (existsSync(done)) return;
    rmSync(folder, { recursive: true, force: true });
    const seeding = await startServer({ dataDir: folder, keep: true });
    await seeding.stop();
    writeFileSync(done, new Date().toISOString());
  });
  return folder;
}

/** The real server, as `npm start` runs it, on a free port, on a copy of the seeded demo data. */
async function startDemoServer(): Promise<RunningServer> {
  const template = await seededDemoFolder();
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-e2e-'));
  cpSync(template, dataDir, { recursive: true, filter: (src) => !src.endsWith('seeded') && !src.endsWith('vigil.lock') });
  return startServer({ dataDir, keep: false });
}

/** The real server, as `npm start` runs it, on a free port; it seeds the demo into an empty data folder. */
async function startServer({ dataDir, keep }: { dataDir: string; keep: boolean }): Promise<RunningServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: '',
      HOST: '127.0.0.1',
      PORT: String(port),
      VIGIL_DATA_DIR: dataDir,
      VIGIL_SEED_DEMO: 'true',
      VIGIL_SECRET: randomBytes(32).toString('base64url'),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const baseUrl = `http://127.0.0.1:${port}`;
  const started = Date.now();
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited during start-up:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server was not ready within 90 s:\n${output}`);
    }
    const ready = await fetch(`${baseUrl}/ready`).then((r) => r.ok, () => false);
    if (ready) {
      console.log(`server ready in ${((Date.now() - started) / 1000).toFixed(1)} s (port ${port})`);
      break;
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    baseUrl,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      if (!keep) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Newest modification time of the web app's sources. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const s = statSync(path);
    newest = Math.max(newest, s.isDirectory() ? newestSource(path) : s.mtimeMs);
  }
  return newest;
}

/**
 * Runs `fn` holding a lock folder, so that journey files running side by side (the README's
 * `node --test e2e/*.e2e.ts`) do it one at a time; each checks again inside whether it is still needed.
 */
async function withLock(name: string, fn: () => Promise<void> | void): Promise<void> {
  const lock = join(tmpdir(), name);
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`another journey holds ${lock}; remove it if stale`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * The server serves apps/web/dist; build it when it is missing or older than the sources
 * (`npm test` builds it first, so this matters when a journey is run on its own).
 */
async function ensureWebBuilt() {
  const index = join(WEB, 'dist/index.html');
  const sourcesTime = Math.max(newestSource(join(WEB, 'src')), statSync(join(WEB, 'index.html')).mtimeMs);
  const fresh = () => existsSync(index) && statSync(index).mtimeMs >= sourcesTime;
  if (fresh()) return;
  await withLock('vigil-e2e-web-build.lock', () => {
    if (fresh()) return;
    const build = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`web build failed:\n${build.stdout}\n${build.stderr}`);
  });
}

/** An ISO day as an officer types it into a date field, day first ('2024-01-15' → '15.01.2024'). */
export const typedDay = (iso: string) => iso.split('-').reverse().join('.');

/** A read through the signed-in browser's session (page.request shares its cookies); 200 expected. */
export async function getJson<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  assert.equal(res.status(), 200, `${path}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** A write through the signed-in browser's session, with its CSRF token; success expected. */
export async function sendJson<T = any>(page: Page, method: 'post' | 'put', path: string, body: unknown): Promise<T> {
  const { csrfToken } = await getJson<{ csrfToken: string }>(page, '/api/v1/auth/session');
  const r = await page.request[method](path, { data: body, headers: { 'X-CSRF-Token': csrfToken } });
  const json = await r.json();
  assert.ok(r.ok(), `${method} ${path}: ${r.status()} ${JSON.stringify(json)}`);
  return json as T;
}

/** Opens the first facility of the facilities screen and waits for its tree of places. */
export async function openFirstFacility(page: Page): Promise<string> {
  await page.locator('[data-testid="nav-facilities"]').click();
  const first = page.locator('[data-testid="facilities-page"] tbody a').first();
  const name = (await first.innerText()).trim();
  await first.click();
  await page.locator('[data-testid="location-tree"] li').first().waitFor();
  return name;
}

/** Adds a place inside the one at `parentPath` through its actions menu; the kind is the suggested one. */
export async function addPlaceInside(page: Page, parentPath: string, code: string, name: string): Promise<void> {
  await page.locator(`[data-testid="location-actions-${parentPath}"]`).click();
  await page.locator('[data-testid="action-add"]').click();
  const form = page.locator('[data-testid="location-form"]');
  await form.locator('input[name="code"]').fill(code);
  await form.locator('input[name="name"]').fill(name);
  await form.locator('[data-testid="location-save"]').click();
  await form.waitFor({ state: 'detached' });
  await page.locator(`[data-testid="location-${parentPath}-${code}"]`).waitFor();
}
