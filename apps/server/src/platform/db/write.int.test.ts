import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { systemContext } from '../access/actor.ts';
import { freshDatabase } from '../../testing/test-database.ts';
import { Problem } from '../errors.ts';
import { runWrite, updateVersioned, type VersionedChange } from './write.ts';

describe(`the one write path (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let facilityId: string;
  const ctx = systemContext('write-test');

  before(async () => {
    database = await freshDatabase();
    const row = await database.db
      .insertInto('facilities')
      .values({ code: 'W-1', name: 'Write test', country: 'TJ', region: 'Dushanbe', time_zone: 'Asia/Dushanbe', type: 'colony', capacity: 100 })
      .returning('id')
      .executeTakeFirstOrThrow();
    facilityId = row.id;
  });
  after(async () => database?.close());

  const rename = (name: string, version: number, id = facilityId): VersionedChange<{ id: string; name: string; version: number }, { name: string }> => ({
    lock: (trx) => trx.selectFrom('facilities').select(['id', 'name', 'version']).where('id', '=', id).forUpdate().executeTakeFirst(),
    expectedVersion: version,
    apply: (trx, row) =>
      trx.updateTable('facilities').set({ name, version: row.version + 1 }).where('id', '=', id).where('version', '=', row.version).returning(['id', 'name', 'version']).executeTakeFirst(),
    present: (row) => ({ name: row.name }),
    audit: () => ({ action: 'facility.updated', entityType: 'facility', entityId: id, facilityId: id }),
  });
  const auditCount = async () => Number((await database.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const problemCode = (code: string) => (e: unknown) => e instanceof Problem && e.code === code;

  test('a change is applied and audited with before and after', async () => {
    const result = await updateVersioned(database.db, ctx, rename('Renamed', 1));
    assert.deepEqual(result, { name: 'Renamed' });
    const event = await database.db.selectFrom('audit_events').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    assert.equal(event.action, 'facility.updated');
    assert.deepEqual([event.before, event.after], [{ name: 'Write test' }, { name: 'Renamed' }]);
  });

  test('an old version is a conflict and changes nothing', async () => {
    const events = await auditCount();
    await assert.rejects(updateVersioned(database.db, ctx, rename('Stale', 1)), problemCode('edit-conflict'));
    assert.equal(await auditCount(), events);
  });

  test('a record out of reach is not found', async () => {
    await assert.rejects(updateVersioned(database.db, ctx, rename('Nobody', 1, '00000000-0000-0000-0000-000000000001')), problemCode('not-found'));
  });

  test('losing a race after the lock is a conflict, and the transaction rolls back whole', async () => {
    const events = await auditCount();
    const lost = { ...rename('Lost', 2), apply: async () => undefined };
    await assert.rejects(updateVersioned(database.db, ctx, lost), problemCode('edit-conflict'));
    assert.equal(await auditCount(), events);
  });

  test('a write that records no audit event is refused and rolled back', async () => {
    await assert.rejects(
      runWrite(database.db, ctx, async ({ trx }) => {
        await trx.updateTable('facilities').set({ name: 'Unrecorded' }).where('id', '=', facilityId).execute();
      }),
      /at least one audit event/,
    );
    const row = await database.db.selectFrom('facilities').select('name').where('id', '=', facilityId).executeTakeFirstOrThrow();
    assert.equal(row.name, 'Renamed');
  });
});
