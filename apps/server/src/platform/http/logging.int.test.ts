import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { buildApp, loggerOptions, type App } from '../../app.ts';
import { loadConfig } from '../config.ts';
import { hashPassword } from '../auth/crypto.ts';
import { freshDatabase } from '../../testing/test-database.ts';
import { Client } from '../../testing/harness.ts';

// STYLE.md: log lines never carry names, passwords or tokens. The app is built with its real
// logger configuration (loggerOptions, at the most verbose level) writing into memory, and a
// whole sign-in is run through it.
describe(`logs carry no secrets (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  const lines: string[] = [];
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let app: App;
  let url: string;
  const password = 'Пароль-для-журнала 2026!';
  const familyName = 'Шарипова';

  before(async () => {
    database = await freshDatabase();
    const config = loadConfig({
      NODE_ENV: 'test',
      VIGIL_SECRET: 'logging-test-secret-logging-test-secret',
      VIGIL_DATA_DIR: 'memory://',
      VIGIL_WEB_DIST: '/nonexistent',
    });
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    ({ app } = await buildApp({ config, database, logger: { ...loggerOptions('trace'), stream } }));
    await app.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    await database.db
      .insertInto('users')
      .values({
        staff_number: 'LOG-1',
        username: 'log.officer',
        family_name: familyName,
        given_name: 'Зарина',
        language: 'ru',
        roles: ['officer'],
        password_hash: await hashPassword(password),
        must_change_password: false,
      })
      .execute();
  });
  after(async () => {
    await app?.close();
    await database?.close();
  });

  test('a sign-in, its session and a sign-out leave no password, cookie, CSRF token or name in the log', async () => {
    const client = new Client(url);
    const wrong = await client.post('/api/v1/auth/sign-in', { username: 'log.officer', password: `${password}-wrong` });
    assert.equal(wrong.status, 401);
    const info = await client.signIn({ username: 'log.officer', password, totpSecret: null });
    assert.equal(info.next, 'done');
    const cookieValue = client.cookie.replace(/^vigil_session=/, '');
    const csrf = client.csrf;
    assert.ok(cookieValue.length > 20 && csrf.length > 20, 'signed in with a session cookie and a CSRF token');

    // A search for a person by name, a forged request and the sign-out: all logged, none leaking.
    await client.get(`/api/v1/facilities?includeInactive=true&q=${encodeURIComponent(familyName)}`);
    await fetch(`${url}/api/v1/auth/sign-out`, { method: 'POST', headers: { cookie: client.cookie, 'x-csrf-token': 'forged-token-value', 'content-type': 'application/json' }, body: '{}' });
    assert.equal((await client.post('/api/v1/auth/sign-out')).status, 200);

    const log = lines.join('\n');
    assert.ok(lines.length >= 10, `expected request logs, got ${lines.length} lines`);
    assert.match(log, /"reqId":"[0-9a-f-]{36}"/, 'log lines carry the request id');
    assert.match(log, /"route":"\/api\/v1\/auth\/sign-in"/, 'requests are logged by route');
    for (const [what, secret] of [
      ['password', password],
      ['password (JSON-escaped)', JSON.stringify(password).slice(1, -1)],
      ['session cookie', cookieValue],
      ['CSRF token', csrf],
      ['forged CSRF token', 'forged-token-value'],
      ['family name', familyName],
      ['family name (URL-encoded)', encodeURIComponent(familyName)],
    ] as const) {
      assert.ok(!log.includes(secret), `the log contains the ${what}`);
    }
  });
});
