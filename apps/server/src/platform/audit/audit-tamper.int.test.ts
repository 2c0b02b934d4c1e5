import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { systemContext } from '../access/actor.ts';
import { freshDatabase } from '../../testing/test-database.ts';
import { appendAudit, verifyAuditChain } from './audit.ts';
import { chainHash } from './audit-chain.ts';

type Fresh = Awaited<ReturnType<typeof freshDatabase>>;

/** A fresh database with five real events in the chain. */
async function withFiveEvents(): Promise<Fresh> {
  const database = await freshDatabase();
  const ctx = systemContext('tamper-test');
  for (let i = 1; i <= 5; i++) {
    await database.db.transaction().execute((trx) =>
      appendAudit(trx, ctx, { action: `test.event-${i}`, entityType: 'test', entityId: String(i), after: { n: i, text: 'Ҷӯра' } }),
    );
  }
  assert.deepEqual(await verifyAuditChain(database.db), { ok: true, checked: 5, firstBroken: null });
  return database;
}

/** What an operator with superuser rights can do in psql: switch the guard off, edit, switch it on. */
async function asSuperuser(db: Kysely<DB>, statement: ReturnType<typeof sql>) {
  await db.transaction().execute(async (trx) => {
    await sql`alter table audit_events disable trigger audit_events_no_update`.execute(trx);
    await statement.execute(trx);
    await sql`alter table audit_events enable trigger audit_events_no_update`.execute(trx);
  });
}

async function refused(run: Promise<unknown>) {
  await assert.rejects(run, (e: { code?: string; message: string }) => {
    assert.equal(e.code, '42501'); // insufficient_privilege, raised by the trigger
    assert.match(e.message, /append-only/);
    return true;
  });
}

describe(`audit trail tampering (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let database: Fresh;
  before(async () => {
    database = await withFiveEvents();
  });
  after(() => database.close());

  test('the database itself refuses UPDATE, DELETE and TRUNCATE, also inside a transaction', async () => {
    const { db } = database;
    await refused(sql`update audit_events set action = 'x' where seq = 3`.execute(db));
    await refused(sql`delete from audit_events where seq = 5`.execute(db));
    await refused(sql`truncate audit_events`.execute(db));
    for (const statement of [sql`update audit_events set action = 'x'`, sql`delete from audit_events`, sql`truncate audit_events`]) {
      await refused(db.transaction().execute(async (trx) => {
        await sql`select 1`.execute(trx);
        await statement.execute(trx);
      }));
    }
    const count = await db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 5);
    assert.equal((await verifyAuditChain(db)).ok, true);
  });
});

describe(`verify finds every kind of tampering (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  const databases: Fresh[] = [];
  const fresh = async () => {
    const d = await withFiveEvents();
    databases.push(d);
    return d.db;
  };
  after(async () => {
    for (const d of databases) await d.close();
  });

  test('an edited event breaks at its own seq: hash', async () => {
    const db = await fresh();
    await asSuperuser(db, sql`update audit_events set action = 'test.innocent' where seq = 3`);
    assert.deepEqual(await verifyAuditChain(db), { ok: false, checked: 2, firstBroken: { seq: '3', reason: 'hash' } });
  });

  test('an edit with its hash recomputed still breaks the next link: prev-hash', async () => {
    const db = await fresh();
    const row = await db.selectFrom('audit_events').selectAll().where('seq', '=', '3').executeTakeFirstOrThrow();
    const forged = chainHash({
      seq: '3', occurredAt: row.occurred_at, actorUserId: row.actor_user_id, actorUsername: row.actor_username,
      actorRoles: row.actor_roles, facilityId: row.facility_id, action: 'test.innocent', entityType: row.entity_type,
      entityId: row.entity_id, requestId: row.request_id, clientIp: row.client_ip, before: row.before, after: row.after,
      prevHash: row.prev_hash,
    });
    await asSuperuser(db, sql`update audit_events set action = 'test.innocent', hash = ${forged} where seq = 3`);
    assert.deepEqual((await verifyAuditChain(db)).firstBroken, { seq: '4', reason: 'prev-hash' });
  });

  test('a deleted middle event shows as missing at its seq', async () => {
    const db = await fresh();
    await asSuperuser(db, sql`delete from audit_events where seq = 3`);
    assert.deepEqual(await verifyAuditChain(db), { ok: false, checked: 2, firstBroken: { seq: '3', reason: 'missing' } });
  });

  test('a deleted last event shows at the head', async () => {
    const db = await fresh();
    await asSuperuser(db, sql`delete from audit_events where seq = 5`);
    assert.deepEqual(await verifyAuditChain(db), { ok: false, checked: 4, firstBroken: { seq: '5', reason: 'head' } });
  });

  test('two events swapped are broken at the first of them', async () => {
    const db = await fresh();
    // Swap everything but seq between events 2 and 4: the same rows, in a different order.
    const columns = sql.raw(
      ['occurred_at', 'actor_user_id', 'actor_username', 'actor_roles', 'facility_id', 'action', 'entity_type', 'entity_id', 'request_id', 'client_ip', 'before', 'after', 'prev_hash', 'hash']
        .map((c) => `${c} = other.${c}`)
        .join(', '),
    );
    await asSuperuser(db, sql`update audit_events a set ${columns} from audit_events other where (a.seq, other.seq) in ((2, 4), (4, 2))`);
    const actions = (await db.selectFrom('audit_events').select('action').orderBy('seq').execute()).map((r) => r.action);
    assert.deepEqual(actions, ['test.event-1', 'test.event-4', 'test.event-3', 'test.event-2', 'test.event-5']);
    const r = await verifyAuditChain(db);
    assert.equal(r.ok, false);
    assert.equal(r.firstBroken?.seq, '2');
    assert.equal(r.firstBroken?.reason, 'prev-hash');
  });
});
