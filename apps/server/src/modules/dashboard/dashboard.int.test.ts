import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import { systemContext } from '../../platform/access/actor.ts';
import { admitPrisoner } from '../../testing/prisoner-fixtures.ts';
import { movePlacement } from '../prisoners/placements.repository.ts';
import type { LocationKind } from '@vigil/contracts';
import { factories, type Factories } from '../../testing/factories.ts';

describe(`dashboard over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let factory: Factories;
  let facilityA: string;
  let facilityB: string;

  before(async () => {
    t = await startTestApp();
    factory = factories(t);
    const system = systemContext('test');
    facilityA = (await factory.facility('DASH-A', { capacity: 800 })).id;
    facilityB = (await factory.facility('DASH-B', { capacity: 300 })).id;
    const place = (facilityId: string, parentId: string | null, kind: LocationKind, code: string) => factory.place(facilityId, kind, parentId, { code });
    const building = await place(facilityA, null, 'building', 'A');
    const landing = await place(facilityA, (await place(facilityA, building.id, 'wing', '1')).id, 'landing', '1');
    await place(facilityA, null, 'yard', 'Y');
    const cells = await t.services.locations.bulkCells(system, facilityA, {
      landingId: landing.id, prefix: '', firstNumber: 1, count: 10, digits: 2,
      baselineCapacity: 2, operationalCapacity: 3, sexDesignation: 'male', securityLevel: 'high', specialTypes: [],
    });
    // A deactivated cell no longer counts towards cells or capacity.
    await t.services.locations.deactivate(system, cells[0]!.id, 'Затоплена', 1);
    // Three prisoners: one in a cell, one out at court, one still in reception; a released one does not count.
    const [housed, atCourt, _inReception, released] = [await admitPrisoner(t, facilityA), await admitPrisoner(t, facilityA), await admitPrisoner(t, facilityA), await admitPrisoner(t, facilityA)];
    await t.db.transaction().execute((trx) => movePlacement(trx, { prisonerId: housed.id, facilityId: facilityA, locationId: cells[1]!.id, reason: 'test', movedBy: 'test' }));
    await t.db.updateTable('prisoners').set({ state: 'temporarily-absent' }).where('id', '=', atCourt.id).execute();
    await t.db.updateTable('prisoners').set({ state: 'released', released_at: new Date() }).where('id', '=', released.id).execute();
  });
  after(() => t.close());

  test('counts per facility: capacity, active cells and their capacities, places, active staff', async () => {
    const governor = await t.signedIn(['governor'], { facilityIds: [facilityA, facilityB] });
    const other = await t.createUser({ roles: ['officer'], facilityIds: [facilityA] });
    const gone = await t.createUser({ roles: ['officer'], facilityIds: [facilityA] });
    await t.db.updateTable('users').set({ active: false }).where('id', '=', gone.id).execute();
    assert.ok(other.id);

    const r = await governor.get('/api/v1/dashboard');
    assert.equal(r.status, 200);
    const [a, b] = r.body.facilities;
    assert.deepEqual(
      { code: a.code, capacity: a.capacity, cells: a.cells, baseline: a.baselineCapacity, operational: a.operationalCapacity, locations: a.locations, staff: a.staff },
      // 9 active cells × 2 and × 3; places: building, wing, landing, yard and 9 cells; staff: governor and one active officer.
      { code: 'DASH-A', capacity: 800, cells: 9, baseline: 18, operational: 27, locations: 13, staff: 2 },
    );
    assert.deepEqual({ code: b.code, cells: b.cells, baseline: b.baselineCapacity, locations: b.locations, staff: b.staff }, { code: 'DASH-B', cells: 0, baseline: 0, locations: 0, staff: 1 });
    assert.deepEqual({ population: a.population, awaitingCell: a.awaitingCell }, { population: 3, awaitingCell: 1 });
    assert.deepEqual({ population: b.population, awaitingCell: b.awaitingCell }, { population: 0, awaitingCell: 0 });
  });

  test('only the facilities the user may see; partner liaison may read it; no session is 401', async () => {
    const liaison = await t.signedIn(['partner_liaison'], { facilityIds: [facilityB] });
    const r = await liaison.get('/api/v1/dashboard');
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.facilities.map((f: { code: string }) => f.code), ['DASH-B']);
    const unassigned = await t.signedIn(['officer']);
    assert.deepEqual((await unassigned.get('/api/v1/dashboard')).body.facilities, []);
    assert.equal((await t.client().get('/api/v1/dashboard')).status, 401);
  });
});
