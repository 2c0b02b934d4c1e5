// Two processes on one PostgreSQL (a server and a `vigil` command, or two servers): what one writes
// reaches the other's caches through LISTEN/NOTIFY, at commit and only at commit.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connectDatabase, type Database } from './connect.ts';
import { migrate } from './migrate.ts';
import { createScratchPostgresDatabase } from '../../testing/test-database.ts';

const skip = process.env.TEST_STORE === 'postgres' ? false : 'write notices are for PostgreSQL (the embedded store is one process): run with TEST_STORE=postgres';

/** Waits until `check` holds, for at most two seconds. */
async function eventually(check: () => boolean) {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  return check();
}

describe('write notices between processes on one PostgreSQL', { skip }, () => {
  let scratch: Awaited<ReturnType<typeof createScratchPostgresDatabase>>;
  let server: Database;
  let command: Database;

  before(async () => {
    scratch = await createScratchPostgresDatabase(process.env.TEST_DATABASE_URL!, 'vigil_wn');
    server = await connectDatabase({ databaseUrl: scratch.url, dataDir: '' });
    await migrate(server.db);
    command = await connectDatabase({ databaseUrl: scratch.url, dataDir: '', listen: false });
  });
  after(async () => {
    await command?.close();
    await server?.close();
    await scratch?.drop();
  });

  test('a write committed elsewhere moves this process stamp of that table, and only of that table', async () => {
    const users = server.writes.stamp(['users']);
    const locations = server.writes.stamp(['locations']);
    await command.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ language: 'tg' }).where('username', '=', 'nobody').execute();
    });
    assert.ok(await eventually(() => server.writes.stamp(['users']) !== users), 'users written elsewhere');
    assert.equal(server.writes.stamp(['locations']), locations);
  });

  test('a write outside a transaction is announced too', async () => {
    const before = server.writes.stamp(['sessions']);
    await command.db.deleteFrom('sessions').where('id', '=', 'none').execute();
    assert.ok(await eventually(() => server.writes.stamp(['sessions']) !== before));
  });

  test('a rolled-back write is not announced', async () => {
    const before = server.writes.stamp(['facilities']);
    await assert.rejects(
      command.db.transaction().execute(async (trx) => {
        await trx.updateTable('facilities').set({ name: 'x' }).where('code', '=', 'none').execute();
        throw new Error('changed my mind');
      }),
      /changed my mind/,
    );
    // A later, committed write to another table arrives; the rolled-back one never does.
    const mark = server.writes.stamp(['locations']);
    await command.db.updateTable('locations').set({ active: true }).where('code', '=', 'none').execute();
    assert.ok(await eventually(() => server.writes.stamp(['locations']) !== mark));
    assert.equal(server.writes.stamp(['facilities']), before);
  });
});
