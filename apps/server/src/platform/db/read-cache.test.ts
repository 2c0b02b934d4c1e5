import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompiledQuery, DatabaseConnection, QueryResult } from 'kysely';
import { ReadCache } from './read-cache.ts';
import { TableWrites, tablesWritten } from './table-writes.ts';

test('the tables a statement writes, as Kysely and raw SQL spell them', () => {
  assert.deepEqual(tablesWritten('insert into "sessions" ("id") values ($1)'), ['sessions']);
  assert.deepEqual(tablesWritten('update "users" set "language" = $1 where "id" = $2'), ['users']);
  assert.deepEqual(tablesWritten('delete from "user_facilities" where "user_id" = $1'), ['user_facilities']);
  assert.deepEqual(tablesWritten('with moved as (update locations set active = false returning id) select * from moved'), ['locations']);
  assert.deepEqual(tablesWritten('select * from "sessions" where "id" = $1'), []);
  assert.deepEqual(tablesWritten('TRUNCATE TABLE locations'), ['locations']);
  assert.deepEqual(tablesWritten('alter table alert_types add column version integer'), ['*']);
});

/** A connection that records statements and can hold one open until told to finish. */
function fakeConnection() {
  const ran: string[] = [];
  const connection: DatabaseConnection = {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      ran.push(query.sql);
      return { rows: [] };
    },
    // eslint-disable-next-line require-yield
    async *streamQuery() {
      throw new Error('not used');
    },
  };
  const sql = (text: string) => connection.executeQuery({ sql: text, parameters: [], query: { kind: 'RawNode' } } as unknown as CompiledQuery);
  return { connection, sql, ran };
}

test('a write moves the stamp of its table only, once when it runs and once when its transaction ends', async () => {
  const writes = new TableWrites();
  const { connection, sql } = fakeConnection();
  writes.watch(connection, { announce: false });
  const sessions = writes.stamp(['sessions']);
  const locations = writes.stamp(['locations']);

  await sql('begin');
  await sql('update "sessions" set "step" = $1 where "id" = $2');
  const inside = writes.stamp(['sessions']);
  assert.notEqual(inside, sessions, 'counted when the statement runs');
  await sql('commit');
  assert.notEqual(writes.stamp(['sessions']), inside, 'counted again when the transaction ends');
  assert.equal(writes.stamp(['locations']), locations, 'other tables keep their stamp');

  const before = writes.stamp(['locations']);
  await sql('alter table locations add column x int');
  assert.notEqual(writes.stamp(['locations']), before, 'a schema change makes everything stale');
});

test('writes run unobserved do not move any stamp', async () => {
  const writes = new TableWrites();
  const { connection, sql } = fakeConnection();
  writes.watch(connection, { announce: false });
  const before = writes.stamp(['sessions']);
  await writes.unobserved(() => sql('update "sessions" set "last_seen_at" = $1 where "id" = $2'));
  assert.equal(writes.stamp(['sessions']), before);
});

test('a copy is used until a write to its tables, until its lifetime ends, and a read that overlaps a write is not kept', async () => {
  const writes = new TableWrites();
  const cache = new ReadCache<string, { n: number }>(writes, { tables: ['users'], ttlMs: 60_000, max: 10 });
  let loads = 0;
  const load = async () => ({ n: ++loads });

  assert.deepEqual(await cache.read('a', load), { n: 1 });
  assert.deepEqual(await cache.read('a', load), { n: 1 }, 'the copy');
  writes.count(['locations']);
  assert.deepEqual(await cache.read('a', load), { n: 1 }, 'another table written: still good');
  writes.count(['users']);
  assert.deepEqual(await cache.read('a', load), { n: 2 }, 'its table written: read again');

  // A write lands while the value is being read: the value read may be the old one, so it is not kept.
  await cache.read('b', async () => {
    writes.count(['users']);
    return { n: 100 };
  });
  assert.deepEqual(await cache.read('b', load), { n: 3 });

  const short = new ReadCache<string, { n: number }>(writes, { tables: ['users'], ttlMs: 0, max: 10 });
  await short.read('a', load);
  assert.deepEqual(await short.read('a', load), { n: 5 }, 'lifetime over: read again');
  assert.equal(await cache.read('none', async () => null), null, 'nothing found is never kept');
});

test('at most max copies: the oldest goes first', async () => {
  const cache = new ReadCache<number, number>(new TableWrites(), { tables: ['t'], ttlMs: 60_000, max: 2 });
  let loads = 0;
  for (const k of [1, 2, 3]) await cache.read(k, async () => (loads++, k));
  await cache.read(3, async () => (loads++, 3));
  await cache.read(1, async () => (loads++, 1));
  assert.equal(loads, 4, 'key 3 was kept, key 1 had gone');
});

test('with caching off, every read goes to the database', async () => {
  const writes = new TableWrites();
  writes.caching = false;
  const cache = new ReadCache<string, number>(writes, { tables: ['t'], ttlMs: 60_000, max: 2 });
  let loads = 0;
  await cache.read('a', async () => ++loads);
  assert.equal(await cache.read('a', async () => ++loads), 2);
});

test('announcing: written tables go out once, just before a commit or right after a write outside a transaction, never on rollback', async () => {
  const writes = new TableWrites();
  const { connection, sql, ran } = fakeConnection();
  writes.watch(connection, { announce: true });
  await sql('begin');
  await sql('update "users" set "language" = $1');
  await sql('insert into "sessions" ("id") values ($1)');
  await sql('update "users" set "roles" = $1');
  await sql('commit');
  assert.deepEqual(ran.splice(0), ['begin', 'update "users" set "language" = $1', 'insert into "sessions" ("id") values ($1)', 'update "users" set "roles" = $1', "select pg_notify('vigil_writes', $1)", 'commit']);

  await sql('begin');
  await sql('delete from "locations"');
  await sql('rollback');
  assert.ok(!ran.splice(0).some((s) => s.includes('pg_notify')), 'nothing announced for a rollback');

  await sql('update "facilities" set "name" = $1');
  assert.deepEqual(ran.splice(0), ['update "facilities" set "name" = $1', "select pg_notify('vigil_writes', $1)"]);
  await sql('select * from "users"');
  assert.deepEqual(ran.splice(0), ['select * from "users"'], 'reads announce nothing');
});
