import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@vigil/contracts';
import { buildApp, type App } from '../app.ts';
import { loadConfig, type Config } from '../platform/config.ts';
import type { Services } from '../services.ts';
import type { Clock } from '../platform/time/clock.ts';
import { hashPassword, sealer } from '../platform/auth/crypto.ts';
import { newTotpSecret, totp } from '../platform/auth/totp.ts';
import { freshDatabase } from './test-database.ts';

export const TEST_PASSWORD = 'correct horse battery staple';
const TEST_SECRET = 'test-secret-test-secret-test-secret-0123456789';

export interface TestApp {
  url: string;
  app: App;
  services: Services;
  config: Config;
  db: Awaited<ReturnType<typeof freshDatabase>>['db'];
  store: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** Creates a user straight in the database (MFA pre-enrolled where the role requires it). */
  createUser(opts: { roles: Role[]; facilityIds?: string[]; allFacilities?: boolean; mustChangePassword?: boolean; username?: string; sex?: 'male' | 'female' }): Promise<TestUser>;
  /** A fully signed-in client for a new user with these roles. */
  signedIn(roles: Role[], opts?: { facilityIds?: string[]; allFacilities?: boolean; sex?: 'male' | 'female' }): Promise<Client>;
  client(): Client;
}

export interface TestUser {
  id: string;
  username: string;
  password: string;
  totpSecret: string | null;
}

let userCounter = 0;

/** Starts the whole app on a fresh database, listening on a random local port, for tests over real HTTP. */
export async function startTestApp(env: Record<string, string> = {}, opts: { clock?: Clock } = {}): Promise<TestApp> {
  const database = await freshDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    VIGIL_SECRET: TEST_SECRET,
    VIGIL_DATA_DIR: mkdtempSync(join(tmpdir(), 'vigil-test-')),
    VIGIL_WEB_DIST: '/nonexistent',
    VIGIL_SIGN_IN_RATE_LIMIT: '1000',
    ...env,
  });
  const { app, services } = await buildApp({ config, database, logger: false, clock: opts.clock });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const seal = sealer(config.secret);

  const t: TestApp = {
    url,
    app,
    services,
    config,
    db: database.db,
    store: database.store,
    async close() {
      await app.close();
      await database.close();
    },
    async createUser(opts) {
      const n = ++userCounter;
      const username = opts.username ?? `user${n}.${opts.roles[0]!.replace(/_/g, '-')}`;
      const needsMfa = opts.roles.some((r) => ['sysadmin', 'intelligence_analyst', 'intelligence_manager'].includes(r));
      const totpSecret = needsMfa ? newTotpSecret() : null;
      const row = await database.db
        .insertInto('users')
        .values({
          staff_number: `T-${process.pid}-${n}`,
          username,
          family_name: 'Тестов',
          given_name: 'Тест',
          language: 'en',
          sex: opts.sex ?? null,
          roles: opts.roles,
          all_facilities: opts.allFacilities ?? false,
          password_hash: await hashPassword(TEST_PASSWORD),
          must_change_password: opts.mustChangePassword ?? false,
          mfa_secret: totpSecret ? seal.seal(totpSecret) : null,
          mfa_enabled: !!totpSecret,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const facilityId of opts.facilityIds ?? []) {
        await database.db.insertInto('user_facilities').values({ user_id: row.id, facility_id: facilityId }).execute();
      }
      return { id: row.id, username, password: TEST_PASSWORD, totpSecret };
    },
    async signedIn(roles, opts = {}) {
      const user = await t.createUser({ roles, ...opts });
      const c = t.client();
      await c.signIn(user);
      return c;
    },
    client: () => new Client(url),
  };
  return t;
}

export interface Res<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A tiny HTTP client that keeps the session cookie and sends the CSRF token, like the web app. */
export class Client {
  cookie = '';
  csrf = '';
  constructor(readonly base: string) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await fetch(this.base + path, { method, headers: h, body: payload });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const m = /vigil_session=([^;]*)/.exec(setCookie);
      if (m) this.cookie = m[1] ? `vigil_session=${m[1]}` : '';
    }
    const type = res.headers.get('content-type') ?? '';
    const parsed = type.includes('json') ? await res.json() : await res.text();
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get = <T = any>(path: string) => this.request<T>('GET', path);
  post = <T = any>(path: string, body?: unknown) => this.request<T>('POST', path, body ?? {});
  put = <T = any>(path: string, body?: unknown) => this.request<T>('PUT', path, body);
  patch = <T = any>(path: string, body?: unknown) => this.request<T>('PATCH', path, body);
  delete = <T = any>(path: string) => this.request<T>('DELETE', path);

  /** Signs in with password, then the TOTP code when the user has MFA. Throws if not fully signed in. */
  async signIn(user: { username: string; password: string; totpSecret: string | null }) {
    const r = await this.post('/api/v1/auth/sign-in', { username: user.username, password: user.password });
    if (r.status !== 200) throw new Error(`sign-in failed: ${r.status} ${JSON.stringify(r.body)}`);
    this.csrf = r.body.csrfToken;
    if (r.body.next === 'mfa') {
      const m = await this.post('/api/v1/auth/mfa/verify', { code: totp(user.totpSecret!) });
      if (m.status !== 200) throw new Error(`mfa failed: ${m.status} ${JSON.stringify(m.body)}`);
    }
    const s = await this.get('/api/v1/auth/session');
    if (s.body.next !== 'done') throw new Error(`sign-in incomplete: ${s.body.next}`);
    return s.body;
  }
}

export const facilityBody = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  name: `Исправительная колония ${code}`,
  country: 'TJ',
  region: 'Sughd',
  timeZone: 'Asia/Dushanbe',
  type: 'colony-strict',
  capacity: 1200,
  ...extra,
});
