import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import { FREE_ATTEMPTS } from './auth.rules.ts';

/**
 * Sign-in must not tell a known user name from an unknown one: not by status, not by problem code,
 * not by when the lock comes, and not (much) by how long the answer takes.
 */
describe(`lockout does not reveal which user names exist (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let unknownCounter = 0;
  const unknownName = () => `nobody.${process.pid}.${++unknownCounter}`;
  const knownName = async () => (await t.createUser({ roles: ['officer'] })).username;

  const attempt = async (username: string) => {
    const started = process.hrtime.bigint();
    const r = await t.client().post('/api/v1/auth/sign-in', { username, password: 'not the password' });
    return { status: r.status, code: r.body.code as string, ms: Number(process.hrtime.bigint() - started) / 1e6 };
  };

  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  test('the documented free attempts are five', () => {
    assert.equal(FREE_ATTEMPTS, 5);
  });

  for (const [kind, name] of [['known', knownName], ['unknown', async () => unknownName()]] as const) {
    test(`${kind === 'known' ? 'a known' : 'an unknown'} name: exactly ${FREE_ATTEMPTS} failed attempts are answered, the next is locked`, async () => {
      const username = await name();
      for (let i = 1; i <= FREE_ATTEMPTS; i++) {
        const r = await attempt(username);
        assert.deepEqual([r.status, r.code], [401, 'invalid-credentials'], `attempt ${i}`);
      }
      const locked = await attempt(username);
      assert.deepEqual([locked.status, locked.code], [423, 'account-locked']);
      // The name is matched without regard to case, for known and unknown names alike.
      const shouted = await attempt(username.toUpperCase());
      assert.deepEqual([shouted.status, shouted.code], [423, 'account-locked']);
    });
  }

  test('a wrong password takes about as long for an unknown name as for a known one', async (ctx) => {
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const known: number[] = [];
    const unknown: number[] = [];
    await attempt(unknownName()); // warm up: the dummy hash is made once
    // Interleaved, each on a fresh name, so neither lockout nor a busy moment favours one side.
    for (let i = 0; i < 15; i++) {
      const username = await knownName();
      known.push((await attempt(username)).ms);
      unknown.push((await attempt(unknownName())).ms);
    }
    const ratio = median(unknown) / median(known);
    ctx.diagnostic(`unknown/known ${median(unknown).toFixed(1)}/${median(known).toFixed(1)} ms`);
    assert.ok(ratio > 0.5 && ratio < 2, `unknown/known median ${median(unknown).toFixed(1)}/${median(known).toFixed(1)} ms = ${ratio.toFixed(2)}`);
  });
});
