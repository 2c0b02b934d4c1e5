import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Location, LocationKind, Movement, Roll } from '@vigil/contracts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { admitPrisoner } from '../../testing/prisoner-fixtures.ts';
import { movePlacement } from '../prisoners/placements.repository.ts';
import { factories, type Factories } from '../../testing/factories.ts';


describe(`movements, transfers and release over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let factory: Factories;
  let officerA: Client;
  let officerB: Client;
  let seniorA: Client;
  let facilityA: string;
  let facilityB: string;
  let cellA: Location;
  let cellA2: Location;

  const place = (facilityId: string, parentId: string | null, kind: LocationKind, code: string, cell = false) =>
    factory.place(facilityId, kind, parentId, { code, ...(cell && { baselineCapacity: 4 }) });

  /** Admits a prisoner to facility A and puts them in a cell (allocation is another module's endpoint). */
  async function inCell(cell: Location, shape: Parameters<typeof admitPrisoner>[2] = {}) {
    const p = await admitPrisoner(t, cell.facilityId, shape);
    await t.db.transaction().execute((trx) => movePlacement(trx, { prisonerId: p.id, facilityId: cell.facilityId, locationId: cell.id, reason: 'allocated', movedBy: 'test' }));
    return p;
  }
  const prisoner = async (c: Client, id: string) => (await c.get(`/api/v1/prisoners/${id}`)).body;
  const roll = async (c: Client, facilityId: string) => (await c.get(`/api/v1/facilities/${facilityId}/roll`)).body as Roll;
  const placeOnRoll = (r: Roll, id: string) => r.places.find((p) => p.locationId === id)!;

  before(async () => {
    t = await startTestApp();
    factory = factories(t);
    facilityA = (await factory.facility('MOV-A')).id;
    facilityB = (await factory.facility('MOV-B')).id;
    const building = await place(facilityA, null, 'building', 'A');
    const wing = await place(facilityA, building.id, 'wing', '1');
    const landing = await place(facilityA, wing.id, 'landing', '1');
    cellA = await place(facilityA, landing.id, 'cell', '101', true);
    cellA2 = await place(facilityA, landing.id, 'cell', '102', true);
    officerA = await t.signedIn(['officer'], { facilityIds: [facilityA] });
    officerB = await t.signedIn(['officer'], { facilityIds: [facilityB] });
    seniorA = await t.signedIn(['senior_officer'], { facilityIds: [facilityA] });
  });
  after(() => t.close());

  test('a court absence: out and back with times; the cell keeps them on its roll, counted as out', async () => {
    const p = await inCell(cellA);
    const body = { kind: 'court', destination: 'Суди ноҳияи Сино', reason: 'Hearing 4-112/2026', escort: 'Convoy unit 3' };
    assert.equal((await t.client().post(`/api/v1/prisoners/${p.id}/absences`, body)).status, 401);
    assert.equal((await officerB.post(`/api/v1/prisoners/${p.id}/absences`, body)).status, 404, 'another facility cannot move them');
    const analyst = await t.signedIn(['case_manager'], { facilityIds: [facilityA] });
    assert.equal((await analyst.post(`/api/v1/prisoners/${p.id}/absences`, body)).status, 403);

    const out = await officerA.post(`/api/v1/prisoners/${p.id}/absences`, body);
    assert.equal(out.status, 201, JSON.stringify(out.body));
    const m = out.body as Movement;
    assert.equal(m.kind, 'court');
    assert.equal(m.status, 'out');
    assert.equal(m.inAt, null);
    assert.ok(Date.parse(m.outAt) <= Date.now());
    const absent = await prisoner(officerA, p.id);
    assert.equal(absent.state, 'temporarily-absent');
    assert.equal(absent.location.locationId, cellA.id, 'still on the cell roll');
    const r = await roll(officerA, facilityA);
    assert.equal(placeOnRoll(r, cellA.id).count, 1);
    assert.equal(placeOnRoll(r, cellA.id).out, 1);
    assert.equal(r.out, 1);

    const twice = await officerA.post(`/api/v1/prisoners/${p.id}/absences`, body);
    assert.equal(twice.status, 409);
    assert.equal(twice.body.code, 'movement-not-in-custody');

    const back = await officerA.post(`/api/v1/movements/${m.id}/return`, {});
    assert.equal(back.status, 200, JSON.stringify(back.body));
    assert.equal(back.body.status, 'returned');
    assert.ok(Date.parse(back.body.inAt) >= Date.parse(m.outAt));
    assert.equal(back.body.receivedBy.length > 0, true);
    assert.equal((await prisoner(officerA, p.id)).state, 'in-custody');
    assert.equal((await officerA.post(`/api/v1/movements/${m.id}/return`, {})).body.code, 'movement-closed');
    const list = await officerA.get(`/api/v1/prisoners/${p.id}/movements`);
    assert.deepEqual(list.body.items.map((i: Movement) => i.status), ['returned']);
    assert.equal(placeOnRoll(await roll(officerA, facilityA), cellA.id).out, 0);
  });

  test('transfer: the receiving facility sees them coming, signs for them, and the file follows', async () => {
    const p = await inCell(cellA2, { familyName: 'Қодиров', givenName: 'Ҷамшед' });
    const body = { toFacilityId: facilityB, reason: 'Sentence to be served in colony', escort: 'Convoy 7, vehicle 01 A 234' };
    const self = await officerA.post(`/api/v1/prisoners/${p.id}/transfers`, { ...body, toFacilityId: facilityA });
    assert.equal(self.status, 422);
    assert.equal(self.body.code, 'transfer-destination');
    const nowhere = await officerA.post(`/api/v1/prisoners/${p.id}/transfers`, { ...body, toFacilityId: '00000000-0000-4000-8000-000000000000' });
    assert.equal(nowhere.body.code, 'transfer-destination');

    // The sender is not assigned to the destination, yet may choose it.
    const destinations = await officerA.get('/api/v1/transfer-destinations');
    assert.equal(destinations.status, 200);
    assert.ok(destinations.body.items.some((f: { id: string }) => f.id === facilityB));
    const sent = await officerA.post(`/api/v1/prisoners/${p.id}/transfers`, body);
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    assert.equal(sent.body.status, 'in-transit');
    assert.equal(sent.body.toFacilityCode, 'MOV-B');
    const inTransit = await prisoner(officerA, p.id);
    assert.equal(inTransit.state, 'in-transit');
    assert.equal(inTransit.location, null, 'on no cell roll while in transit');
    assert.equal((await roll(officerA, facilityA)).inTransitOut, 1);
    assert.equal((await roll(officerB, facilityB)).inTransitIn, 1);

    // The receiving facility sees who is coming although the file is still the sender's.
    assert.equal((await officerB.get(`/api/v1/prisoners/${p.id}`)).status, 404);
    const coming = await officerB.get(`/api/v1/facilities/${facilityB}/transfers-in`);
    assert.equal(coming.status, 200);
    assert.equal(coming.body.items.length, 1);
    const item = coming.body.items[0];
    assert.equal(item.familyName, 'Қодиров');
    assert.equal(item.prisonNumber, p.prisonNumber);
    assert.equal(item.fromFacilityCode, 'MOV-A');
    assert.equal(item.escort, body.escort);
    assert.ok(item.outAt);
    assert.equal((await officerA.get(`/api/v1/facilities/${facilityB}/transfers-in`)).status, 404, 'not the sender’s list to read');
    // Only the receiving facility signs for them.
    assert.equal((await officerA.post(`/api/v1/movements/${sent.body.id}/receive`, {})).status, 404);

    const received = await officerB.post(`/api/v1/movements/${sent.body.id}/receive`, {});
    assert.equal(received.status, 200, JSON.stringify(received.body));
    assert.equal(received.body.status, 'received');
    assert.ok(received.body.receivedBy);
    const now = await prisoner(officerB, p.id);
    assert.equal(now.state, 'in-custody');
    assert.equal(now.facilityId, facilityB);
    assert.equal(now.location, null, 'in reception until allocated');
    assert.equal((await officerA.get(`/api/v1/prisoners/${p.id}`)).status, 404, 'the sender no longer sees the file');
    assert.equal((await officerB.get(`/api/v1/facilities/${facilityB}/transfers-in`)).body.items.length, 0);
    assert.equal((await officerB.post(`/api/v1/movements/${sent.body.id}/receive`, {})).body.code, 'movement-closed');

    const history = (await officerB.get(`/api/v1/prisoners/${p.id}/placements`)).body.items as { facilityId: string; locationId: string | null; toAt: string | null }[];
    assert.deepEqual(
      history.map((h) => [h.facilityId, h.locationId, h.toAt === null]),
      [
        [facilityB, null, true],
        [facilityA, cellA2.id, false],
        [facilityA, null, false],
      ],
    );
    const rB = await roll(officerB, facilityB);
    assert.equal(rB.unallocated, 1);
    assert.equal(rB.total, 1);
    assert.equal((await roll(officerA, facilityA)).inTransitOut, 0);

    // Both facilities' audit trails record the transfer.
    const events = await t.db.selectFrom('audit_events').select(['action', 'facility_id']).where('entity_id', '=', p.id).where('action', 'like', 'prisoner.transfer-%').execute();
    const seen = new Set(events.map((e) => `${e.action} ${e.facility_id}`));
    for (const action of ['prisoner.transfer-sent', 'prisoner.transfer-received']) {
      assert.ok(seen.has(`${action} ${facilityA}`), `${action} for the sender`);
      assert.ok(seen.has(`${action} ${facilityB}`), `${action} for the receiver`);
    }
  });

  test('a transfer cancelled before receipt brings them back to the sender’s reception', async () => {
    const p = await inCell(cellA);
    const sent = await officerA.post(`/api/v1/prisoners/${p.id}/transfers`, { toFacilityId: facilityB, reason: 'Transfer', escort: 'Convoy 2' });
    assert.equal(sent.status, 201);
    assert.equal((await officerB.post(`/api/v1/movements/${sent.body.id}/cancel`, { reason: 'x' })).status, 404, 'the receiver cannot cancel');
    const cancelled = await officerA.post(`/api/v1/movements/${sent.body.id}/cancel`, { reason: 'Convoy did not arrive' });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    assert.equal(cancelled.body.status, 'cancelled');
    const back = await prisoner(officerA, p.id);
    assert.equal(back.state, 'in-custody');
    assert.equal(back.facilityId, facilityA);
    assert.equal((await officerB.get(`/api/v1/facilities/${facilityB}/transfers-in`)).body.items.length, 0);
    assert.equal((await officerB.post(`/api/v1/movements/${sent.body.id}/receive`, {})).body.code, 'movement-closed');
  });

  test('release: refused before the due date without an order, refused with property out, allowed after return', async () => {
    const p = await inCell(cellA);
    await t.db
      .insertInto('property_items')
      .values([
        { prisoner_id: p.id, description: 'Часы «Восток»', quantity: 1, storage: 'stored', seal_number: 'S-101', received_by: 'reception' },
        { prisoner_id: p.id, description: 'Ремень', quantity: 1, storage: 'stored', received_by: 'reception' },
      ])
      .execute();
    await t.db.insertInto('prisoner_alerts').values({ prisoner_id: p.id, code: 'self-harm', starts_on: '2024-01-01', raised_by: 'test' }).execute();
    await t.db.insertInto('prisoner_alerts').values({ prisoner_id: p.id, code: 'intelligence-interest', starts_on: '2024-01-01', raised_by: 'test' }).execute();

    assert.equal((await officerA.get(`/api/v1/prisoners/${p.id}/release-check`)).status, 403, 'officers do not release');
    const check = await seniorA.get(`/api/v1/prisoners/${p.id}/release-check`);
    assert.equal(check.status, 200, JSON.stringify(check.body));
    assert.equal(check.body.dueDate, '2029-01-10');
    assert.equal(check.body.due, false);
    assert.equal(check.body.propertyOutstanding.length, 2);
    assert.deepEqual(check.body.activeAlerts.map((a: { code: string }) => a.code), ['self-harm'], 'restricted alert codes stay hidden');
    assert.deepEqual(check.body.blockers, ['release-not-due', 'property-outstanding']);

    const body = { basis: 'sentence-served', notifications: { family: true }, version: check.body.version };
    const early = await seniorA.post(`/api/v1/prisoners/${p.id}/release`, body);
    assert.equal(early.status, 422);
    assert.equal(early.body.code, 'release-blocked');
    assert.deepEqual(early.body.errors.map((e: { message: string }) => e.message), ['release-not-due', 'property-outstanding']);

    // A court order lifts the date, but not the property.
    const ordered = { ...body, basis: 'court-order', orderReference: 'Суд 4-112/2026' };
    const withProperty = await seniorA.post(`/api/v1/prisoners/${p.id}/release`, ordered);
    assert.equal(withProperty.status, 422);
    assert.deepEqual(withProperty.body.errors.map((e: { message: string }) => e.message), ['property-outstanding']);
    assert.equal((await prisoner(seniorA, p.id)).state, 'in-custody', 'nothing changed');

    const items = (await seniorA.get(`/api/v1/prisoners/${p.id}/property`)).body.items as { id: string }[];
    const strangers = await officerA.post(`/api/v1/prisoners/${p.id}/property/return`, { itemIds: [items[0]!.id, '00000000-0000-4000-8000-000000000000'] });
    assert.equal(strangers.status, 422);
    assert.equal(strangers.body.code, 'property-items-unknown');
    const viewer = await t.signedIn(['case_manager'], { facilityIds: [facilityA] });
    assert.equal((await viewer.post(`/api/v1/prisoners/${p.id}/property/return`, { itemIds: [items[0]!.id] })).status, 403);
    const returned = await officerA.post(`/api/v1/prisoners/${p.id}/property/return`, { itemIds: items.map((i) => i.id) });
    assert.equal(returned.status, 200, JSON.stringify(returned.body));
    assert.ok(returned.body.items.every((i: { returnedAt: string | null; returnedBy: string | null }) => i.returnedAt && i.returnedBy));
    assert.equal((await officerA.post(`/api/v1/prisoners/${p.id}/property/return`, { itemIds: [items[0]!.id] })).body.code, 'property-items-unknown', 'only once');

    // Still not due without an order; a stale version conflicts.
    assert.deepEqual((await seniorA.post(`/api/v1/prisoners/${p.id}/release`, body)).body.errors.map((e: { message: string }) => e.message), ['release-not-due']);
    assert.equal((await seniorA.post(`/api/v1/prisoners/${p.id}/release`, { ...ordered, version: 99 })).status, 409);
    const onRollBefore = placeOnRoll(await roll(officerA, facilityA), cellA.id).count;
    const released = await seniorA.post(`/api/v1/prisoners/${p.id}/release`, { ...ordered, notifications: { family: true, police: true } });
    assert.equal(released.status, 201, JSON.stringify(released.body));
    assert.equal(released.body.kind, 'release');
    assert.deepEqual(released.body.release, { basis: 'court-order', orderReference: 'Суд 4-112/2026', notifications: { family: true, police: true, probation: false } });
    const after = await prisoner(seniorA, p.id);
    assert.equal(after.state, 'released');
    assert.ok(after.releasedAt);
    assert.equal(after.location, null);
    const again = await seniorA.post(`/api/v1/prisoners/${p.id}/release`, { ...ordered, version: after.version });
    assert.deepEqual(again.body.errors.map((e: { message: string }) => e.message), ['prisoner-not-held']);
    assert.equal(placeOnRoll(await roll(officerA, facilityA), cellA.id).count, onRollBefore - 1, 'off the cell roll');
  });

  test('release on the due date needs no order; released from court closes the absence', async () => {
    const p = await inCell(cellA2);
    await t.db.updateTable('prisoners').set({ latest_release_date: '2025-06-01' }).where('id', '=', p.id).execute();
    const out = await officerA.post(`/api/v1/prisoners/${p.id}/absences`, { kind: 'court', destination: 'Court', reason: 'Appeal' });
    const check = await seniorA.get(`/api/v1/prisoners/${p.id}/release-check`);
    assert.equal(check.body.due, true);
    assert.deepEqual(check.body.blockers, []);
    const released = await seniorA.post(`/api/v1/prisoners/${p.id}/release`, { basis: 'sentence-served', notifications: { family: false }, version: check.body.version });
    assert.equal(released.status, 201, JSON.stringify(released.body));
    const movements = (await seniorA.get(`/api/v1/prisoners/${p.id}/movements`)).body.items as Movement[];
    assert.deepEqual(movements.map((m) => [m.kind, m.status]).sort(), [['court', 'returned'], ['release', 'released']]);
    assert.ok(movements.find((m) => m.id === out.body.id)!.inAt);
  });

  test('the roll sums cells up to landings, wings and blocks after moves', async () => {
    const facility = (await factory.facility('MOV-R')).id;
    const officer = await t.signedIn(['officer'], { facilityIds: [facility] });
    const b = await place(facility, null, 'building', 'A');
    const w1 = await place(facility, b.id, 'wing', '1');
    const w2 = await place(facility, b.id, 'wing', '2');
    const l1 = await place(facility, w1.id, 'landing', '1');
    const l2 = await place(facility, w2.id, 'landing', '1');
    const c1 = await place(facility, l1.id, 'cell', '101', true);
    const c2 = await place(facility, l1.id, 'cell', '102', true);
    const c3 = await place(facility, l2.id, 'cell', '101', true);
    await place(facility, null, 'yard', 'Y1');
    const [p1] = [await inCell(c1), await inCell(c1), await inCell(c2), await inCell(c3)];
    await admitPrisoner(t, facility); // in reception, no cell
    await officer.post(`/api/v1/prisoners/${p1!.id}/absences`, { kind: 'hospital', destination: 'City hospital', reason: 'X-ray' });

    const r = await roll(officer, facility);
    const count = (id: string) => [placeOnRoll(r, id).count, placeOnRoll(r, id).out];
    assert.deepEqual(count(c1.id), [2, 1]);
    assert.deepEqual(count(c2.id), [1, 0]);
    assert.deepEqual(count(l1.id), [3, 1]);
    assert.deepEqual(count(w1.id), [3, 1]);
    assert.deepEqual(count(w2.id), [1, 0]);
    assert.deepEqual(count(b.id), [4, 1]);
    assert.ok(!r.places.some((p) => p.kind === 'yard'), 'only residential places');
    assert.equal(placeOnRoll(r, c1.id).path, 'A-1-1-101');
    assert.equal(placeOnRoll(r, c1.id).parentId, l1.id);
    assert.equal(r.unallocated, 1);
    assert.equal(r.total, 5);
    assert.equal(r.out, 1);
    assert.equal(r.present, 4);

    // A move between cells shows at once.
    const mover = await inCell(c3);
    await t.db.transaction().execute((trx) => movePlacement(trx, { prisonerId: mover.id, facilityId: facility, locationId: c2.id, reason: 'move', movedBy: 'test' }));
    const r2 = await roll(officer, facility);
    assert.equal(placeOnRoll(r2, c2.id).count, 2);
    assert.equal(placeOnRoll(r2, w2.id).count, 1);
    assert.equal((await officerB.get(`/api/v1/facilities/${facility}/roll`)).status, 404);
  });

  test('the audit chain verifies after all of that', async () => {
    const result = await verifyAuditChain(t.db);
    assert.ok(result.ok, JSON.stringify(result.firstBroken));
  });
});
