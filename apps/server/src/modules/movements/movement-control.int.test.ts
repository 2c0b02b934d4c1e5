import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Facility, InternalMovement, KeepApart, Location, Prisoner, Zone } from '@vigil/contracts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { factories } from '../../testing/factories.ts';
import { localDay } from '../../platform/time/calendar.ts';

describe(`movement control over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let officer: Client;
  let senior: Client;
  let security: Client;
  let auditor: Client;
  let facility: Facility;
  let elsewhere: Facility;
  let yards: Location;
  let yard: Location;
  let yardCorner: Location;
  let clinic: Location;
  let wing: Location;
  let a: Prisoner;
  let b: Prisoner;
  let c: Prisoner;
  let stranger: Prisoner;
  const today = () => localDay(new Date(), 'Asia/Dushanbe');
  // An instant on today's facility clock (Dushanbe, UTC+5).
  const at = (time: string) => new Date(`${today()}T${time}:00+05:00`).toISOString();
  const move = (prisonerId: string, toLocationId: string, from: string, to: string, extra: Record<string, unknown> = {}) => ({ prisonerId, purpose: 'exercise', toLocationId, plannedStart: at(from), plannedEnd: at(to), ...extra });
  const rules = { openWindows: [] as { start: string; end: string }[], escortedOnly: false, barredPrisonerIds: [] as string[], barredAlertCodes: [] as string[], barredCategories: [] as string[], note: null };

  before(async () => {
    t = await startTestApp();
    const f = factories(t);
    facility = await f.facility('MC1');
    elsewhere = await f.facility('MC2');
    const scope = { facilityIds: [facility.id] };
    officer = await f.signedIn(['officer'], scope);
    senior = await f.signedIn(['senior_officer'], scope);
    security = await f.signedIn(['security_manager'], scope);
    auditor = await f.signedIn(['auditor'], scope);
    const w = await f.wing(facility.id);
    wing = w.wing;
    const cell = await f.cell(w.landing, { operationalCapacity: 4, baselineCapacity: 4 });
    yards = await f.place(facility.id, 'building', null, { name: 'Exercise yards' });
    yard = await f.place(facility.id, 'yard', yards.id);
    yardCorner = await f.place(facility.id, 'yard', yards.id);
    clinic = await f.place(facility.id, 'healthcare', null);
    a = await f.placement(await f.prisoner(facility.id, { familyName: 'Назаров', givenName: 'Далер' }), cell);
    b = await f.placement(await f.prisoner(facility.id, { familyName: 'Каримов', givenName: 'Сино' }), cell);
    c = await f.prisoner(facility.id, { familyName: 'Шарипов', givenName: 'Фирдавс' });
    await t.services.alerts.raise(f.system, c.id, { code: 'escape-risk', startsOn: '2026-01-01', comment: null });
    stranger = await f.prisoner(elsewhere.id);
  });
  after(() => t.close());

  test('zones: 401, 403 without movements.rules, 400, 404 outside scope, 201, 409 a second zone on one place, 200 update', async () => {
    const body = { locationId: yards.id, ...rules, openWindows: [{ start: '08:00', end: '12:00' }, { start: '14:00', end: '18:00' }] };
    assert.equal((await t.client().post(`/api/v1/facilities/${facility.id}/zones`, body)).status, 401);
    assert.equal((await officer.post(`/api/v1/facilities/${facility.id}/zones`, body)).status, 403);
    assert.equal((await security.post(`/api/v1/facilities/${facility.id}/zones`, { ...body, openWindows: [{ start: '12:00', end: '08:00' }] })).status, 400);
    assert.equal((await security.post(`/api/v1/facilities/${facility.id}/zones`, { ...body, barredCategories: ['extreme'] })).status, 400);
    assert.equal((await security.post(`/api/v1/facilities/${elsewhere.id}/zones`, body)).status, 404);
    const created = await security.post(`/api/v1/facilities/${facility.id}/zones`, body);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const zone = created.body as Zone;
    assert.equal(zone.locationPath.includes('Exercise yards'), true);
    assert.equal((await security.post(`/api/v1/facilities/${facility.id}/zones`, body)).body.code, 'zone-exists');
    const clinicZone = (await security.post(`/api/v1/facilities/${facility.id}/zones`, { ...rules, locationId: clinic.id, escortedOnly: true, barredAlertCodes: ['escape-risk'] })).body as Zone;
    const list = await officer.get(`/api/v1/facilities/${facility.id}/zones`);
    assert.equal(list.status, 200);
    assert.equal((list.body.items as Zone[]).length, 2);
    assert.equal((await auditor.get(`/api/v1/facilities/${facility.id}/zones`)).status, 403);
    const updated = await security.put(`/api/v1/zones/${clinicZone.id}`, { ...rules, escortedOnly: true, barredAlertCodes: ['escape-risk'], barredPrisonerIds: [b.id], active: true, version: clinicZone.version });
    assert.equal(updated.status, 200, JSON.stringify(updated.body));
    assert.deepEqual((updated.body as Zone).barredPrisoners.map((p) => p.prisonNumber), [b.prisonNumber]);
    assert.equal((await security.put(`/api/v1/zones/${clinicZone.id}`, { ...rules, active: true, version: clinicZone.version })).status, 409);
  });

  test('keep-apart: 403 for an officer, 400, 422 a prisoner of another facility, 201, the read audited', async () => {
    const body = { prisonerIds: [a.id, b.id], reason: 'Угрозы после драки', source: 'incident', startsOn: '2026-01-01' };
    assert.equal((await t.client().post(`/api/v1/facilities/${facility.id}/keep-apart`, body)).status, 401);
    assert.equal((await officer.post(`/api/v1/facilities/${facility.id}/keep-apart`, body)).status, 403);
    assert.equal((await security.post(`/api/v1/facilities/${facility.id}/keep-apart`, { ...body, prisonerIds: [a.id] })).status, 400);
    assert.equal((await security.post(`/api/v1/facilities/${facility.id}/keep-apart`, { ...body, prisonerIds: [a.id, a.id] })).status, 400);
    assert.equal((await security.post(`/api/v1/facilities/${facility.id}/keep-apart`, { ...body, prisonerIds: [a.id, stranger.id] })).body.code, 'keep-apart-member');
    const created = await security.post(`/api/v1/facilities/${facility.id}/keep-apart`, body);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal((created.body as KeepApart).active, true);
    const list = await officer.get(`/api/v1/facilities/${facility.id}/keep-apart`);
    assert.equal(list.status, 200);
    assert.equal((list.body.items as KeepApart[]).length, 1);
    const viewed = await t.db.selectFrom('audit_events').select('action').where('action', '=', 'keep-apart.viewed').execute();
    assert.ok(viewed.length >= 1);
  });

  test('a planned movement is refused by keep-apart, planned elsewhere, and an override needs allocation.override and a reason', async () => {
    assert.equal((await t.client().post('/api/v1/internal-movements', move(a.id, yard.id, '09:00', '10:00'))).status, 401);
    assert.equal((await auditor.post('/api/v1/internal-movements', move(a.id, yard.id, '09:00', '10:00'))).status, 403);
    assert.equal((await officer.post('/api/v1/internal-movements', move(a.id, yard.id, '10:00', '09:00'))).status, 400);
    assert.equal((await officer.post('/api/v1/internal-movements', { ...move(a.id, yard.id, '09:00', '10:00'), purpose: 'party' })).status, 400);
    assert.equal((await officer.post('/api/v1/internal-movements', move(stranger.id, yard.id, '09:00', '10:00'))).status, 404);

    const first = await officer.post('/api/v1/internal-movements', move(a.id, yard.id, '09:00', '10:00'));
    assert.equal(first.status, 201, JSON.stringify(first.body));
    // b must be kept apart from a: the yard's corner is in the same zone, at an overlapping time.
    const refused = await officer.post('/api/v1/internal-movements', move(b.id, yardCorner.id, '09:30', '10:30'));
    assert.equal(refused.status, 422);
    assert.equal(refused.body.code, 'movement-keep-apart');
    assert.match(refused.body.title, /keep-apart/, 'the title names the rule');
    assert.equal(refused.body.detail, a.prisonNumber, 'names the other prisoner by number');
    assert.deepEqual(refused.body.errors, [{ path: 'toLocationId', message: 'movement-keep-apart' }]);
    const refusal = await t.db.selectFrom('audit_events').select('after').where('action', '=', 'internal-movement.refused').executeTakeFirstOrThrow();
    assert.equal((refusal.after as { violations: { rule: string }[] }).violations[0]!.rule, 'movement-keep-apart');

    // Later, when a is back: allowed.
    const later = await officer.post('/api/v1/internal-movements', move(b.id, yardCorner.id, '10:00', '11:00'));
    assert.equal(later.status, 201, JSON.stringify(later.body));

    // An officer may not override; a senior officer may, with a reason, and it is kept and audited.
    const overrideBody = move(b.id, yard.id, '09:00', '10:00', { override: { reason: 'Единственное окно для прогулки' } });
    assert.equal((await officer.post('/api/v1/internal-movements', overrideBody)).status, 403);
    const overridden = await senior.post('/api/v1/internal-movements', overrideBody);
    assert.equal(overridden.status, 201, JSON.stringify(overridden.body));
    assert.deepEqual((overridden.body as InternalMovement).overridden, ['movement-keep-apart']);
    assert.equal((overridden.body as InternalMovement).overrideReason, 'Единственное окно для прогулки');
  });

  test('zone rules: regime times, escorted-only, barred alert codes and prisoners', async () => {
    const closed = await officer.post('/api/v1/internal-movements', move(c.id, yard.id, '12:30', '13:30'));
    assert.equal(closed.body.code, 'movement-zone-closed');
    const clinicVisit = await officer.post('/api/v1/internal-movements', { ...move(c.id, clinic.id, '09:00', '09:30'), purpose: 'healthcare' });
    assert.equal(clinicVisit.status, 422);
    assert.equal(clinicVisit.body.code, 'movement-zone-barred-alert');
    assert.deepEqual(
      (clinicVisit.body.errors as { message: string }[]).map((e) => e.message),
      ['movement-zone-barred-alert', 'movement-zone-escort'],
    );
    assert.equal((await officer.post('/api/v1/internal-movements', { ...move(b.id, clinic.id, '11:00', '11:30'), escort: 'Рахимов' })).body.code, 'movement-zone-barred-prisoner');
    const escorted = await officer.post('/api/v1/internal-movements', { ...move(a.id, clinic.id, '11:00', '11:30'), purpose: 'healthcare', escort: 'Рахимов' });
    assert.equal(escorted.status, 201, JSON.stringify(escorted.body));
  });

  test('the log: out and back with versions, cancel, the out-of-cell board per wing with overdue flagged', async () => {
    const planned = (await officer.post('/api/v1/internal-movements', move(a.id, clinic.id, '15:00', '15:30', { escort: 'Рахимов', purpose: 'healthcare' }))).body as InternalMovement;
    assert.equal((await t.client().post(`/api/v1/internal-movements/${planned.id}/out`, { version: 1 })).status, 401);
    assert.equal((await auditor.post(`/api/v1/internal-movements/${planned.id}/out`, { version: 1 })).status, 403);
    assert.equal((await officer.post(`/api/v1/internal-movements/${planned.id}/out`, { version: 'one' })).status, 400);
    assert.equal((await officer.post(`/api/v1/internal-movements/${planned.id}/back`, { version: 1 })).body.code, 'movement-state');
    const out = await officer.post(`/api/v1/internal-movements/${planned.id}/out`, { version: 1 });
    assert.equal(out.status, 200, JSON.stringify(out.body));
    assert.equal((out.body as InternalMovement).status, 'out');
    assert.equal((await officer.post(`/api/v1/internal-movements/${planned.id}/out`, { version: 1 })).status, 409);

    // Someone out past their planned end is overdue on the board.
    const overdue = await t.db
      .insertInto('internal_movements')
      .values({ facility_id: facility.id, prisoner_id: b.id, purpose: 'work', to_location_id: clinic.id, planned_start: new Date(Date.now() - 3 * 3_600_000), planned_end: new Date(Date.now() - 3_600_000), status: 'out', out_at: new Date(Date.now() - 3 * 3_600_000), planned_by: 'test', from_location_id: b.location?.locationId ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const board = await officer.get(`/api/v1/facilities/${facility.id}/out-of-cell?wingId=${wing.id}`);
    assert.equal(board.status, 200, JSON.stringify(board.body));
    const items = board.body.items as InternalMovement[];
    assert.ok(items.some((m) => m.id === planned.id && m.status === 'out' && !m.overdue && m.wingId === wing.id));
    assert.ok(items.some((m) => m.id === overdue.id && m.overdue));
    assert.equal((await auditor.get(`/api/v1/facilities/${facility.id}/out-of-cell`)).status, 403);
    assert.equal((await officer.get(`/api/v1/facilities/${facility.id}/out-of-cell?wingId=nope`)).status, 400);

    const back = await officer.post(`/api/v1/internal-movements/${planned.id}/back`, { version: 2 });
    assert.equal(back.status, 200);
    assert.equal((back.body as InternalMovement).status, 'back');
    const events = await t.db.selectFrom('domain_events').select('type').where('type', '=', 'movement.logged').where('entity_id', '=', planned.id).execute();
    assert.equal(events.length, 3, 'planned, out and back');

    const toCancel = (await officer.post('/api/v1/internal-movements', move(c.id, yard.id, '16:00', '17:00'))).body as InternalMovement;
    assert.equal((await officer.post(`/api/v1/internal-movements/${toCancel.id}/cancel`, { version: 1 })).status, 400);
    const cancelled = await officer.post(`/api/v1/internal-movements/${toCancel.id}/cancel`, { reason: 'Карантин', version: 1 });
    assert.equal((cancelled.body as InternalMovement).status, 'cancelled');

    const log = await officer.get(`/api/v1/facilities/${facility.id}/movement-log`);
    assert.equal(log.status, 200);
    assert.ok((log.body.items as InternalMovement[]).some((m) => m.id === toCancel.id));
  });

  test('ending a keep-apart group: 403, 400, 200, and the pair may then meet', async () => {
    const group = ((await security.get(`/api/v1/facilities/${facility.id}/keep-apart`)).body.items as KeepApart[])[0]!;
    assert.equal((await officer.post(`/api/v1/keep-apart/${group.id}/end`, { reason: 'Освобождён', version: group.version })).status, 403);
    assert.equal((await security.post(`/api/v1/keep-apart/${group.id}/end`, { version: group.version })).status, 400);
    const ended = await security.post(`/api/v1/keep-apart/${group.id}/end`, { reason: 'Конфликт исчерпан', version: group.version });
    assert.equal(ended.status, 200, JSON.stringify(ended.body));
    assert.equal((ended.body as KeepApart).active, false);
    assert.equal((await security.post(`/api/v1/keep-apart/${group.id}/end`, { reason: 'again', version: (ended.body as KeepApart).version })).body.code, 'keep-apart-ended');
  });
});
