import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CellOption, CellSpecialType, Location, LocationKind, Prisoner } from '@vigil/contracts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { admitPrisoner, type PrisonerShape } from '../../testing/prisoner-fixtures.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { factories, type Factories } from '../../testing/factories.ts';
import { localDay } from '../../platform/time/calendar.ts';

// The test facilities are in Dushanbe: ages and alerts count its local days.
const today = () => localDay(new Date(), 'Asia/Dushanbe');

describe(`cell allocation over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let factory: Factories;
  let officer: Client;
  let senior: Client;
  let seniorBoth: Client;
  let officerB: Client;
  let facilityA: string;
  let facilityB: string;
  let landing: Location;
  let otherLanding: Location;
  let cellB: Location;
  let cellCounter = 0;

  /** A new cell on the landing (one per test keeps the tests independent). */
  async function cell(opts: { capacity?: number; sex?: 'male' | 'female' | 'any'; level?: 'low' | 'medium' | 'high' | 'maximum'; on?: Location; special?: string[] } = {}): Promise<Location> {
    const on = opts.on ?? landing;
    return factory.cell(on, {
      code: `C${++cellCounter}`,
      name: `Камера ${cellCounter}`,
      baselineCapacity: opts.capacity ?? 2,
      operationalCapacity: opts.capacity ?? 2,
      sexDesignation: opts.sex ?? 'male',
      securityLevel: opts.level ?? 'high',
      specialTypes: (opts.special ?? []) as CellSpecialType[],
    });
  }
  const admit = (shape: PrisonerShape = {}, facilityId = facilityA) => admitPrisoner(t, facilityId, shape);
  const allocate = (client: Client, p: Prisoner, locationId: string, extra: Record<string, unknown> = {}) =>
    client.post(`/api/v1/prisoners/${p.id}/allocate`, { locationId, reason: 'allocation on arrival', version: p.version, ...extra });
  /** Allocates and insists it works. */
  async function place(p: Prisoner, locationId: string) {
    const r = await allocate(officer, p, locationId);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body as Prisoner;
  }
  const refusedWith = (r: { status: number; body: any }) => {
    assert.equal(r.status, 422, JSON.stringify(r.body));
    assert.equal(r.body.code, 'allocation-refused');
    assert.ok(r.body.errors.every((e: { path: string }) => e.path === 'locationId'));
    return r.body.errors.map((e: { message: string }) => e.message);
  };
  const options = async (client: Client, p: Prisoner, q = '') => {
    const r = await client.get(`/api/v1/prisoners/${p.id}/cell-options${q}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.items as CellOption[];
  };

  before(async () => {
    t = await startTestApp();
    factory = factories(t);
    facilityA = (await factory.facility('ALC-A')).id;
    facilityB = (await factory.facility('ALC-B')).id;
    const make = (facilityId: string, parentId: string | null, kind: LocationKind, code: string) => factory.place(facilityId, kind, parentId, { code });
    const building = await make(facilityA, null, 'building', 'A');
    landing = await make(facilityA, (await make(facilityA, building.id, 'wing', '1')).id, 'landing', '1');
    otherLanding = await make(facilityA, (await make(facilityA, building.id, 'wing', '2')).id, 'landing', '1');
    const buildingB = await make(facilityB, null, 'building', 'B');
    cellB = await cell({ on: await make(facilityB, buildingB.id, 'landing', '1') });
    officer = await t.signedIn(['officer'], { facilityIds: [facilityA] });
    senior = await t.signedIn(['senior_officer'], { facilityIds: [facilityA] });
    seniorBoth = await t.signedIn(['senior_officer'], { facilityIds: [facilityA, facilityB] });
    officerB = await t.signedIn(['officer'], { facilityIds: [facilityB] });
  });
  after(() => t.close());

  test('401 without a session, 403 without allocation.manage', async () => {
    const p = await admit();
    const c = await cell();
    assert.equal((await t.client().get(`/api/v1/prisoners/${p.id}/cell-options`)).status, 401);
    const psychologist = await t.signedIn(['psychologist'], { facilityIds: [facilityA] });
    assert.equal((await psychologist.get(`/api/v1/prisoners/${p.id}/cell-options`)).status, 403);
    assert.equal((await allocate(psychologist, p, c.id)).status, 403);
  });

  test('an allocation moves the prisoner, keeps the history and is audited with before and after', async () => {
    const p = await admit();
    const first = await cell();
    const second = await cell();
    const placed = await place(p, first.id);
    assert.deepEqual(placed.location, { locationId: first.id, path: first.path });
    // A move is the same request, with its reason.
    const moved = await allocate(officer, placed, second.id, { reason: 'moved for works on the landing' });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal(moved.body.location.path, second.path);
    const history = (await officer.get(`/api/v1/prisoners/${p.id}/placements`)).body.items;
    assert.deepEqual(history.slice(0, 2).map((h: { path: string; reason: string }) => [h.path, h.reason]), [
      [second.path, 'moved for works on the landing'],
      [first.path, 'allocation on arrival'],
    ]);
    const events = await t.db.selectFrom('audit_events').selectAll().where('entity_id', '=', p.id).where('action', '=', 'prisoner.allocated').orderBy('seq').execute();
    assert.equal(events.length, 2);
    assert.deepEqual((events[1]!.before as any).location, { locationId: first.id, path: first.path });
    assert.deepEqual((events[1]!.after as any).location, { locationId: second.id, path: second.path });
    assert.deepEqual((events[1]!.after as any).overridden, []);
  });

  test("Rule 11(a): a woman into a men's cell is refused, even with an override", async () => {
    const woman = await admit({ sex: 'female', securityCategory: 'medium' });
    const mens = await cell({ sex: 'male' });
    const womens = await cell({ sex: 'female', level: 'medium' });
    assert.deepEqual(refusedWith(await allocate(officer, woman, mens.id)), ['sex-designation']);
    const overridden = await allocate(senior, woman, mens.id, { override: { reason: 'no room elsewhere' } });
    assert.deepEqual(refusedWith(overridden), ['sex-designation']);
    const stillNowhere = (await officer.get(`/api/v1/prisoners/${woman.id}`)).body as Prisoner;
    assert.equal(stillNowhere.location, null);
    // The refusal is on the record, and nothing else was written.
    const refusals = await t.db.selectFrom('audit_events').select(['after']).where('entity_id', '=', woman.id).where('action', '=', 'prisoner.allocation-refused').execute();
    assert.equal(refusals.length, 2);
    assert.deepEqual((refusals[1]!.after as any).violations, [{ code: 'sex-designation', overridable: false }]);

    // The options say the same thing before anyone tries: the women's cell first, the men's one refused.
    const items = await options(officer, woman);
    const mine = items.find((o) => o.locationId === womens.id)!;
    const theirs = items.find((o) => o.locationId === mens.id)!;
    assert.deepEqual(mine.violations, []);
    assert.deepEqual(theirs.violations, [{ code: 'sex-designation', overridable: false }]);
    assert.ok(items.indexOf(mine) < items.indexOf(theirs));
    await place(woman, womens.id);
  });

  test('Rule 11(b): untried with convicted is refused, an officer may not override, a senior officer may with a reason', async () => {
    const convicted = await admit({ legalStatus: 'convicted' });
    const untried = await admit({ legalStatus: 'untried' });
    const c = await cell({ capacity: 3 });
    await place(convicted, c.id);
    assert.deepEqual(refusedWith(await allocate(officer, untried, c.id)), ['separation-legal-status']);

    const denied = await allocate(officer, untried, c.id, { override: { reason: 'the only free place tonight' } });
    assert.equal(denied.status, 403);
    assert.equal(denied.body.code, 'forbidden');

    const allowed = await allocate(senior, untried, c.id, { override: { reason: 'the only free place tonight' } });
    assert.equal(allowed.status, 200, JSON.stringify(allowed.body));
    const placement = await t.db.selectFrom('placements').selectAll().where('prisoner_id', '=', untried.id).where('to_at', 'is', null).executeTakeFirstOrThrow();
    assert.equal(placement.location_id, c.id);
    assert.equal(placement.override_reason, 'the only free place tonight');
    const event = await t.db.selectFrom('audit_events').selectAll().where('entity_id', '=', untried.id).where('action', '=', 'prisoner.allocated').executeTakeFirstOrThrow();
    assert.deepEqual((event.after as any).overridden, ['separation-legal-status']);
    assert.equal((event.after as any).overrideReason, 'the only free place tonight');
  });

  test('Rule 11(d): a child never goes in with adults, override or not', async () => {
    const adult = await admit();
    const child = await admit({ dateOfBirth: `${new Date().getUTCFullYear() - 16}-01-01`, legalStatus: 'untried' });
    const c = await cell({ capacity: 4 });
    await place(adult, c.id);
    const r = await allocate(senior, child, c.id, { override: { reason: 'no other cell' } });
    assert.deepEqual(refusedWith(r).sort(), ['separation-age', 'separation-legal-status']);
  });

  test('Rule 12: operational capacity is a limit, which a senior officer may override', async () => {
    const c = await cell({ capacity: 1 });
    const first = await admit();
    const second = await admit();
    await place(first, c.id);
    assert.deepEqual(refusedWith(await allocate(officer, second, c.id)), ['over-capacity']);
    const option = (await options(officer, second)).find((o) => o.locationId === c.id)!;
    assert.equal(option.freePlaces, 0);
    assert.equal(option.occupants, 1);
    const r = await allocate(senior, second, c.id, { override: { reason: 'temporary overcrowding after the flood' } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  });

  test('security level: a high-category prisoner is refused a low cell', async () => {
    const p = await admit({ securityCategory: 'high' });
    const low = await cell({ level: 'low' });
    assert.deepEqual(refusedWith(await allocate(officer, p, low.id)), ['security-level']);
  });

  test('keep-apart: refused in the same cell (either direction), a warning on the same landing', async () => {
    const a = await admit();
    const b = await admit();
    const c = await cell({ capacity: 4 });
    await place(a, c.id);
    const raised = await officer.post(`/api/v1/prisoners/${a.id}/alerts`, { code: 'keep-apart', relatedPrisonerId: b.id, startsOn: today(), comment: 'co-defendants' });
    assert.equal(raised.status, 201, JSON.stringify(raised.body));
    // The alert was raised on a; it binds b just the same.
    assert.deepEqual(refusedWith(await allocate(officer, b, c.id)), ['keep-apart']);
    const items = await options(officer, b);
    const same = items.find((o) => o.locationId === c.id)!;
    assert.deepEqual(same.violations, [{ code: 'keep-apart', overridable: true }]);
    const beside = await cell({ capacity: 2 });
    const next = (await options(officer, b)).find((o) => o.locationId === beside.id)!;
    assert.deepEqual(next.violations, []);
    assert.deepEqual(next.warnings, ['keep-apart-nearby']);
    const elsewhere = await cell({ on: otherLanding });
    assert.deepEqual((await options(officer, b)).find((o) => o.locationId === elsewhere.id)!.warnings, []);

    // Once the alert ends, they may share.
    const end = await officer.post(`/api/v1/alerts/${raised.body.id}/end`, { reason: 'trial over', version: raised.body.version });
    assert.equal(end.status, 200, JSON.stringify(end.body));
    await place(b, c.id);
  });

  test('cell sharing: a prisoner at risk only alone, and nobody in with one', async () => {
    const risky = await admit({ cellSharingRisk: true });
    const other = await admit();
    const occupied = await cell({ capacity: 3 });
    const empty = await cell({ capacity: 3 });
    await place(other, occupied.id);
    assert.deepEqual(refusedWith(await allocate(officer, risky, occupied.id)), ['cell-sharing']);
    await place(risky, empty.id);
    const third = await admit();
    assert.deepEqual(refusedWith(await allocate(officer, third, empty.id)), ['cell-sharing']);

    // The 'no-cell-share' alert works like the flag on the file.
    const alerted = await admit();
    const raised = await officer.post(`/api/v1/prisoners/${alerted.id}/alerts`, { code: 'no-cell-share', startsOn: today() });
    assert.equal(raised.status, 201, JSON.stringify(raised.body));
    assert.deepEqual(refusedWith(await allocate(officer, alerted, occupied.id)), ['cell-sharing']);
  });

  test('two officers filling the last place at once: exactly one wins', async () => {
    const c = await cell({ capacity: 1 });
    const [p1, p2] = [await admit(), await admit()];
    const other = await t.signedIn(['officer'], { facilityIds: [facilityA] });
    const results = await Promise.all([allocate(officer, p1, c.id), allocate(other, p2, c.id)]);
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 422], JSON.stringify(results.map((r) => r.body)));
    const loser = results.find((r) => r.status === 422)!;
    assert.deepEqual(refusedWith(loser), ['over-capacity']);
    const inCell = await t.db.selectFrom('placements').select('prisoner_id').where('location_id', '=', c.id).where('to_at', 'is', null).execute();
    assert.equal(inCell.length, 1);
  });

  test('facility scope: another facility\'s prisoner or cell is 404; a visible one elsewhere is refused', async () => {
    const p = await admit();
    const c = await cell();
    assert.equal((await officerB.get(`/api/v1/prisoners/${p.id}/cell-options`)).status, 404);
    const r = await allocate(officerB, p, c.id);
    assert.equal(r.status, 404);
    assert.equal(r.body.code, 'not-found');
    assert.equal((await allocate(officer, p, cellB.id)).status, 404);
    // Someone who sees both facilities learns why: a cell elsewhere is a transfer, not an allocation.
    assert.deepEqual(refusedWith(await allocate(seniorBoth, p, cellB.id, { override: { reason: 'try' } })), ['other-facility']);
    // Only this facility's cells are offered.
    assert.ok((await options(seniorBoth, p, '?limit=500')).every((o) => o.path !== cellB.path));
  });

  test('not a cell, the same cell, a stale version, someone away at court', async () => {
    const p = await admit();
    const c = await cell();
    assert.deepEqual(refusedWith(await allocate(officer, p, landing.id)), ['not-a-cell']);
    const placed = await place(p, c.id);
    assert.deepEqual(refusedWith(await allocate(officer, placed, c.id)), ['same-cell']);
    const stale = await allocate(officer, { ...placed, version: placed.version + 1 }, (await cell()).id);
    assert.equal(stale.status, 409);
    assert.equal(stale.body.code, 'edit-conflict');
    await t.db.updateTable('prisoners').set({ state: 'temporarily-absent' }).where('id', '=', p.id).execute();
    const away = await allocate(officer, placed, (await cell()).id);
    assert.equal(away.status, 409);
    assert.equal(away.body.code, 'allocation-not-in-custody');
  });

  test('options: filtered by path, limited, current cell left out, the same wing before others', async () => {
    const p = await admit();
    const home = await cell({ capacity: 4 });
    await place(p, home.id);
    const items = await options(officer, p, '?limit=500');
    assert.ok(!items.some((o) => o.locationId === home.id));
    const suitable = items.filter((o) => o.violations.length === 0 && o.warnings.length === 0);
    const firstOther = suitable.findIndex((o) => !o.sameWing);
    assert.ok(firstOther === -1 || suitable.slice(firstOther).every((o) => !o.sameWing), 'same wing first among suitable cells');
    assert.ok(suitable.some((o) => o.sameWing) && suitable.some((o) => !o.sameWing));
    assert.equal((await options(officer, p, '?limit=2')).length, 2);
    const filtered = await options(officer, p, `?q=${encodeURIComponent(otherLanding.path)}`);
    assert.ok(filtered.length > 0 && filtered.every((o) => o.path.startsWith(otherLanding.path)));
  });

  test('after all that, the audit chain still verifies', async () => {
    assert.ok((await verifyAuditChain(t.db)).ok);
  });
});
