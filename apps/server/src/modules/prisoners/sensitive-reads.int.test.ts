import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Location, LocationKind, Prisoner } from '@vigil/contracts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { admitPrisoner } from '../../testing/prisoner-fixtures.ts';
import { factories, type Factories } from '../../testing/factories.ts';

/**
 * Alerts, movements, placements, property and search results say as much about a person as the
 * file itself, so reading them is audited like the file: one event per request, however many rows
 * it returns, so the trail stays readable.
 */
describe(`sensitive reads are audited once per request (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let factory: Factories;
  let officer: Client;
  let cell: Location;
  let first: Prisoner;
  let second: Prisoner;

  /** The audit events one request wrote, found by the request id the server echoes. */
  async function eventsOf(path: string) {
    const r = await officer.get(path);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const requestId = r.headers.get('x-request-id');
    assert.ok(requestId, 'the server names the request');
    const events = await t.db.selectFrom('audit_events').select(['action', 'entity_type', 'entity_id', 'after']).where('request_id', '=', requestId).execute();
    return { body: r.body, events };
  }

  before(async () => {
    t = await startTestApp();
    factory = factories(t);
    const facilityId = (await factory.facility('AUD-R')).id;
    const make = (parentId: string | null, kind: LocationKind, code: string, isCell = false) =>
      factory.place(facilityId, kind, parentId, { code, ...(isCell && { baselineCapacity: 4 }) });
    const wing = await make((await make(null, 'building', 'A')).id, 'wing', '1');
    cell = await make((await make(wing.id, 'landing', '1')).id, 'cell', '01', true);
    officer = await t.signedIn(['officer'], { facilityIds: [facilityId] });
    first = await admitPrisoner(t, facilityId, { familyName: 'Каримов', givenName: 'Фарҳод' });
    second = await admitPrisoner(t, facilityId, { familyName: 'Каримов', givenName: 'Бахтиёр' });
    for (const p of [first, second]) {
      assert.equal((await officer.post(`/api/v1/prisoners/${p.id}/allocate`, { locationId: cell.id, reason: 'arrival', version: p.version })).status, 200);
      for (const code of ['escape-risk', 'self-harm']) assert.equal((await officer.post(`/api/v1/prisoners/${p.id}/alerts`, { code, startsOn: new Date().toISOString().slice(0, 10) })).status, 201);
    }
    for (let i = 0; i < 2; i++) {
      const out = await officer.post(`/api/v1/prisoners/${first.id}/absences`, { kind: 'court', destination: 'Court', reason: `hearing ${i}` });
      assert.equal(out.status, 201, JSON.stringify(out.body));
      assert.equal((await officer.post(`/api/v1/movements/${out.body.id}/return`, {})).status, 200);
    }
    await t.db.insertInto('property_items').values([1, 2, 3].map((n) => ({ prisoner_id: first.id, description: `item ${n}`, quantity: 1, storage: 'stored', received_by: 'test' }))).execute();
  });
  after(() => t.close());

  const cases: [string, () => string, string, () => string][] = [
    ['alerts', () => `/api/v1/prisoners/${first.id}/alerts`, 'prisoner.alerts-viewed', () => first.id],
    ['alerts under a place', () => `/api/v1/locations/${cell.id}/alerts`, 'location.alerts-viewed', () => cell.id],
    ['movements', () => `/api/v1/prisoners/${first.id}/movements`, 'prisoner.movements-viewed', () => first.id],
    ['placements', () => `/api/v1/prisoners/${first.id}/placements`, 'prisoner.placements-viewed', () => first.id],
    ['property', () => `/api/v1/prisoners/${first.id}/property`, 'prisoner.property-viewed', () => first.id],
  ];
  for (const [what, path, action, entityId] of cases) {
    test(`${what}: several rows, one audit event`, async () => {
      const { body, events } = await eventsOf(path());
      assert.ok(body.items.length >= 2, `${what} has several rows: ${body.items.length}`);
      assert.equal(events.length, 1, JSON.stringify(events));
      assert.equal(events[0]!.action, action);
      assert.equal(events[0]!.entity_id, entityId());
    });
  }

  test('search results: one event naming the query and the people it showed', async () => {
    const { body, events } = await eventsOf(`/api/v1/prisoners?q=${encodeURIComponent('Каримов')}`);
    assert.equal(body.items.length, 2);
    assert.equal(events.length, 1, JSON.stringify(events));
    assert.equal(events[0]!.action, 'prisoners.searched');
    const after = events[0]!.after as { query: string; prisonerIds: string[] };
    assert.equal(after.query, 'Каримов');
    assert.deepEqual(new Set(after.prisonerIds), new Set([first.id, second.id]));
    // The list screen (no query) shows people too.
    const list = await eventsOf('/api/v1/prisoners');
    assert.equal(list.events.length, 1);
    assert.equal(list.events[0]!.action, 'prisoners.searched');
  });
});
