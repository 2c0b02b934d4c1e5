import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { facilityBody, startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { admitPrisoner } from '../../testing/prisoner-fixtures.ts';

/** Parses our CSV (RFC 4180, CRLF rows, optional BOM) into rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && s[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

describe(`audit module over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let admin: Client;
  let auditor: Client;
  let facilityA: { id: string };
  let facilityB: { id: string };

  before(async () => {
    t = await startTestApp();
    admin = await t.signedIn(['sysadmin'], { allFacilities: true });
    auditor = await t.signedIn(['auditor'], { allFacilities: true });
    facilityA = (await admin.post('/api/v1/facilities', facilityBody('AUD-A'))).body;
    facilityB = (await admin.post('/api/v1/facilities', facilityBody('AUD-B'))).body;
    const { id, version, createdAt, updatedAt, active, deactivationReason, ...fields } = (await admin.get(`/api/v1/facilities/${facilityA.id}`)).body;
    assert.equal((await admin.put(`/api/v1/facilities/${id}`, { ...fields, capacity: 999, version })).status, 200);
  });
  after(() => t.close());

  test('401 without a session; 403 for an officer on every audit route; audit.export is the auditor’s alone', async () => {
    for (const path of ['/api/v1/audit/events', '/api/v1/audit/events.csv', '/api/v1/audit/verify']) {
      assert.equal((await t.client().get(path)).status, 401, path);
    }
    const officer = await t.signedIn(['officer'], { facilityIds: [facilityA.id] });
    for (const path of ['/api/v1/audit/events', '/api/v1/audit/events.csv', '/api/v1/audit/verify']) {
      const r = await officer.get(path);
      assert.equal(r.status, 403, path);
      assert.equal(r.body.code, 'forbidden');
    }
    // A system administrator may read the trail but not take a copy of it away.
    assert.equal((await admin.get('/api/v1/audit/events')).status, 200);
    assert.equal((await admin.get('/api/v1/audit/events.csv')).status, 403);
  });

  test('filters: action prefix, actor, entity, facility and time', async () => {
    const created = await auditor.get('/api/v1/audit/events?action=facility.&limit=500');
    assert.equal(created.status, 200);
    const actions = created.body.items.map((e: { action: string }) => e.action);
    assert.deepEqual(actions.sort(), ['facility.created', 'facility.created', 'facility.updated']);

    // % and _ are literal in the prefix, not wildcards.
    assert.equal((await auditor.get('/api/v1/audit/events?action=%25')).body.items.length, 0);

    const adminName = created.body.items[0].actorUsername as string;
    const byActor = await auditor.get(`/api/v1/audit/events?actor=${encodeURIComponent(adminName.toUpperCase())}&limit=500`);
    assert.ok(byActor.body.items.length >= 4); // sign-in (and MFA) plus three facility writes
    assert.ok(byActor.body.items.every((e: { actorUsername: string }) => e.actorUsername === adminName));

    const byEntity = await auditor.get(`/api/v1/audit/events?entityType=facility&entityId=${facilityA.id}`);
    assert.deepEqual(byEntity.body.items.map((e: { action: string }) => e.action), ['facility.updated', 'facility.created']);
    const updated = byEntity.body.items[0];
    assert.equal(updated.before.capacity, 1200);
    assert.equal(updated.after.capacity, 999);
    assert.equal(updated.facilityId, facilityA.id);
    assert.ok(!('prevHash' in updated) && !('prev_hash' in updated), 'presenter is an allow-list');

    const byFacility = await auditor.get(`/api/v1/audit/events?facilityId=${facilityB.id}`);
    assert.deepEqual(byFacility.body.items.map((e: { entityId: string }) => e.entityId), [facilityB.id]);

    const future = new Date(Date.now() + 3600_000).toISOString();
    const past = new Date(Date.now() - 3600_000).toISOString();
    assert.equal((await auditor.get(`/api/v1/audit/events?from=${encodeURIComponent(future)}`)).body.items.length, 0);
    assert.equal((await auditor.get(`/api/v1/audit/events?to=${encodeURIComponent(past)}`)).body.items.length, 0);
    const window = await auditor.get(`/api/v1/audit/events?action=facility.&from=${encodeURIComponent(past)}&to=${encodeURIComponent(future)}`);
    assert.equal(window.body.items.length, 3);

    const bad = await auditor.get('/api/v1/audit/events?from=yesterday');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.code, 'validation');
    assert.equal((await auditor.get('/api/v1/audit/events?colour=red')).status, 400);
  });

  test('keyset pagination walks every event once, newest first; a forged cursor is refused', async () => {
    const all = (await auditor.get('/api/v1/audit/events?limit=500')).body.items.map((e: { seq: string }) => e.seq);
    const walked: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r: { status: number; body: { items: { seq: string }[]; next: string | null } } = await auditor.get(`/api/v1/audit/events?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(r.status, 200);
      assert.ok(r.body.items.length <= 3);
      walked.push(...r.body.items.map((e) => e.seq));
      cursor = r.body.next;
      pages++;
    } while (cursor && pages < 100);
    // Reading the pages appends nothing, so the walk sees exactly the first listing.
    assert.deepEqual(walked, all);
    const numeric = walked.map(Number);
    assert.deepEqual(numeric, [...numeric].sort((a, b) => b - a));
    assert.ok(pages > 1);

    const forged = await auditor.get(`/api/v1/audit/events?cursor=${Buffer.from("s:1 or 1=1").toString('base64url')}`);
    assert.equal(forged.status, 400);
    assert.equal(forged.body.code, 'validation');
  });

  test('facility scope: a governor sees only their facility’s events, none without a facility', async () => {
    const governor = await t.signedIn(['governor'], { facilityIds: [facilityA.id] });
    const r = await governor.get('/api/v1/audit/events?limit=500');
    assert.equal(r.status, 200);
    assert.ok(r.body.items.length >= 2);
    assert.ok(r.body.items.every((e: { facilityId: string | null }) => e.facilityId === facilityA.id));
    assert.equal((await governor.get(`/api/v1/audit/events?facilityId=${facilityB.id}`)).body.items.length, 0);
    // HQ-wide staff also see events outside any facility, such as sign-ins.
    const hq = await auditor.get('/api/v1/audit/events?action=auth.signed-in');
    assert.ok(hq.body.items.length >= 3);
  });

  test('CSV export: header row, every matching event, formula injection neutralised, and the export itself audited', async () => {
    // A user name a spreadsheet would run as a formula; it reaches the trail as the actor of a write.
    const sly = await t.createUser({ roles: ['sysadmin'], allFacilities: true, username: '=HYPERLINK("http://evil.example","x")' });
    const slyClient = t.client();
    await slyClient.signIn(sly);
    assert.equal((await slyClient.post('/api/v1/facilities', facilityBody('AUD-CSV', { name: '@SUM(A1:A9)', nameLatin: '-1+1' }))).status, 201);

    const r = await auditor.get('/api/v1/audit/events.csv?action=facility.');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type')!, /^text\/csv; charset=utf-8/);
    assert.match(r.headers.get('content-disposition')!, /^attachment; filename="vigil-audit-\d{8}T\d{6}\.csv"$/);
    const rows = parseCsv(r.body as string);
    const [header, ...events] = rows;
    assert.deepEqual(header!.slice(0, 7), ['seq', 'occurred_at', 'actor_username', 'actor_user_id', 'actor_roles', 'facility_id', 'action']);
    assert.equal(events.length, 4);
    assert.ok(events.every((row) => row.length === header!.length));
    assert.deepEqual(events.map((row) => Number(row[0])), events.map((row) => Number(row[0])).sort((a, b) => a - b), 'oldest first');

    const slyRow = events.find((row) => row[6] === 'facility.created' && row[2]!.includes('HYPERLINK'))!;
    assert.equal(slyRow[2], `'=HYPERLINK("http://evil.example","x")`);
    // No cell starts with a formula character unless neutralised.
    for (const row of rows) for (const cell of row) assert.ok(!/^[=+\-@\t\r]/.test(cell), `unneutralised cell ${cell}`);
    // JSON cells keep the injected text verbatim inside them.
    const after = JSON.parse(slyRow[12]!);
    assert.equal(after.nameLatin, '-1+1');
    assert.equal(after.name, '@SUM(A1:A9)');

    const exported = await auditor.get('/api/v1/audit/events?action=audit.exported');
    assert.equal(exported.body.items.length, 1);
    assert.deepEqual(exported.body.items[0].after, { filters: { action: 'facility.' } });
    assert.equal(exported.body.items[0].entityType, 'audit');
  });

  test('each event names its record (prisoner, user, facility, place) only for readers who may see it', async () => {
    const prisoner = await admitPrisoner(t, facilityA.id, { familyName: 'Каримов', givenName: 'Далер', prisonNumber: 'AUD-0017' });
    const officer = await t.signedIn(['officer'], { facilityIds: [facilityA.id] });
    assert.equal((await officer.get(`/api/v1/prisoners/${prisoner.id}`)).status, 200);
    const building = (await admin.post(`/api/v1/facilities/${facilityA.id}/locations`, { parentId: null, kind: 'building', code: 'K', name: 'Корпус К' })).body;
    const wing = (await admin.post(`/api/v1/facilities/${facilityA.id}/locations`, { parentId: building.id, kind: 'wing', code: '2', name: 'Блок 2' })).body;
    const labelOf = (items: { action: string; entityId: string | null; entityLabel: string | null }[], action: string, id: string) =>
      items.find((e) => e.action === action && e.entityId === id)?.entityLabel;

    const page = (await auditor.get('/api/v1/audit/events?limit=500')).body.items;
    assert.equal(labelOf(page, 'prisoner.viewed', prisoner.id), 'Каримов Далер · AUD-0017');
    assert.equal(labelOf(page, 'facility.updated', facilityA.id), `AUD-A · ${facilityBody('AUD-A').name}`);
    assert.equal(labelOf(page, 'location.created', wing.id), 'K-2 · Блок 2');
    const signIn = page.find((e: { action: string; entityType: string }) => e.action === 'auth.signed-in' && e.entityType === 'user');
    assert.match(signIn.entityLabel, /\(.+\)$/, 'a user by name and username');
    // Not every record has a name: the export event names no record.
    assert.equal(page.find((e: { action: string }) => e.action === 'audit.exported').entityLabel, null);

    // Scope applies to the record, not only to the event: a governor of facility A sees the event and
    // the prisoner's name while the prisoner is there, and only the bare id once they are elsewhere.
    const governorA = await t.signedIn(['governor'], { facilityIds: [facilityA.id] });
    assert.equal(labelOf((await governorA.get('/api/v1/audit/events?limit=500')).body.items, 'prisoner.viewed', prisoner.id), 'Каримов Далер · AUD-0017');
    await t.db.updateTable('prisoners').set({ facility_id: facilityB.id }).where('id', '=', prisoner.id).execute();
    assert.equal(labelOf((await governorA.get('/api/v1/audit/events?limit=500')).body.items, 'prisoner.viewed', prisoner.id), null);
  });

  test('verify walks the whole chain', async () => {
    const r = await auditor.get('/api/v1/audit/verify');
    assert.equal(r.status, 200);
    const count = (await auditor.get('/api/v1/audit/events?limit=500')).body.items.length;
    assert.deepEqual(r.body, { ok: true, checked: count, firstBrokenSeq: null, reason: null });
  });
});
