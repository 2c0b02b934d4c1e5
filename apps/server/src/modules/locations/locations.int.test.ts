import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Location } from '@vigil/contracts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { factories, type Factories } from '../../testing/factories.ts';

const cellFields = { baselineCapacity: 2, operationalCapacity: 3, sexDesignation: 'male', securityLevel: 'high' };

describe(`locations over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let factory: Factories;
  let manager: Client;
  let officer: Client;
  let facilityA: string;
  let facilityB: string;

  /** Adds a place through the API; fails the test unless it is created. */
  async function place(facilityId: string, parentId: string | null, kind: string, code: string, extra: Record<string, unknown> = {}): Promise<Location> {
    const r = await manager.post(`/api/v1/facilities/${facilityId}/locations`, { parentId, kind, code, name: `${kind} ${code}`, ...extra });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body;
  }
  const tree = async (facilityId: string, includeInactive = false) =>
    (await manager.get(`/api/v1/facilities/${facilityId}/locations${includeInactive ? '?includeInactive=true' : ''}`)).body.items as Location[];
  const count = async () => Number((await t.db.selectFrom('locations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const editable = (l: Location) => ({
    parentId: l.parentId,
    kind: l.kind,
    code: l.code,
    name: l.name,
    baselineCapacity: l.baselineCapacity,
    operationalCapacity: l.operationalCapacity,
    sexDesignation: l.sexDesignation,
    securityLevel: l.securityLevel,
    specialTypes: l.specialTypes,
    version: l.version,
  });

  before(async () => {
    t = await startTestApp();
    factory = factories(t);
    facilityA = (await factory.facility('LOC-A')).id;
    facilityB = (await factory.facility('LOC-B')).id;
    // The security manager is the realistic owner of the estate and holds locations.manage.
    manager = await t.signedIn(['security_manager'], { facilityIds: [facilityA, facilityB] });
    officer = await t.signedIn(['officer'], { facilityIds: [facilityA] });
  });
  after(() => t.close());

  test('401 without a session, 403 for an officer, 201 for a manager; paths are codes from the top', async () => {
    const body = { parentId: null, kind: 'building', code: 'Z', name: 'Корпус Z' };
    assert.equal((await t.client().post(`/api/v1/facilities/${facilityA}/locations`, body)).status, 401);
    const denied = await officer.post(`/api/v1/facilities/${facilityA}/locations`, body);
    assert.equal(denied.status, 403);
    assert.equal(denied.body.code, 'forbidden');

    const a = await place(facilityA, null, 'building', 'A');
    const wing = await place(facilityA, a.id, 'wing', '1');
    const landing = await place(facilityA, wing.id, 'landing', '2');
    const cell = await place(facilityA, landing.id, 'cell', '14', { ...cellFields, specialTypes: ['accessible', 'observation', 'accessible'] });
    assert.equal(cell.path, 'A-1-2-14');
    assert.deepEqual(cell.specialTypes, ['observation', 'accessible']);
    assert.equal(cell.version, 1);
    const read = await officer.get(`/api/v1/locations/${cell.id}`);
    assert.equal(read.status, 200);
    assert.equal(read.body.path, 'A-1-2-14');
    assert.equal(read.body.operationalCapacity, 3);
    const paths = (await officer.get(`/api/v1/facilities/${facilityA}/locations`)).body.items.map((l: Location) => l.path);
    assert.deepEqual(paths, ['A', 'A-1', 'A-1-2', 'A-1-2-14']);
  });

  test('placement rules: 422 location-placement, and nothing is stored', async () => {
    const before = await count();
    const yard = await place(facilityA, null, 'yard', 'Y1');
    const building = await place(facilityA, null, 'building', 'P');
    const cases = [
      { parentId: null, kind: 'cell', code: 'C1', ...cellFields },
      { parentId: null, kind: 'wing', code: 'W1' },
      { parentId: yard.id, kind: 'landing', code: 'L1' },
      { parentId: building.id, kind: 'gate', code: 'G1' },
      { parentId: building.id, kind: 'building', code: 'B1' },
    ];
    for (const c of cases) {
      const r = await manager.post(`/api/v1/facilities/${facilityA}/locations`, { name: 'x', ...c });
      assert.equal(r.status, 422, `${c.kind} under ${c.parentId}`);
      assert.equal(r.body.code, 'location-placement');
      assert.match(r.headers.get('content-type')!, /application\/problem\+json/);
    }
    assert.equal(await count(), before + 2);
  });

  test('cell fields are required on cells and refused elsewhere; operational below baseline is refused', async () => {
    const b = await place(facilityA, null, 'building', 'CF');
    const landing = await place(facilityA, (await place(facilityA, b.id, 'wing', '1')).id, 'landing', '1');
    const before = await count();
    const noCapacity = await manager.post(`/api/v1/facilities/${facilityA}/locations`, { parentId: landing.id, kind: 'cell', code: '01', name: '01' });
    assert.equal(noCapacity.status, 422);
    assert.equal(noCapacity.body.code, 'location-cell-fields');
    const wingWithCapacity = await manager.post(`/api/v1/facilities/${facilityA}/locations`, { parentId: b.id, kind: 'wing', code: '9', name: '9', baselineCapacity: 40 });
    assert.equal(wingWithCapacity.status, 422);
    assert.equal(wingWithCapacity.body.code, 'location-cell-fields');
    const order = await manager.post(`/api/v1/facilities/${facilityA}/locations`, { parentId: landing.id, kind: 'cell', code: '02', name: '02', ...cellFields, baselineCapacity: 4, operationalCapacity: 3 });
    assert.equal(order.status, 422);
    assert.equal(order.body.code, 'capacity-order');
    assert.equal(await count(), before);
  });

  test('a parent in another facility is refused with 422 location-other-facility', async () => {
    const inB = await place(facilityB, null, 'building', 'OB');
    const r = await manager.post(`/api/v1/facilities/${facilityA}/locations`, { parentId: inB.id, kind: 'wing', code: 'X', name: 'X' });
    assert.equal(r.status, 422);
    assert.equal(r.body.code, 'location-other-facility');
  });

  test('a wing inside its own cell, or a place inside itself, is a cycle: 409 and nothing moves', async () => {
    const b = await place(facilityA, null, 'building', 'CY');
    const wing = await place(facilityA, b.id, 'wing', '1');
    const landing = await place(facilityA, wing.id, 'landing', '1');
    const cell = await place(facilityA, landing.id, 'cell', '01', cellFields);
    const intoOwnCell = await manager.put(`/api/v1/locations/${wing.id}`, { ...editable(wing), parentId: cell.id });
    assert.equal(intoOwnCell.status, 409);
    assert.equal(intoOwnCell.body.code, 'location-cycle');
    const intoItself = await manager.put(`/api/v1/locations/${b.id}`, { ...editable(b), parentId: b.id });
    assert.equal(intoItself.status, 409);
    assert.equal(intoItself.body.code, 'location-cycle');
    const now = (await manager.get(`/api/v1/locations/${wing.id}`)).body;
    assert.equal(now.parentId, b.id);
    assert.equal(now.version, 1);
  });

  test('moving a landing to another wing re-computes the paths below it', async () => {
    const b = await place(facilityA, null, 'building', 'MV');
    const w1 = await place(facilityA, b.id, 'wing', '1');
    const w2 = await place(facilityA, b.id, 'wing', '2');
    const landing = await place(facilityA, w1.id, 'landing', '3');
    const cell = await place(facilityA, landing.id, 'cell', '07', cellFields);
    const moved = await manager.put(`/api/v1/locations/${landing.id}`, { ...editable(landing), parentId: w2.id });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal(moved.body.path, 'MV-2-3');
    assert.equal(moved.body.version, 2);
    assert.equal((await manager.get(`/api/v1/locations/${cell.id}`)).body.path, 'MV-2-3-07');
    // A wing with landings cannot become a yard: its landings would no longer fit.
    const badKind = await manager.put(`/api/v1/locations/${w2.id}`, { ...editable(w2), kind: 'yard' });
    assert.equal(badKind.status, 422);
    assert.equal(badKind.body.code, 'location-placement');
  });

  test('codes are unique among siblings, ignoring case; the same code elsewhere is fine', async () => {
    const b = await place(facilityA, null, 'building', 'DU');
    await place(facilityA, b.id, 'wing', 'north');
    const dup = await manager.post(`/api/v1/facilities/${facilityA}/locations`, { parentId: b.id, kind: 'wing', code: 'NORTH', name: 'again' });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.code, 'duplicate-code');
    const other = await place(facilityA, null, 'building', 'DV');
    await place(facilityA, other.id, 'wing', 'north');
  });

  test('deactivate with a reason, never delete; active children block it; reactivate', async () => {
    const b = await place(facilityA, null, 'building', 'DE');
    const wing = await place(facilityA, b.id, 'wing', '1');
    const blocked = await manager.post(`/api/v1/locations/${b.id}/deactivate`, { reason: 'Ремонт', version: b.version });
    assert.equal(blocked.status, 409);
    assert.equal(blocked.body.code, 'location-has-active-children');

    const off = await manager.post(`/api/v1/locations/${wing.id}/deactivate`, { reason: 'Ремонт крыши', version: 1 });
    assert.equal(off.status, 200);
    assert.equal(off.body.active, false);
    assert.equal(off.body.deactivationReason, 'Ремонт крыши');
    assert.ok(!(await tree(facilityA)).some((l) => l.id === wing.id), 'hidden by default');
    assert.ok((await tree(facilityA, true)).some((l) => l.id === wing.id), 'still there with includeInactive');

    const bOff = await manager.post(`/api/v1/locations/${b.id}/deactivate`, { reason: 'Закрыт', version: 1 });
    assert.equal(bOff.status, 200);
    const under = await manager.post(`/api/v1/facilities/${facilityA}/locations`, { parentId: b.id, kind: 'wing', code: '2', name: '2' });
    assert.equal(under.status, 422);
    assert.equal(under.body.code, 'location-parent-inactive');
    const childFirst = await manager.post(`/api/v1/locations/${wing.id}/reactivate`, { version: 2 });
    assert.equal(childFirst.status, 422);
    assert.equal(childFirst.body.code, 'location-parent-inactive');
    const renamed = await manager.put(`/api/v1/locations/${wing.id}`, { ...editable(off.body), name: 'Крыло (закрыто)' });
    assert.equal(renamed.status, 200, 'an inactive place can still be corrected where it stands');
    assert.equal(renamed.body.active, false);

    const on = await manager.post(`/api/v1/locations/${b.id}/reactivate`, { version: 2 });
    assert.equal(on.status, 200);
    assert.equal(on.body.active, true);
    assert.equal(on.body.deactivationReason, null);
    const stale = await manager.post(`/api/v1/locations/${b.id}/deactivate`, { reason: 'x', version: 2 });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.code, 'edit-conflict');
  });

  test('the second of two edits from the same version gets 409 edit-conflict and nothing is overwritten', async () => {
    const b = await place(facilityA, null, 'building', 'ED');
    const first = await manager.put(`/api/v1/locations/${b.id}`, { ...editable(b), name: 'Корпус первый' });
    assert.equal(first.status, 200);
    const second = await manager.put(`/api/v1/locations/${b.id}`, { ...editable(b), name: 'Корпус второй' });
    assert.equal(second.status, 409);
    assert.equal(second.body.code, 'edit-conflict');
    assert.equal((await manager.get(`/api/v1/locations/${b.id}`)).body.name, 'Корпус первый');
  });

  test('bulk cells: all created in one go, each audited; one clash refuses them all', async () => {
    const b = await place(facilityA, null, 'building', 'BK');
    const landing = await place(facilityA, (await place(facilityA, b.id, 'wing', '1')).id, 'landing', '1');
    const bulk = { landingId: landing.id, firstNumber: 1, count: 30, digits: 2, baselineCapacity: 4, operationalCapacity: 6, sexDesignation: 'male', securityLevel: 'medium', specialTypes: [] };
    const made = await manager.post(`/api/v1/facilities/${facilityA}/locations/bulk-cells`, bulk);
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const codes = made.body.items.map((l: Location) => l.code);
    assert.equal(codes.length, 30);
    assert.equal(codes[0], '01');
    assert.equal(codes[29], '30');
    assert.equal(made.body.items[4].path, 'BK-1-1-05');
    const ids = made.body.items.map((l: Location) => l.id);
    const events = await t.db.selectFrom('audit_events').select('entity_id').where('action', '=', 'location.created').where('entity_id', 'in', ids).execute();
    assert.equal(events.length, 30);

    const before = await count();
    const clash = await manager.post(`/api/v1/facilities/${facilityA}/locations/bulk-cells`, { ...bulk, firstNumber: 25, count: 10 });
    assert.equal(clash.status, 409);
    assert.equal(clash.body.code, 'duplicate-code');
    assert.equal(await count(), before, 'cells 31-34 were not kept');

    const onBuilding = await manager.post(`/api/v1/facilities/${facilityA}/locations/bulk-cells`, { ...bulk, landingId: b.id, firstNumber: 100 });
    assert.equal(onBuilding.status, 422);
    assert.equal(onBuilding.body.code, 'location-placement');
    const order = await manager.post(`/api/v1/facilities/${facilityA}/locations/bulk-cells`, { ...bulk, firstNumber: 100, baselineCapacity: 6, operationalCapacity: 4 });
    assert.equal(order.status, 422);
    assert.equal(order.body.code, 'capacity-order');
    const otherFacility = await manager.post(`/api/v1/facilities/${facilityB}/locations/bulk-cells`, { ...bulk, firstNumber: 100 });
    assert.equal(otherFacility.status, 422);
    assert.equal(otherFacility.body.code, 'location-other-facility');
    assert.equal(await count(), before);
  });

  test('facility scope: a user sees only the places of their facilities', async () => {
    const inB = await place(facilityB, null, 'building', 'SC');
    assert.equal((await officer.get(`/api/v1/facilities/${facilityB}/locations`)).status, 404);
    assert.equal((await officer.get(`/api/v1/locations/${inB.id}`)).status, 404);
    const outsider = await t.signedIn(['security_manager'], { facilityIds: [facilityB] });
    const r = await outsider.post(`/api/v1/facilities/${facilityB}/locations`, { parentId: null, kind: 'building', code: 'SD', name: 'x' });
    assert.equal(r.status, 201);
    const intoA = await outsider.post(`/api/v1/facilities/${facilityA}/locations`, { parentId: null, kind: 'building', code: 'SE', name: 'x' });
    assert.equal(intoA.status, 404);
  });

  test('bad input: unknown fields, wrong types, malformed JSON, bad ids; injection strings round-trip verbatim', async () => {
    const base = { parentId: null, kind: 'building', code: 'BI', name: 'x' };
    const unknown = await manager.post(`/api/v1/facilities/${facilityA}/locations`, { ...base, floorArea: 12 });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.code, 'validation');
    const wrongType = await manager.post(`/api/v1/facilities/${facilityA}/locations`, { ...base, kind: 'dungeon' });
    assert.equal(wrongType.status, 400);
    const badCode = await manager.post(`/api/v1/facilities/${facilityA}/locations`, { ...base, code: 'A B' });
    assert.equal(badCode.status, 400);
    const malformed = await manager.request('POST', `/api/v1/facilities/${facilityA}/locations`, '{"kind":');
    assert.equal(malformed.body.code, 'malformed-json');
    assert.equal((await manager.get('/api/v1/locations/not-a-uuid')).status, 400);
    assert.equal((await manager.get('/api/v1/locations/00000000-0000-4000-8000-000000000000')).status, 404);

    const name = `Корпус'); DROP TABLE locations;-- <img src=x onerror=alert(1)> ғӣқӯҳҷ`;
    const made = await place(facilityA, null, 'building', 'INJ', { name });
    assert.equal((await manager.get(`/api/v1/locations/${made.id}`)).body.name, name);
  });

  test('the tree is kept in memory between writes: every change shows on the next read, and the copy is never shown out of scope', async () => {
    const top = await place(facilityB, null, 'building', 'K');
    const before = await tree(facilityB);
    assert.deepEqual(await tree(facilityB), before, 'the same tree twice');
    const wing = await place(facilityB, top.id, 'wing', '7');
    assert.ok((await tree(facilityB)).some((l) => l.id === wing.id), 'a new place shows at once');
    const renamed = await manager.put(`/api/v1/locations/${wing.id}`, { ...editable(wing), name: 'Блок 7' });
    assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
    assert.equal((await tree(facilityB)).find((l) => l.id === wing.id)!.name, 'Блок 7', 'a rename shows at once');
    // A write straight to the table (not through the service) is seen as well.
    await t.db.updateTable('locations').set({ name: 'Блок семь' }).where('id', '=', wing.id).execute();
    assert.equal((await tree(facilityB)).find((l) => l.id === wing.id)!.name, 'Блок семь');
    // The officer is not assigned to B: the manager's copy is not theirs to read.
    const hidden = await officer.get(`/api/v1/facilities/${facilityB}/locations`);
    assert.equal(hidden.status, 404);
    assert.equal(hidden.body.code, 'not-found');
  });

  test('the tree comes gzipped to clients that accept it, and as 304 Not Modified to a client that holds the same version', async () => {
    const url = `${manager.base}/api/v1/facilities/${facilityB}/locations`;
    const get = (headers: Record<string, string>) => fetch(url, { headers: { cookie: manager.cookie, ...headers } });
    const plain = await get({ 'accept-encoding': 'identity' });
    assert.equal(plain.headers.get('content-encoding'), null);
    const items = ((await plain.json()) as { items: Location[] }).items;
    assert.ok(items.length > 0);
    const zipped = await get({ 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(zipped.headers.get('content-encoding'), 'gzip');
    assert.deepEqual(((await zipped.json()) as { items: Location[] }).items, items, 'the same tree, decompressed');
    const etag = plain.headers.get('etag')!;
    assert.match(etag, /^"[\w-]+"$/);
    assert.equal(plain.headers.get('cache-control'), 'private, no-cache');

    const unchanged = await get({ 'if-none-match': etag });
    assert.equal(unchanged.status, 304);
    assert.equal(await unchanged.text(), '');
    await place(facilityB, null, 'building', 'N');
    const changed = await get({ 'if-none-match': etag });
    assert.equal(changed.status, 200, 'a changed tree is sent in full');
    assert.notEqual(changed.headers.get('etag'), etag);
    // Out of scope, a tag learnt elsewhere reveals nothing: 404, not 304.
    const probe = await fetch(url, { headers: { cookie: officer.cookie, 'if-none-match': changed.headers.get('etag')! } });
    assert.equal(probe.status, 404);
  });

  test('every write above left a verifiable audit chain', async () => {
    const result = await verifyAuditChain(t.db);
    assert.ok(result.ok, JSON.stringify(result.firstBroken));
    assert.ok(result.checked > 40);
  });
});
