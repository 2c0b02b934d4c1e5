import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import mqtt from 'mqtt';
import { sql } from 'kysely';
import type { Alarm, AlarmDetail, AlarmList, DeviceWithToken, IngestResult } from '@vigil/contracts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { factories } from '../../testing/factories.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import type { MqttIngest } from './alarms.mqtt.ts';

const BROKER = process.env.VIGIL_TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883';

describe(`alarm console over HTTP and MQTT (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let manager: Client;
  let senior: Client;
  let otherSenior: Client;
  let officer: Client;
  let anonymous: Client;
  let facilityId: string;
  let facilityCode: string;
  let landingId: string;
  let otherPlaceId: string;
  let duress: DeviceWithToken;
  let door: DeviceWithToken;
  let ingest: MqttIngest;
  let publisher: mqtt.MqttClient;
  const run = randomBytes(4).toString('hex');

  const webhook = (device: DeviceWithToken, events: unknown[], token = device.token) =>
    anonymous.request<IngestResult>('POST', `/api/v1/ingest/devices/${facilityCode}/${device.code}/events`, { events }, { authorization: `Bearer ${token}` });
  const openAlarms = async (c: Client = senior) => (await c.get<AlarmList>(`/api/v1/alarms?facilityId=${facilityId}`)).body.items;
  const countEvents = async (key: string) => Number((await t.db.selectFrom('alarm_device_events').select((eb) => eb.fn.countAll<string>().as('n')).where('event_key', '=', key).executeTakeFirstOrThrow()).n);
  const quarantined = async (reason: string) =>
    Number((await t.db.selectFrom('alarm_quarantine').select((eb) => eb.fn.countAll<string>().as('n')).where('reason', '=', reason).where((eb) => eb.or([eb('facility_code', '=', facilityCode), eb('facility_id', '=', facilityId)])).executeTakeFirstOrThrow()).n);
  const until = async (check: () => Promise<boolean>, ms = 5000) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.fail('timed out waiting');
  };
  const publish = (topic: string, payload: string) => publisher.publishAsync(topic, payload, { qos: 1 });

  before(async () => {
    t = await startTestApp();
    const f = factories(t);
    facilityCode = `AL${run}`.toUpperCase();
    const a = await f.facility(facilityCode);
    facilityId = a.id;
    const b = await f.facility(`AO${run}`.toUpperCase());
    const { landing } = await f.wing(a.id);
    landingId = landing.id;
    otherPlaceId = (await f.wing(b.id)).landing.id;
    manager = await f.signedIn(['security_manager'], { facilityIds: [a.id] });
    senior = await f.signedIn(['senior_officer'], { facilityIds: [a.id] });
    otherSenior = await f.signedIn(['senior_officer'], { facilityIds: [b.id] });
    officer = await f.signedIn(['officer'], { facilityIds: [a.id] });
    anonymous = t.client();
    const reg = (code: string, kind: string) => manager.post<DeviceWithToken>('/api/v1/alarm-devices', { facilityId, locationId: landingId, code, kind, name: `Device ${code}` });
    duress = (await reg('DUR-1', 'duress-button')).body;
    door = (await reg('DOOR-1', 'door-contact')).body;
    ingest = await t.services.alarms.connectMqtt({ url: BROKER, clientId: `vigil-test-${run}`, topicFilter: `vigil/${facilityCode}/devices/+/events`, sessionExpirySeconds: 60, log: () => {} });
    await ingest.ready;
    publisher = await mqtt.connectAsync(BROKER, { clientId: `vigil-test-pub-${run}` });
  });
  after(async () => {
    await publisher?.endAsync();
    await t.close();
  });

  test('devices: registered by the security manager with a token shown once; refused to others; bad input 400', async () => {
    assert.equal(typeof duress.token, 'string');
    assert.equal(duress.locationPath.length > 0, true);
    const list = await senior.get('/api/v1/alarm-devices');
    assert.equal(list.status, 200);
    assert.equal(list.body.items.length, 2);
    assert.equal('token' in list.body.items[0], false);
    assert.equal((await anonymous.get('/api/v1/alarm-devices')).status, 401);
    assert.equal((await officer.get('/api/v1/alarm-devices')).status, 403);
    assert.equal((await senior.post('/api/v1/alarm-devices', { facilityId, locationId: landingId, code: 'X-1', kind: 'door-contact', name: 'x' })).status, 403);
    assert.equal((await manager.post('/api/v1/alarm-devices', { facilityId, locationId: landingId, code: 'bad code!', kind: 'door-contact', name: 'x' })).status, 400);
    const dup = await manager.post('/api/v1/alarm-devices', { facilityId, locationId: landingId, code: 'DUR-1', kind: 'duress-button', name: 'again' });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.code, 'device-duplicate-code');
    const wrongPlace = await manager.post('/api/v1/alarm-devices', { facilityId, locationId: otherPlaceId, code: 'X-2', kind: 'door-contact', name: 'x' });
    assert.equal(wrongPlace.status, 404);
  });

  test('webhook: token checked; a replayed idempotency key is counted once; the alarm folds repeats', async () => {
    const key = `wh-${run}-1`;
    assert.equal((await webhook(door, [{ id: key, type: 'door-held' }], 'wrong-token')).status, 401);
    const first = await webhook(door, [{ id: key, type: 'door-held' }]);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.deepEqual(first.body, { accepted: 1, duplicates: 0, quarantined: 0 });
    const again = await webhook(door, [{ id: key, type: 'door-held' }, { id: key, type: 'door-held' }]);
    assert.deepEqual(again.body, { accepted: 0, duplicates: 2, quarantined: 0 });
    assert.equal(await countEvents(key), 1);
    const more = await webhook(door, [{ id: `wh-${run}-2`, type: 'door-held' }, { id: `wh-${run}-3`, type: 'door-held', condition: 'cleared' }, { id: `wh-${run}-4`, type: 'state', data: { door: 'closed' } }, { id: `wh-${run}-5`, type: 'nonsense' }]);
    assert.deepEqual(more.body, { accepted: 3, duplicates: 0, quarantined: 1 });
    const alarms = (await openAlarms()).filter((a) => a.deviceCode === 'DOOR-1');
    assert.equal(alarms.length, 1);
    assert.equal(alarms[0]!.eventCount, 3);
    assert.equal(alarms[0]!.condition, 'cleared');
    assert.equal(alarms[0]!.state, 'new');
    assert.equal((await webhook(door, [{ id: '', type: 'door-held' }])).status, 400);
  });

  test('MQTT: stored before acknowledged, a replay counted once, unknown device and malformed messages quarantined', async () => {
    const topic = `vigil/${facilityCode}/devices/DUR-1/events`;
    const key = `mq-${run}-1`;
    const body = JSON.stringify({ id: key, type: 'duress', condition: 'raised' });
    await publish(topic, body);
    await publish(topic, body);
    await publish(`vigil/${facilityCode}/devices/NOPE-9/events`, JSON.stringify({ id: `mq-${run}-2`, type: 'duress' }));
    await publish(topic, '{not json');
    await publish(topic, JSON.stringify({ id: `mq-${run}-3`, type: 'duress', condition: 'maybe' }));
    await until(async () => (await quarantined('invalid-payload')) >= 1 && (await quarantined('malformed-json')) >= 1 && (await quarantined('unknown-device')) >= 1 && (await countEvents(key)) === 1);
    await t.services.alarms.ingest.idle();
    assert.equal(await countEvents(key), 1);
    const stats = ingest.stats();
    assert.equal(stats.received, stats.acknowledged);
    const list = (await openAlarms()).filter((a) => a.type.code === 'duress');
    assert.equal(list.length, 1);
    assert.equal(list[0]!.priority, 'critical');
    // Highest priority first.
    assert.equal((await openAlarms())[0]!.type.code, 'duress');
    const q = await manager.get(`/api/v1/alarm-quarantine?facilityId=${facilityId}`);
    assert.equal(q.status, 200);
    assert.ok(q.body.items.some((i: { reason: string; deviceCode: string }) => i.reason === 'unknown-device' && i.deviceCode === 'NOPE-9'));
    assert.equal((await senior.get('/api/v1/alarm-quarantine')).status, 403);
  });

  test('the console stream hears a new alarm as soon as it is stored, only in scope', async () => {
    const heard: string[] = [];
    const otherHeard: string[] = [];
    const listen = async (c: Client, into: string[]) => {
      const controller = new AbortController();
      const res = await fetch(`${t.url}/api/v1/alarms/stream`, { headers: { cookie: c.cookie }, signal: controller.signal });
      assert.equal(res.status, 200);
      const reader = res.body!.getReader();
      void (async () => {
        const decoder = new TextDecoder();
        for (;;) {
          const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
          if (done) return;
          into.push(decoder.decode(value));
        }
      })();
      return controller;
    };
    const a = await listen(senior, heard);
    const b = await listen(otherSenior, otherHeard);
    await until(async () => heard.join('').includes('ready') && otherHeard.join('').includes('ready'));
    const sent = Date.now();
    await publish(`vigil/${facilityCode}/devices/DOOR-1/events`, JSON.stringify({ id: `mq-${run}-stream`, type: 'door-forced' }));
    await until(async () => heard.join('').includes('door-forced'));
    assert.ok(Date.now() - sent < 1000);
    assert.equal(otherHeard.join('').includes('door-forced'), false);
    a.abort();
    b.abort();
    assert.equal((await anonymous.get('/api/v1/alarms/stream')).status, 401);
    assert.equal((await officer.get('/api/v1/alarms/stream')).status, 403);
  });

  test('ISA-18.2 workflow: acknowledge, SOP in order, resolve refused with mandatory steps undone, then resolved', async () => {
    const alarm = (await openAlarms()).find((a) => a.type.code === 'duress')!;
    assert.equal((await anonymous.post(`/api/v1/alarms/${alarm.id}/acknowledge`, { version: alarm.version })).status, 401);
    assert.equal((await officer.post(`/api/v1/alarms/${alarm.id}/acknowledge`, { version: alarm.version })).status, 403);
    assert.equal((await senior.post(`/api/v1/alarms/${alarm.id}/acknowledge`, { version: 'x' })).status, 400);
    assert.equal((await otherSenior.post(`/api/v1/alarms/${alarm.id}/acknowledge`, { version: alarm.version })).status, 404);
    const early = await senior.post(`/api/v1/alarms/${alarm.id}/resolve`, { version: alarm.version, resolution: 'x' });
    assert.equal(early.status, 409);
    assert.equal(early.body.code, 'alarm-state-transition');
    const ack = await senior.post<Alarm>(`/api/v1/alarms/${alarm.id}/acknowledge`, { version: alarm.version });
    assert.equal(ack.status, 200, JSON.stringify(ack.body));
    assert.equal(ack.body.state, 'acknowledged');
    assert.equal((await senior.post(`/api/v1/alarms/${alarm.id}/acknowledge`, { version: ack.body.version })).status, 409);
    const shelve = await senior.post(`/api/v1/alarms/${alarm.id}/shelve`, { version: ack.body.version, minutes: 10, reason: 'nuisance' });
    assert.equal(shelve.body.code, 'alarm-shelve-critical');
    const refused = await senior.post(`/api/v1/alarms/${alarm.id}/resolve`, { version: ack.body.version, resolution: 'Officer safe' });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.code, 'alarm-sop-incomplete');
    assert.ok(refused.body.title.length > 10);
    assert.ok(refused.body.errors.some((e: { path: string }) => e.path === 'steps.1'));
    const outOfOrder = await senior.post(`/api/v1/alarms/${alarm.id}/steps/2/complete`, { version: ack.body.version });
    assert.equal(outOfOrder.body.code, 'alarm-step-order');
    let detail = (await senior.get<AlarmDetail>(`/api/v1/alarms/${alarm.id}`)).body;
    for (const step of detail.steps.filter((s) => s.mandatory)) {
      const r = await senior.post<AlarmDetail>(`/api/v1/alarms/${alarm.id}/steps/${step.position}/complete`, { version: detail.version, note: 'done' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      detail = r.body;
    }
    assert.equal(detail.state, 'in-progress');
    const resolved = await senior.post<Alarm>(`/api/v1/alarms/${alarm.id}/resolve`, { version: detail.version, resolution: 'Officer safe; response team attended' });
    assert.equal(resolved.status, 200, JSON.stringify(resolved.body));
    assert.equal(resolved.body.state, 'resolved');
    const full = (await senior.get<AlarmDetail>(`/api/v1/alarms/${alarm.id}`)).body;
    assert.deepEqual(full.actions.map((a) => a.action).filter((a) => a !== 'step-completed'), ['raised', 'acknowledge', 'resolve']);
    // A new raise after resolution is a new alarm.
    await webhook(duress, [{ id: `wh-${run}-again`, type: 'duress' }]);
    assert.equal((await openAlarms()).filter((a) => a.type.code === 'duress').length, 1);
  });

  test('shelving hides for a time and unshelves itself; escalation when unacknowledged, recorded and shown', async () => {
    const door = (await openAlarms()).find((a) => a.type.code === 'door-held')!;
    const shelved = await senior.post<Alarm>(`/api/v1/alarms/${door.id}/shelve`, { version: door.version, minutes: 5, reason: 'Door under repair' });
    assert.equal(shelved.status, 200, JSON.stringify(shelved.body));
    assert.ok(shelved.body.shelvedUntil);
    await sql`update alarms set shelved_until = now() - interval '1 second' where id = ${door.id}`.execute(t.db);
    const duressAlarm = (await openAlarms()).find((a) => a.type.code === 'duress')!;
    await sql`update alarms set raised_at = now() - interval '70 seconds' where id = ${duressAlarm.id}`.execute(t.db);
    const swept = await t.services.alarms.sweep();
    assert.ok(swept.unshelved >= 1);
    assert.ok(swept.escalated >= 1);
    const d = (await senior.get<AlarmDetail>(`/api/v1/alarms/${duressAlarm.id}`)).body;
    assert.equal(d.escalationLevel, 2);
    assert.deepEqual(d.escalations.map((e) => e.level), [1, 2]);
    assert.equal((await senior.get<AlarmDetail>(`/api/v1/alarms/${door.id}`)).body.shelvedUntil, null);
    assert.equal((await t.services.alarms.sweep()).escalated, 0);
    // The system's own changes leave the version operators check against.
    assert.equal(d.version, duressAlarm.version);
  });

  test('flood: many events from one device fold into one alarm with a count; the flood status and EEMUA report answer', async () => {
    const events = Array.from({ length: 500 }, (_, i) => ({ id: `flood-${run}-${i}`, type: 'perimeter' }));
    const perimeter = (await manager.post<DeviceWithToken>('/api/v1/alarm-devices', { facilityId, locationId: landingId, code: 'PER-1', kind: 'perimeter-sensor', name: 'Fence' })).body;
    const r = await webhook(perimeter, events);
    assert.deepEqual(r.body, { accepted: 500, duplicates: 0, quarantined: 0 });
    const alarms = (await openAlarms()).filter((a) => a.deviceCode === 'PER-1');
    assert.equal(alarms.length, 1);
    assert.equal(alarms[0]!.eventCount, 500);
    const flood = await senior.get(`/api/v1/alarms/flood?facilityId=${facilityId}`);
    assert.equal(flood.status, 200);
    assert.ok(flood.body.groups.some((g: { deviceCode: string; events: number }) => g.deviceCode === 'PER-1' && g.events === 500));
    const report = await senior.get(`/api/v1/alarms/rate-report?facilityId=${facilityId}&hours=1`);
    assert.equal(report.status, 200, JSON.stringify(report.body));
    assert.ok(report.body.alarms >= 3);
    assert.ok(['acceptable', 'manageable', 'over-demanding', 'flood'].includes(report.body.band));
    assert.equal((await senior.get('/api/v1/alarms/rate-report?hours=0')).status, 400);
  });

  test('alarm types: a catalogue with history; the manager revises, others may not', async () => {
    const types = await senior.get('/api/v1/alarm-types');
    assert.equal(types.status, 200);
    const duressType = types.body.items.find((x: { code: string }) => x.code === 'duress');
    assert.ok(duressType.sop.some((s: { mandatory: boolean }) => s.mandatory));
    const data = { names: duressType.names, priority: 'critical', escalateAfterSeconds: 20, sop: duressType.sop };
    assert.equal((await senior.put('/api/v1/alarm-types/duress', { data, version: 1, source: 'Order 12' })).status, 403);
    assert.equal((await manager.put('/api/v1/alarm-types/duress', { data: { ...data, sop: [] }, version: 1, source: 'Order 12' })).status, 400);
    const revised = await manager.put('/api/v1/alarm-types/duress', { data, version: duressType.version, source: 'Order 12' });
    assert.equal(revised.status, 200, JSON.stringify(revised.body));
    assert.equal(revised.body.version, duressType.version + 1);
    const history = await senior.get('/api/v1/alarm-types/duress/history');
    assert.ok(history.body.items.length >= 2);
    const added = await manager.post('/api/v1/alarm-types', { code: `cell-call-${run}`, data: { ...data, priority: 'medium', names: { en: 'Cell call', ru: 'Вызов из камеры', tg: 'Даъват аз камера' } }, source: 'Local order' });
    assert.equal(added.status, 201, JSON.stringify(added.body));
  });

  test('every change is in the audit chain', async () => {
    assert.equal((await verifyAuditChain(t.db)).ok, true);
    const n = await t.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).where('action', '=', 'alarm.events-ingested').executeTakeFirstOrThrow();
    assert.ok(Number(n.n) > 0);
  });
});
