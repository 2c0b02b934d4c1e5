import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { connectDatabase, type Database } from './connect.ts';
import { DataFolderLockedError, startPglite } from './pglite-process.ts';

// PGlite has no lock of its own: two processes on one data folder silently lose writes. The host
// process takes `vigil.lock` in the folder; these tests hold it to that on a real folder on disk.
// Only about the embedded store, so skipped in the PostgreSQL pass.
const onPostgres = process.env.TEST_STORE === 'postgres';

describe('the embedded database locks its data folder', { skip: onPostgres && 'embedded store only' }, () => {
  let dataDir: string;
  let embedded: Database;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'vigil-lock-'));
    embedded = await connectDatabase({ dataDir, poolSize: 1 });
    await sql`create table notes (body text)`.execute(embedded.db);
    await sql`insert into notes values ('before')`.execute(embedded.db);
  });
  after(async () => {
    await embedded?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('the lock file names the process that holds the folder', () => {
    const holder = Number(readFileSync(join(dataDir, 'vigil.lock'), 'utf8'));
    assert.ok(Number.isInteger(holder) && holder > 0 && holder !== process.pid, `lock holder ${holder}`);
  });

  test('a second process on the same folder fails with DataFolderLockedError, and the first keeps working', async () => {
    await assert.rejects(startPglite(dataDir), (e: unknown) => {
      assert.ok(e instanceof DataFolderLockedError, `expected DataFolderLockedError, got ${String(e)}`);
      assert.match((e as Error).message, /in use by process \d+/);
      return true;
    });
    await sql`insert into notes values ('after')`.execute(embedded.db);
    const { rows } = await sql<{ body: string }>`select body from notes order by body`.execute(embedded.db);
    assert.deepEqual(rows.map((r) => r.body), ['after', 'before']);
    assert.ok(existsSync(join(dataDir, 'vigil.lock')), 'the refused process must not remove the holder’s lock');
  });

  test('a stale lock left by a process that died is taken over, and the data is still there', async () => {
    await embedded.close();
    assert.ok(!existsSync(join(dataDir, 'vigil.lock')), 'a clean stop releases the lock');
    // The pid of a process that has certainly exited, as if the server had been killed.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(join(dataDir, 'vigil.lock'), String(dead));

    embedded = await connectDatabase({ dataDir, poolSize: 1 });
    const holder = Number(readFileSync(join(dataDir, 'vigil.lock'), 'utf8'));
    assert.notEqual(holder, dead, 'the lock now names the new process');
    const { rows } = await sql<{ body: string }>`select body from notes order by body`.execute(embedded.db);
    assert.deepEqual(rows.map((r) => r.body), ['after', 'before']);
  });
});
