import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Facility, Location, Prisoner, PrisonerRegime, RegimeMonitor, RegimeSheet } from '@vigil/contracts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { factories } from '../../testing/factories.ts';
import { addDays, localDay } from '../../platform/time/calendar.ts';

describe(`regime over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let officer: Client;
  let governor: Client;
  let caseManager: Client;
  let facility: Facility;
  let elsewhere: Facility;
  let wing: Location;
  let otherWing: Location;
  let a: Prisoner;
  let b: Prisoner;
  let c: Prisoner;
  let stranger: Prisoner;
  const today = () => localDay(new Date(), 'Asia/Dushanbe');
  const fields = { exerciseOfferedMinutes: 60, exerciseTakenMinutes: 60, breakfast: 'taken', lunch: 'taken', supper: 'taken', shower: 'not-offered' };
  const row = (p: Prisoner, extra: Record<string, unknown> = {}) => ({ prisonerId: p.id, version: null, ...fields, ...extra });
  const save = (client: Client, date: string, rows: unknown[]) => client.put('/api/v1/regime/sheet', { facilityId: facility.id, date, rows });

  before(async () => {
    t = await startTestApp();
    const f = factories(t);
    facility = await f.facility('RG1');
    elsewhere = await f.facility('RG2');
    const scope = { facilityIds: [facility.id] };
    officer = await f.signedIn(['officer'], scope);
    governor = await f.signedIn(['governor'], scope);
    caseManager = await f.signedIn(['case_manager'], scope);
    const w1 = await f.wing(facility.id);
    const w2 = await f.wing(facility.id);
    wing = w1.wing;
    otherWing = w2.wing;
    const cell = await f.cell(w1.landing, { operationalCapacity: 4, baselineCapacity: 4 });
    const cell2 = await f.cell(w2.landing);
    a = await f.placement(await f.prisoner(facility.id, { familyName: 'Назаров', givenName: 'Далер' }), cell);
    b = await f.placement(await f.prisoner(facility.id, { familyName: 'Каримов', givenName: 'Сино' }), cell);
    c = await f.placement(await f.prisoner(facility.id, { familyName: 'Шарипов', givenName: 'Фирдавс' }), cell2);
    stranger = await f.prisoner(elsewhere.id);
  });
  after(() => t.close());

  test('the sheet: 401, 403 without regime.read, 400, 404, 200 with one row per prisoner on the wing', async () => {
    const url = `/api/v1/facilities/${facility.id}/regime/sheet?wingId=${wing.id}&date=${today()}`;
    assert.equal((await t.client().get(url)).status, 401);
    assert.equal((await caseManager.get(url)).status, 403);
    assert.equal((await officer.get(`/api/v1/facilities/${facility.id}/regime/sheet?wingId=${wing.id}`)).status, 400);
    assert.equal((await officer.get(`/api/v1/facilities/${elsewhere.id}/regime/sheet?wingId=${wing.id}&date=${today()}`)).status, 404);
    const sheet = await officer.get(url);
    assert.equal(sheet.status, 200, JSON.stringify(sheet.body));
    const s = sheet.body as RegimeSheet;
    assert.deepEqual(s.rows.map((r) => r.prisoner.id).sort(), [a.id, b.id].sort());
    assert.ok(s.rows.every((r) => r.day === null && r.prisoner.cellPath));
  });

  test('saving: 401, 403, 400, 422 a refusal without reason, a prisoner elsewhere or a future day, 200, 409 a stale version', async () => {
    assert.equal((await save(t.client(), today(), [row(a)])).status, 401);
    assert.equal((await save(caseManager, today(), [row(a)])).status, 403);
    assert.equal((await save(governor, today(), [row(a)])).status, 403, 'the governor reads, the wing records');
    assert.equal((await save(officer, today(), [row(a, { exerciseTakenMinutes: 90 })])).status, 400);
    assert.equal((await save(officer, today(), [row(a, { lunch: 'maybe' })])).status, 400);
    assert.equal((await save(officer, today(), [row(a), row(a)])).status, 400);
    const noReason = await save(officer, today(), [row(a, { exerciseTakenMinutes: 0 })]);
    assert.equal(noReason.status, 422);
    assert.deepEqual(noReason.body.errors, [{ path: 'rows.0.refusalReason', message: 'regime-refusal-reason' }]);
    assert.equal((await save(officer, today(), [row(stranger)])).body.code, 'regime-not-held');
    assert.equal((await save(officer, addDays(today(), 2), [row(a)])).body.code, 'regime-future-day');

    const saved = await save(officer, today(), [row(a, { exerciseTakenMinutes: 0, lunch: 'refused', refusalReason: 'Голодовка' }), row(b)]);
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.saved, 2);
    assert.equal((await save(officer, today(), [row(b)])).status, 409, 'the row exists: its version is needed');
    const sheet = (await officer.get(`/api/v1/facilities/${facility.id}/regime/sheet?wingId=${wing.id}&date=${today()}`)).body as RegimeSheet;
    const dayA = sheet.rows.find((r) => r.prisoner.id === a.id)!.day!;
    assert.deepEqual([dayA.lunch, dayA.refusalReason, dayA.rule23Met], ['refused', 'Голодовка', true]);
    const corrected = await save(officer, today(), [row(a, { version: dayA.version, exerciseOfferedMinutes: 30, exerciseTakenMinutes: 30 })]);
    assert.equal(corrected.status, 200, JSON.stringify(corrected.body));
    assert.equal(corrected.body.items[0].rule23Met, false);
    const audited = await t.db.selectFrom('audit_events').select('action').where('entity_type', '=', 'regime-day').execute();
    assert.deepEqual(audited.map((e) => e.action).sort(), ['regime-day.corrected', 'regime-day.recorded', 'regime-day.recorded']);
  });

  test('the Rule 23 monitor: those not offered an hour, with days in a row', async () => {
    const url = `/api/v1/facilities/${facility.id}/regime/monitor?date=${today()}`;
    assert.equal((await t.client().get(url)).status, 401);
    assert.equal((await caseManager.get(url)).status, 403);
    assert.equal((await governor.get(`${url}&minDays=0`)).status, 400);
    const monitor = await governor.get(url);
    assert.equal(monitor.status, 200, JSON.stringify(monitor.body));
    const m = monitor.body as RegimeMonitor;
    const byId = new Map(m.items.map((i) => [i.prisoner.id, i]));
    assert.equal(byId.has(b.id), false, 'b had an hour');
    assert.equal(byId.get(a.id)?.offeredMinutes, 30);
    assert.equal(byId.get(c.id)?.offeredMinutes, null, 'no record: not shown to have been offered');
    assert.equal(byId.get(a.id)?.consecutiveDays, 1, 'admitted today');
    const several = (await governor.get(`${url}&minDays=2`)).body as RegimeMonitor;
    assert.equal(several.items.length, 0);
    void otherWing;
  });

  test('the prisoner file: a prisoner’s record', async () => {
    assert.equal((await t.client().get(`/api/v1/prisoners/${a.id}/regime`)).status, 401);
    assert.equal((await caseManager.get(`/api/v1/prisoners/${a.id}/regime`)).status, 403);
    assert.equal((await officer.get(`/api/v1/prisoners/${a.id}/regime?days=500`)).status, 400);
    assert.equal((await officer.get(`/api/v1/prisoners/${stranger.id}/regime`)).status, 404);
    const record = await officer.get(`/api/v1/prisoners/${a.id}/regime`);
    assert.equal(record.status, 200);
    const r = record.body as PrisonerRegime;
    assert.deepEqual([r.daysRecorded, r.daysRule23Met, r.refusals], [1, 0, 0], 'the correction took the refusal back');
  });
});
