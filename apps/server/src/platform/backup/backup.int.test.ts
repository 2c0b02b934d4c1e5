import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { systemContext } from '../access/actor.ts';
import { appendAudit, verifyAuditChain } from '../audit/audit.ts';
import { freshDatabase } from '../../testing/test-database.ts';
import { createBackup } from './backup-create.ts';
import { restoreBackup } from './backup-restore.ts';
import { BackupError } from './backup-format.ts';
import { ownedSequences, readCatalog } from './catalog.ts';

type Fresh = Awaited<ReturnType<typeof freshDatabase>>;
const STORE = process.env.TEST_STORE === 'postgres' ? 'postgres' : 'pglite';
const dir = mkdtempSync(join(tmpdir(), 'vigil-backup-test-'));
const opened: Fresh[] = [];

/** A fresh database on a given store (freshDatabase reads TEST_STORE when called). */
async function fresh(store: 'pglite' | 'postgres' = STORE): Promise<Fresh> {
  const saved = process.env.TEST_STORE;
  process.env.TEST_STORE = store;
  try {
    const d = await freshDatabase();
    opened.push(d);
    return d;
  } finally {
    if (saved === undefined) delete process.env.TEST_STORE;
    else process.env.TEST_STORE = saved;
  }
}

/**
 * Real-looking data with the awkward cases: a location re-parented under a place created after it
 * (so table order is not insertion order), Cyrillic and Tajik text, quotes and newlines, jsonb,
 * arrays, microsecond timestamps, a session (left out of backups), and every write audited.
 */
async function populate(db: Kysely<DB>) {
  const ctx = systemContext('backup-test');
  await db.transaction().execute(async (trx) => {
    const f = await trx
      .insertInto('facilities')
      .values({ code: 'IK-3', name: 'Колонияи ИК-3 "Хуҷанд"\nқисми 2', name_latin: "O'Brien; DROP TABLE x", country: 'TJ', region: 'Sughd', time_zone: 'Asia/Dushanbe', type: 'colony-strict', capacity: 1200 })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx, { action: 'facility.created', entityType: 'facility', entityId: f.id, facilityId: f.id, after: { code: f.code, nested: { ғ: ['ӣ', 'қ'], n: 1.5 } } });
    const loc = (values: { code: string; kind: string; parent_id: string | null }) =>
      trx.insertInto('locations').values({ facility_id: f.id, name: `Блок ${values.code}`, ...values }).returning('id').executeTakeFirstOrThrow();
    const wing = await loc({ code: 'W1', kind: 'wing', parent_id: null });
    const landing = await loc({ code: 'L1', kind: 'landing', parent_id: wing.id });
    for (let i = 1; i <= 3; i++) await loc({ code: `C${i}`, kind: 'cell', parent_id: landing.id });
    const building = await loc({ code: 'B1', kind: 'building', parent_id: null });
    await trx.updateTable('locations').set({ parent_id: building.id }).where('id', '=', wing.id).execute();
    await appendAudit(trx, ctx, { action: 'location.created', entityType: 'location', entityId: building.id, facilityId: f.id, after: null });
    const u = await trx
      .insertInto('users')
      .values({ staff_number: 'S-1', username: 'rahimov', family_name: 'Раҳимов', given_name: 'Фаррух', language: 'tg', roles: ['officer', 'senior_officer'], password_hash: '$argon2id$v=19$fake' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('user_facilities').values({ user_id: u.id, facility_id: f.id }).execute();
    await trx.insertInto('sessions').values({ id: 'h'.repeat(64), user_id: u.id, step: 'done', csrf_token: 'x', expires_at: new Date(Date.now() + 3600_000) }).execute();
    await appendAudit(trx, ctx, { action: 'user.created', entityType: 'user', entityId: u.id, before: 'a json string', after: [1, 'два', { three: true }] });
  });
}

/** Every table's rows as PostgreSQL prints them, for exact comparison across stores. */
async function snapshot(db: Kysely<DB>) {
  const out: Record<string, string[]> = {};
  for (const t of (await readCatalog(db)).tables) {
    const r = await sql<{ j: string }>`select row_to_json(t)::jsonb::text as j from ${sql.table(t.name)} t`.execute(db);
    out[t.name] = r.rows.map((x) => x.j).sort();
  }
  return out;
}

async function expectRoundTrip(from: 'pglite' | 'postgres', to: 'pglite' | 'postgres') {
  const source = await fresh(from);
  await populate(source.db);
  const file = join(dir, `${from}-to-${to}.vigil.gz`);
  const made = await createBackup(source.db, file, { store: from });
  assert.equal(made.rows.locations, 6);
  assert.equal(made.rows.sessions, undefined, 'sessions are not backed up');

  const target = await fresh(to);
  const restored = await restoreBackup(target.db, file, { ctx: systemContext('cli:test') });
  assert.equal(restored.replacedExisting, false);
  assert.equal(restored.auditEventsVerified, 3);
  assert.equal(restored.header.store, from);

  const before = await snapshot(source.db);
  const afterRestore = await snapshot(target.db);
  for (const table of Object.keys(before)) {
    if (table === 'sessions') assert.equal(afterRestore[table]!.length, 0, 'a restored database starts signed out');
    else if (table === 'audit_events' || table === 'audit_head') continue;
    // Exactly equal, microseconds, arrays, jsonb and all.
    else assert.deepEqual(afterRestore[table], before[table], table);
  }
  // The restored trail is the original three events plus the record of the restore itself.
  assert.deepEqual(afterRestore.audit_events!.slice().sort(), [...before.audit_events!, ...afterRestore.audit_events!.filter((e) => e.includes('backup.restored'))].sort());
  const verified = await verifyAuditChain(target.db);
  assert.deepEqual(verified, { ok: true, checked: 4, firstBroken: null });
  const last = await target.db.selectFrom('audit_events').selectAll().orderBy('seq', 'desc').executeTakeFirstOrThrow();
  assert.equal(last.action, 'backup.restored');
  assert.equal(last.actor_username, 'cli:test');
  // The guard on the trail is back on after the restore.
  await assert.rejects(sql`delete from audit_events`.execute(target.db), /append-only/);
  return { source, target, file };
}

describe(`backup and restore (${STORE})`, () => {
  after(async () => {
    for (const d of opened) await d.close();
  });

  test(`round trip ${STORE} → ${STORE}: rows equal, chain verifies, the sequences moved`, async () => {
    const { target } = await expectRoundTrip(STORE, STORE);
    // Keys are uuids; the few numbered tables (the domain events' seq, incident numbers, the alarm
    // logs) have sequences, each moved past the restored rows.
    const sequences = await ownedSequences(target.db);
    assert.deepEqual(sequences.map((s) => s.table).sort(), ['alarm_actions', 'alarm_device_events', 'domain_events', 'incidents']);
    for (const s of sequences) {
      const { rows } = await sql<{ next: string; max: string | null }>`select nextval(${s.sequence}::regclass) as next, (select max(${sql.ref(s.column)}) from ${sql.table(s.table)}) as max`.execute(target.db);
      assert.ok(BigInt(rows[0]!.next) > BigInt(rows[0]!.max ?? 0), `${s.sequence} moved past ${s.table}`);
    }
  });

  const crossStore = STORE === 'pglite' && process.env.TEST_DATABASE_URL;
  test('round trip pglite → postgres and postgres → pglite', { skip: crossStore ? false : 'needs TEST_DATABASE_URL (runs in the PGlite pass)' }, async () => {
    await expectRoundTrip('pglite', 'postgres');
    await expectRoundTrip('postgres', 'pglite');
  });

  test('a database that holds data is refused without force, and replaced with it', async () => {
    const source = await fresh();
    await populate(source.db);
    const file = join(dir, 'force.vigil.gz');
    await createBackup(source.db, file, { store: STORE });
    const target = await fresh();
    await target.db.transaction().execute((trx) => appendAudit(trx, systemContext('x'), { action: 'test.existing' }));
    await assert.rejects(restoreBackup(target.db, file, { ctx: systemContext('cli:test') }), (e: Error) => e instanceof BackupError && /already holds data.*--force/.test(e.message));
    const r = await restoreBackup(target.db, file, { ctx: systemContext('cli:test'), force: true });
    assert.equal(r.replacedExisting, true);
    const last = await target.db.selectFrom('audit_events').selectAll().orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual((last.after as { replacedAuditHeadSeq: string }).replacedAuditHeadSeq, '1');
    assert.equal((await verifyAuditChain(target.db)).ok, true);
    assert.equal((await target.db.selectFrom('audit_events').select('action').where('action', '=', 'test.existing').execute()).length, 0);
  });

  describe('a damaged or foreign file is refused and the target is untouched', () => {
    let good: Buffer;
    let target: Fresh;
    let targetBefore: Record<string, string[]>;
    const lines = () => gunzipSync(good).toString('utf8').trimEnd().split('\n');
    const write = (name: string, content: Buffer | string) => {
      const file = join(dir, name);
      writeFileSync(file, content);
      return file;
    };
    // Force, so the restore gets as far as emptying the target before it finds the damage.
    const refuses = async (file: string, message: RegExp) => {
      await assert.rejects(restoreBackup(target.db, file, { ctx: systemContext('cli:test'), force: true }), (e: Error) => {
        assert.ok(e instanceof BackupError, `${e.constructor.name}: ${e.message}`);
        assert.match(e.message, message);
        return true;
      });
      assert.deepEqual(await snapshot(target.db), targetBefore);
      assert.equal((await verifyAuditChain(target.db)).ok, true);
      await assert.rejects(sql`truncate audit_events`.execute(target.db), /append-only/);
    };

    test('set up', async () => {
      const source = await fresh();
      await populate(source.db);
      good = readFileSync((await createBackup(source.db, join(dir, 'good.vigil.gz'), { store: STORE })).file);
      target = await fresh();
      await target.db.transaction().execute(async (trx) => {
        const f = await trx.insertInto('facilities').values({ code: 'KEEP', name: 'Сохранить', country: 'TJ', region: 'Khatlon', time_zone: 'Asia/Dushanbe', type: 'colony-general', capacity: 10 }).returning('id').executeTakeFirstOrThrow();
        await appendAudit(trx, systemContext('x'), { action: 'facility.created', entityType: 'facility', entityId: f.id, facilityId: f.id });
      });
      targetBefore = await snapshot(target.db);
    });

    test('a truncated gzip file', async () => {
      await refuses(write('cut.vigil.gz', good.subarray(0, Math.floor(good.length * 0.6))), /truncated or corrupt/);
    });

    // Anywhere in the stream: gzip's checksum is at the end, so damage in the middle must still be
    // named as damage and not surface as a malformed row.
    test('a flipped byte', async () => {
      for (const at of [0.25, 0.5, 0.75, 0.9]) {
        const bad = Buffer.from(good);
        bad[Math.floor(bad.length * at)]! ^= 0xff;
        await refuses(write('flipped.vigil.gz', bad), /truncated or corrupt/);
      }
    });

    test('a complete gzip stream missing its closing line', async () => {
      await refuses(write('no-trailer.vigil.gz', gzipSync(lines().slice(0, -1).join('\n'))), /ends before its closing line/);
    });

    test('a file that is not a backup', async () => {
      await refuses(write('not-a-backup.vigil.gz', 'hello'), /truncated or corrupt|not a Vigil backup/);
      await refuses(write('other-json.vigil.gz', gzipSync('{"format":"pg_dump"}\n')), /not a Vigil backup/);
    });

    test('a backup from another schema version', async () => {
      const l = lines();
      const header = JSON.parse(l[0]!);
      header.migrations.push('9999_future.sql');
      await refuses(write('future.vigil.gz', gzipSync([JSON.stringify(header), ...l.slice(1)].join('\n'))), /migrations this database lacks: 9999_future.sql/);
    });

    test('a backup whose audit trail was edited', async () => {
      const edited = lines().map((l) => l.replace('"action":"location.created"', '"action":"location.viewed"'));
      assert.notDeepEqual(edited, lines());
      await refuses(write('edited.vigil.gz', gzipSync(edited.join('\n'))), /does not verify: broken at seq 2 \(hash\)/);
    });

    test('a row count that does not match', async () => {
      const l = lines();
      // The last location row is a cell, so nothing else refers to it.
      const end = l.findIndex((x) => x.startsWith('{"$end":"locations"'));
      await refuses(write('dropped-row.vigil.gz', gzipSync([...l.slice(0, end - 1), ...l.slice(end)].join('\n'))), /should hold 6 rows but holds 5/);
    });
  });
});
