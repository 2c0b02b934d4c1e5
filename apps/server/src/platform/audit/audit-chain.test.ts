import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalJson, chainHash, checkLink, GENESIS_HASH, type ChainedFields } from './audit-chain.ts';

const event = (over: Partial<ChainedFields> = {}): ChainedFields => ({
  seq: '1',
  occurredAt: new Date('2026-11-22T10:00:00.123Z'),
  actorUserId: '6f1c1c4e-9f0a-4a53-9d36-0a4b2f9f6a11',
  actorUsername: 'auditor',
  actorRoles: ['auditor'],
  facilityId: null,
  action: 'facility.updated',
  entityType: 'facility',
  entityId: 'f-1',
  requestId: 'req-1',
  clientIp: '127.0.0.1',
  before: { capacity: 1200 },
  after: { capacity: 900, name: 'ИК-3 Хуҷанд' },
  prevHash: GENESIS_HASH,
  ...over,
});

test('canonicalJson sorts keys at every level and keeps array order', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [3, 1], c: null } }), '{"a":{"c":null,"d":[3,1]},"b":1}');
  assert.equal(canonicalJson({ b: 1, a: 2 }), canonicalJson({ a: 2, b: 1 }));
  assert.equal(canonicalJson([{ y: 1, x: 2 }]), '[{"x":2,"y":1}]');
});

test('canonicalJson: undefined keys vanish, null and undefined values are null, dates are ISO strings', () => {
  assert.equal(canonicalJson({ a: undefined, b: 2 }), '{"b":2}');
  assert.equal(canonicalJson(undefined), 'null');
  assert.equal(canonicalJson(null), 'null');
  assert.equal(canonicalJson(new Date('2026-01-02T03:04:05.006Z')), '"2026-01-02T03:04:05.006Z"');
  assert.equal(canonicalJson('Тоҷикистон "q"'), '"Тоҷикистон \\"q\\""');
  assert.equal(canonicalJson(12.5), '12.5');
  assert.equal(canonicalJson(true), 'true');
});

test('the hash survives jsonb re-ordering keys but changes with any field', () => {
  const base = chainHash(event());
  assert.match(base, /^[0-9a-f]{64}$/);
  assert.equal(chainHash(event({ after: { name: 'ИК-3 Хуҷанд', capacity: 900 } })), base);
  const changes: Partial<ChainedFields>[] = [
    { seq: '2' },
    { occurredAt: new Date('2026-11-22T10:00:00.124Z') },
    { actorUserId: null },
    { actorUsername: 'auditor2' },
    { actorRoles: ['auditor', 'sysadmin'] },
    { facilityId: '6f1c1c4e-9f0a-4a53-9d36-0a4b2f9f6a12' },
    { action: 'facility.created' },
    { entityType: 'location' },
    { entityId: 'f-2' },
    { requestId: 'req-2' },
    { clientIp: '10.0.0.1' },
    { before: { capacity: 1201 } },
    { after: null },
    { prevHash: '1'.repeat(64) },
  ];
  for (const c of changes) assert.notEqual(chainHash(event(c)), base, JSON.stringify(c));
  // A null and an absent before/after hash alike (jsonb null comes back as SQL NULL).
  assert.equal(chainHash(event({ before: undefined })), chainHash(event({ before: null })));
});

test('checkLink names each kind of break', () => {
  const first = event();
  const good = { ...first, hash: chainHash(first) };
  assert.equal(checkLink(good, 1n, GENESIS_HASH), null);
  assert.deepEqual(checkLink({ ...event({ seq: '3' }), hash: 'x' }, 2n, GENESIS_HASH), { seq: '2', reason: 'missing' });
  assert.deepEqual(checkLink(good, 2n, GENESIS_HASH), { seq: '1', reason: 'out-of-order' });
  assert.deepEqual(checkLink(good, 1n, '1'.repeat(64)), { seq: '1', reason: 'prev-hash' });
  assert.deepEqual(checkLink({ ...good, action: 'facility.deleted' }, 1n, GENESIS_HASH), { seq: '1', reason: 'hash' });
  assert.deepEqual(checkLink({ ...good, hash: '0'.repeat(64) }, 1n, GENESIS_HASH), { seq: '1', reason: 'hash' });
});

test('a prepared canonical `after` hashes exactly as the event itself, the whole array in canonical JSON', async () => {
  const { createHash } = await import('node:crypto');
  const e = event();
  const whole = canonicalJson([e.seq, e.occurredAt.toISOString(), e.actorUserId, e.actorUsername, [...e.actorRoles], e.facilityId, e.action, e.entityType, e.entityId, e.requestId, e.clientIp, e.before, e.after, e.prevHash]);
  const expected = createHash('sha256').update(whole).digest('hex');
  assert.equal(chainHash(e), expected);
  assert.equal(chainHash(e, canonicalJson(e.after)), expected);
});
