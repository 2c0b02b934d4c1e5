import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CountSession, CountUnit, Location, LocationKind } from '@vigil/contracts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { admitPrisoner } from '../../testing/prisoner-fixtures.ts';
import { movePlacement } from '../prisoners/placements.repository.ts';
import { factories, type Factories } from '../../testing/factories.ts';


describe(`count sessions over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let factory: Factories;
  let officer: Client;
  let outsider: Client;
  let facility: string;
  let wing1: Location;
  let wing2: Location;
  let womenBlock: Location;
  let cell1: Location;
  let cell2: Location;

  // Cells of four, men's, high security.
  const place = (parentId: string | null, kind: LocationKind, code: string) => factory.place(facility, kind, parentId, { code, name: `${kind} ${code}`, baselineCapacity: 4 });
  async function inCell(cell: Location) {
    const p = await admitPrisoner(t, facility);
    await t.db.transaction().execute((trx) => movePlacement(trx, { prisonerId: p.id, facilityId: facility, locationId: cell.id, reason: 'allocated', movedBy: 'test' }));
    return p;
  }
  const unit = (s: CountSession, id: string) => s.entries.find((e: CountUnit) => e.locationId === id)!;

  before(async () => {
    t = await startTestApp();
    factory = factories(t);
    facility = (await factory.facility('CNT-A')).id;
    const other = (await factory.facility('CNT-B')).id;
    const a = await place(null, 'building', 'A');
    wing1 = await place(a.id, 'wing', '1');
    wing2 = await place(a.id, 'wing', '2');
    cell1 = await place((await place(wing1.id, 'landing', '1')).id, 'cell', '101');
    cell2 = await place((await place(wing2.id, 'landing', '1')).id, 'cell', '101');
    // A block of landings with no wing is counted as one unit.
    womenBlock = await place(null, 'building', 'B');
    await place((await place(womenBlock.id, 'landing', '1')).id, 'cell', '101');
    officer = await t.signedIn(['officer'], { facilityIds: [facility] });
    outsider = await t.signedIn(['officer'], { facilityIds: [other] });
    for (const c of [cell1, cell1, cell1, cell2, cell2]) await inCell(c);
  });
  after(() => t.close());

  test('a count with a discrepancy cannot close until it is resolved', async () => {
    // One of wing 1's three is at court: physically present there are two.
    const atCourt = await inCell(cell1);
    const out = await officer.post(`/api/v1/prisoners/${atCourt.id}/absences`, { kind: 'court', destination: 'Court', reason: 'Hearing' });
    assert.equal(out.status, 201);

    assert.equal((await t.client().post(`/api/v1/facilities/${facility}/counts`, {})).status, 401);
    assert.equal((await outsider.post(`/api/v1/facilities/${facility}/counts`, {})).status, 404);
    const analyst = await t.signedIn(['psychologist'], { facilityIds: [facility] });
    assert.equal((await analyst.post(`/api/v1/facilities/${facility}/counts`, {})).status, 403);

    const started = await officer.post(`/api/v1/facilities/${facility}/counts`, {});
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const s = started.body as CountSession;
    assert.equal(s.status, 'open');
    assert.deepEqual(
      s.entries.map((e) => [e.path, e.expected, e.counted]),
      [
        ['A-1', 3, null],
        ['A-2', 2, null],
        ['B', 0, null],
      ],
    );
    const second = await officer.post(`/api/v1/facilities/${facility}/counts`, {});
    assert.equal(second.status, 409);
    assert.equal(second.body.code, 'count-already-open');

    // The expected numbers are the roll at the start: someone admitted to a cell afterwards is not expected.
    await inCell(cell2);

    const right = await officer.put(`/api/v1/counts/${s.id}/entries/${wing1.id}`, { counted: 3 });
    assert.equal(right.status, 200, JSON.stringify(right.body));
    assert.equal(unit(right.body, wing1.id).discrepancy, false);
    assert.equal(right.body.status, 'open');
    const notAUnit = await officer.put(`/api/v1/counts/${s.id}/entries/${cell1.id}`, { counted: 3 });
    assert.equal(notAUnit.status, 422);
    assert.equal(notAUnit.body.code, 'count-unit-unknown');

    const wrong = await officer.put(`/api/v1/counts/${s.id}/entries/${wing2.id}`, { counted: 3 });
    assert.equal(wrong.status, 200);
    assert.equal(wrong.body.status, 'discrepancy');
    assert.equal(unit(wrong.body, wing2.id).expected, 2);
    assert.equal(unit(wrong.body, wing2.id).discrepancy, true);
    const over = await officer.put(`/api/v1/counts/${s.id}/entries/${wing2.id}`, { counted: 2 });
    assert.equal(over.status, 409);
    assert.equal(over.body.code, 'count-already-recorded');
    await officer.put(`/api/v1/counts/${s.id}/entries/${womenBlock.id}`, { counted: 0 });

    const early = await officer.post(`/api/v1/counts/${s.id}/close`, {});
    assert.equal(early.status, 409);
    assert.equal(early.body.code, 'count-incomplete');
    assert.equal((await officer.post(`/api/v1/counts/${s.id}/entries/${wing1.id}/resolve`, { resolution: 'explained', reason: 'x' })).body.code, 'count-no-discrepancy');
    assert.equal((await officer.post(`/api/v1/counts/${s.id}/entries/${wing2.id}/resolve`, { resolution: 'recount' })).status, 400, 'a recount needs its number and reason');

    const stillWrong = await officer.post(`/api/v1/counts/${s.id}/entries/${wing2.id}/resolve`, { resolution: 'recount', counted: 4, reason: 'Counted again' });
    assert.equal(stillWrong.status, 200);
    assert.equal(stillWrong.body.status, 'discrepancy', 'a recount that still differs stays a discrepancy');
    const resolved = await officer.post(`/api/v1/counts/${s.id}/entries/${wing2.id}/resolve`, { resolution: 'recount', counted: 2, reason: 'Cell 101 recounted with the landing officer' });
    assert.equal(resolved.status, 200, JSON.stringify(resolved.body));
    assert.equal(resolved.body.status, 'open');
    const w2 = unit(resolved.body, wing2.id);
    assert.equal(w2.counted, 2);
    assert.equal(w2.discrepancy, false);
    assert.equal(w2.resolution?.kind, 'recount');
    assert.equal(w2.resolution?.previousCount, 4);

    const closed = await officer.post(`/api/v1/counts/${s.id}/close`, {});
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    assert.equal(closed.body.status, 'closed');
    assert.ok(closed.body.closedAt);
    assert.equal(closed.body.expectedTotal, 5);
    assert.equal((await officer.put(`/api/v1/counts/${s.id}/entries/${womenBlock.id}`, { counted: 1 })).body.code, 'count-closed');

    const list = await officer.get(`/api/v1/facilities/${facility}/counts`);
    assert.equal(list.status, 200);
    assert.equal(list.body.items[0].id, s.id);
    assert.equal(list.body.items[0].discrepancies, 0);
    assert.equal((await outsider.get(`/api/v1/counts/${s.id}`)).status, 404);

    const actions = (await t.db.selectFrom('audit_events').select('action').where('entity_id', '=', s.id).orderBy('seq').execute()).map((e) => e.action);
    assert.deepEqual(actions, ['count.started', 'count.recorded', 'count.recorded', 'count.recorded', 'count.resolved', 'count.resolved', 'count.closed']);
  });

  test('an explanation resolves a discrepancy; a new count may start once the last is closed', async () => {
    const s = (await officer.post(`/api/v1/facilities/${facility}/counts`, {})).body as CountSession;
    assert.equal(unit(s, wing2.id).expected, 3, 'the one admitted during the last count is expected now');
    const wrong = await officer.put(`/api/v1/counts/${s.id}/entries/${wing1.id}`, { counted: 2 });
    assert.equal(wrong.body.status, 'discrepancy');
    const explained = await officer.post(`/api/v1/counts/${s.id}/entries/${wing1.id}/resolve`, { resolution: 'explained', reason: 'One seen at the medical unit by the duty officer' });
    assert.equal(explained.body.status, 'open');
    assert.equal(unit(explained.body, wing1.id).counted, 2);
    assert.equal(unit(explained.body, wing1.id).resolution?.kind, 'explained');
    await officer.put(`/api/v1/counts/${s.id}/entries/${wing2.id}`, { counted: 3 });
    await officer.put(`/api/v1/counts/${s.id}/entries/${womenBlock.id}`, { counted: 0 });
    assert.equal((await officer.post(`/api/v1/counts/${s.id}/close`, {})).status, 200);
    const got = await officer.get(`/api/v1/counts/${s.id}`);
    assert.equal(got.body.status, 'closed');
  });

  test('the audit chain verifies', async () => {
    const result = await verifyAuditChain(t.db);
    assert.ok(result.ok, JSON.stringify(result.firstBroken));
  });
});
