import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { IntakeData, LocationKind } from '@vigil/contracts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { factories } from '../../testing/factories.ts';
import type { DomainEvent, EventEnvelope } from './event-types.ts';

const intakeData: IntakeData = {
  identity: { familyName: 'Раҳимов', givenName: 'Фирдавс', dateOfBirth: '1990-05-02', sex: 'male', aliases: [], documents: [], languages: ['tg'] },
  legal: { status: 'untried', charges: [{ offence: 'Theft', article: '244', extremismRelated: false }] },
  admission: { visibleInjuries: null, illTreatmentComplaint: null },
  securityCategory: 'high',
  property: [],
  propertySignedOff: true,
  search: { searchedBy: 'officer on duty', findings: null },
  familyNotification: { notified: true, whom: 'mother', how: 'telephone', declinedByPrisoner: false },
  rights: { language: 'tg', acknowledged: true },
  commitmentOrder: { kind: 'court-detention-order', issuedBy: 'Суди ноҳияи Сино', reference: '1-80/2026', issuedOn: '2026-01-10', validUntil: null },
} as IntakeData;

/** Reads a server-sent event stream until the server ends it; settles at its `ready`. */
async function openStream(client: Client) {
  const res = await fetch(`${client.base}/api/v1/events/stream`, { headers: { cookie: client.cookie } });
  const events: { event: string; data: EventEnvelope }[] = [];
  if (res.status !== 200) return { status: res.status, events };
  assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
  let ready!: () => void;
  const readyP = new Promise<void>((r) => (ready = r));
  void (async () => {
    let buffer = '';
    for await (const chunk of res.body!.pipeThrough(new TextDecoderStream())) {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const lines = buffer.slice(0, end).split('\n');
        buffer = buffer.slice(end + 2);
        const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
        const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
        if (!event || !data) continue;
        if (event === 'ready') ready();
        else events.push({ event, data: JSON.parse(data) as EventEnvelope });
      }
    }
  })().catch(() => {});
  await readyP;
  return { status: res.status, events };
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe(`domain events over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let officerA: Client;
  let officerB: Client;
  let facilityA: string;
  let facilityB: string;
  let cell: string;
  const heard: DomainEvent[] = [];

  before(async () => {
    t = await startTestApp();
    const factory = factories(t);
    facilityA = (await factory.facility('EVT-A')).id;
    facilityB = (await factory.facility('EVT-B')).id;
    const place = (parentId: string | null, kind: LocationKind, code: string, isCell = false) =>
      factory.place(facilityA, kind, parentId, { code, ...(isCell && { baselineCapacity: 2 }) });
    const wing = await place((await place(null, 'building', 'A')).id, 'wing', '1');
    cell = (await place((await place(wing.id, 'landing', '1')).id, 'cell', '01', true)).id;
    officerA = await t.signedIn(['officer'], { facilityIds: [facilityA] });
    officerB = await t.signedIn(['officer'], { facilityIds: [facilityB] });
    // Records what it handles in the delivery's transaction, as a real subscriber would its effect.
    t.services.events.subscribe('test.recorder', ['prisoner.admitted', 'prisoner.moved', 'prisoner.transferred', 'prisoner.released', 'alert.raised', 'alert.ended'], async (event, trx) => {
      await trx.selectFrom('domain_events').select('id').where('id', '=', event.id).executeTakeFirstOrThrow();
      heard.push(event);
    });
  });
  after(() => t.close());

  test('the stream needs a session and prisoners.read', async () => {
    assert.equal((await openStream(t.client())).status, 401);
    assert.equal((await openStream(await t.signedIn(['hq_analyst'], { allFacilities: true }))).status, 403);
  });

  test('a prisoner’s life through the API: each event reaches the subscriber once, and each facility’s stream hears its own', async () => {
    const streamA = await openStream(officerA);
    const streamB = await openStream(officerB);

    const intake = (await officerA.post(`/api/v1/facilities/${facilityA}/intakes`, { familyName: 'Раҳимов', givenName: 'Фирдавс', expectedOn: '2026-11-23' })).body;
    const saved = await officerA.put(`/api/v1/intakes/${intake.id}`, { data: intakeData, version: intake.version });
    const done = await officerA.post(`/api/v1/intakes/${intake.id}/complete`, { version: saved.body.version });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    const p = done.body.prisoner;
    // A refused write publishes nothing: the same number again.
    assert.equal((await officerA.post(`/api/v1/intakes/${intake.id}/complete`, { version: saved.body.version })).status, 409);

    const housed = await officerA.post(`/api/v1/prisoners/${p.id}/allocate`, { locationId: cell, reason: 'arrival', version: p.version });
    assert.equal(housed.status, 200, JSON.stringify(housed.body));
    const alert = await officerA.post(`/api/v1/prisoners/${p.id}/alerts`, { code: 'escape-risk', startsOn: '2026-01-01' });
    assert.equal(alert.status, 201, JSON.stringify(alert.body));
    const ended = await officerA.post(`/api/v1/alerts/${alert.body.id}/end`, { reason: 'reviewed', version: alert.body.version });
    assert.equal(ended.status, 200, JSON.stringify(ended.body));
    const sent = await officerA.post(`/api/v1/prisoners/${p.id}/transfers`, { toFacilityId: facilityB, reason: 'Transfer', escort: 'Convoy 1' });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    assert.equal((await officerB.post(`/api/v1/movements/${sent.body.id}/receive`, {})).status, 200);

    const expected = ['prisoner.admitted', 'prisoner.moved', 'alert.raised', 'alert.ended', 'prisoner.transferred'];
    await until('the subscriber has every event', () => heard.length >= expected.length);
    await t.services.events.catchUp();
    assert.deepEqual(heard.map((e) => e.type), expected, 'each once, in order');
    assert.deepEqual(heard[0]!.payload, { prisonerId: p.id, readmission: false });
    assert.deepEqual(heard[1]!.payload, { prisonerId: p.id, fromLocationId: null, toLocationId: cell });
    assert.deepEqual(heard[4]!.payload, { prisonerId: p.id, movementId: sent.body.id, fromFacilityId: facilityA, toFacilityId: facilityB });
    const handled = await t.db.selectFrom('domain_events_handled').select('event_id').where('subscriber', '=', 'test.recorder').execute();
    assert.equal(handled.length, expected.length);

    await until('both streams have heard', () => streamA.events.length >= 4 && streamB.events.length >= 1);
    assert.deepEqual(streamA.events.map((e) => e.event), expected.slice(0, 4), 'the sender hears what happened in its facility');
    assert.deepEqual(streamB.events.map((e) => [e.event, e.data.entityId, e.data.facilityId]), [['prisoner.transferred', p.id, facilityB]], 'the receiver hears only its own');
    assert.deepEqual(Object.keys(streamA.events[0]!.data).sort(), ['entityId', 'entityType', 'facilityId', 'id', 'occurredAt', 'seq', 'type'], 'no payload leaves on the stream');

    // Released by the facility now holding them.
    const seniorB = await t.signedIn(['senior_officer'], { facilityIds: [facilityB] });
    const version = (await seniorB.get(`/api/v1/prisoners/${p.id}`)).body.version;
    const released = await seniorB.post(`/api/v1/prisoners/${p.id}/release`, { basis: 'court-order', orderReference: 'Суд 4-1/2026', notifications: { family: true }, version });
    assert.equal(released.status, 201, JSON.stringify(released.body));
    await until('the release is heard', () => heard.length > expected.length && streamB.events.length > 1);
    assert.equal(heard.at(-1)!.type, 'prisoner.released');
    assert.equal(streamB.events.at(-1)!.event, 'prisoner.released');
    assert.equal(streamA.events.length, 4);
    // Both streams are left open: closing the app ends them (after()).
  });
});
