import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { connectDatabase } from '../db/connect.ts';
import { freshDatabase } from '../../testing/test-database.ts';
import { createEffectsTable, effects, effectWriter, publishAlerts } from '../../testing/event-fixtures.ts';
import { eventDispatcher } from './dispatcher.ts';
import { publish } from './outbox.ts';
import type { EventEnvelope } from './event-types.ts';

const store = process.env.TEST_STORE === 'postgres' ? 'postgres' : 'pglite';
const CHILD = fileURLToPath(new URL('../../testing/event-subscriber-child.ts', import.meta.url));

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe(`domain event delivery (${store})`, () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  const eventCount = async () => Number((await database.db.selectFrom('domain_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const handled = async (subscriber: string) =>
    Number((await database.db.selectFrom('domain_events_handled').select((eb) => eb.fn.countAll().as('n')).where('subscriber', '=', subscriber).executeTakeFirstOrThrow()).n);

  before(async () => {
    database = await freshDatabase();
    await createEffectsTable(database.db);
  });
  after(() => database.close());

  test('a subscriber that fails half-way is caught up by the next dispatcher: every event once, none twice', async () => {
    const ids = await publishAlerts(database.db, 10);
    const first = eventDispatcher(database, { log: () => {} });
    effectWriter(first, 'test.halfway', { failAfter: 4 });
    await first.start();
    await first.catchUp();
    await first.stop();
    assert.deepEqual(await effects(database.db, 'test.halfway'), { total: 4, distinct: 4 });
    assert.equal(await handled('test.halfway'), 4, 'the failed delivery left nothing behind');

    const second = eventDispatcher(database);
    effectWriter(second, 'test.halfway');
    await second.start();
    await second.stop();
    assert.deepEqual(await effects(database.db, 'test.halfway'), { total: ids.length, distinct: ids.length });
    assert.equal(await handled('test.halfway'), ids.length);
  });

  test('after commit, subscribers and live listeners hear an event; a rolled-back change announces nothing', async () => {
    const events = eventDispatcher(database);
    effectWriter(events, 'test.live');
    await events.start();
    const earlier = await eventCount();
    await until('the subscriber has caught up', async () => (await effects(database.db, 'test.live')).total === earlier);
    const heard: EventEnvelope[] = [];
    events.listen((e) => heard.push(e));
    await assert.rejects(
      database.db.transaction().execute(async (trx) => {
        await publish(trx, { type: 'alert.raised', entityId: crypto.randomUUID(), facilityId: null, payload: { alertId: crypto.randomUUID(), prisonerId: crypto.randomUUID(), code: 'x' } });
        throw new Error('the change failed');
      }),
    );
    const [alertId] = await publishAlerts(database.db, 1);
    await until('the subscriber has handled the new event', async () => (await effects(database.db, 'test.live')).total === earlier + 1);
    await until('the live listener has heard it', async () => heard.length > 0);
    assert.deepEqual(heard.map((e) => [e.type, e.entityId]), [['alert.raised', alertId]]);
    await events.stop();
    assert.deepEqual(await effects(database.db, 'test.live'), { total: earlier + 1, distinct: earlier + 1 });
  });

  test('two dispatchers on one database deliver each event to a subscriber once between them', async () => {
    // On PostgreSQL each has its own pool, as two server processes would.
    const other = database.kind === 'postgres' ? await connectDatabase({ databaseUrl: database.pool.options.connectionString!, dataDir: '', listen: false }) : database;
    try {
      const a = eventDispatcher(database);
      const b = eventDispatcher(other);
      effectWriter(a, 'test.shared', { delayMs: 2 });
      effectWriter(b, 'test.shared', { delayMs: 2 });
      await Promise.all([a.start(), b.start()]);
      await publishAlerts(database.db, 20);
      const total = await eventCount();
      await until('every event is handled', async () => {
        await Promise.all([a.catchUp(), b.catchUp()]);
        return (await handled('test.shared')) === total;
      });
      await Promise.all([a.stop(), b.stop()]);
      assert.deepEqual(await effects(database.db, 'test.shared'), { total, distinct: total });
    } finally {
      if (other !== database) await other.close();
    }
  });

  test('a dispatcher process killed (SIGKILL) mid-delivery: a new one delivers exactly the rest', { skip: store !== 'postgres' && 'an in-memory PGlite cannot be shared with another process' }, async (t) => {
    const url = database.pool.options.connectionString!;
    await publishAlerts(database.db, 60);
    const total = await eventCount();
    const child = fork(CHILD, [url], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const exited = new Promise((r) => child.once('exit', r));
    await until('the child has handled some', async () => (await effects(database.db, 'test.killed')).total >= 15, 30_000);
    child.kill('SIGKILL');
    await exited;
    const done = await effects(database.db, 'test.killed');
    assert.ok(done.total < total, `killed half-way (${done.total} of ${total})`);
    t.diagnostic(`killed after ${done.total} of ${total} events`);

    const events = eventDispatcher(database);
    effectWriter(events, 'test.killed');
    await events.start();
    // The killed process's transaction (and its lock) ends when PostgreSQL notices it is gone.
    await until('the rest is delivered', async () => {
      await events.catchUp();
      return (await handled('test.killed')) === total;
    });
    await events.stop();
    assert.deepEqual(await effects(database.db, 'test.killed'), { total, distinct: total });
  });
});
