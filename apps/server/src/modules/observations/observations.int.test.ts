import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Facility, MissedCheck, ObservationCheck, ObservationCompliance, ObservationLevel, ObservationSupervision, Prisoner, PrisonerObservation } from '@vigil/contracts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { factories } from '../../testing/factories.ts';
import { addDays, localDay } from '../../platform/time/calendar.ts';
import { observationSweeper } from './observations.service.ts';

const MINUTE = 60_000;

describe(`observations over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  // The injected clock: tests move it on to let due times pass.
  let nowMs = Date.now();
  const advance = (minutes: number) => (nowMs += minutes * MINUTE);
  let senior: Client;
  let officer: Client;
  let auditor: Client;
  let liaison: Client;
  let facility: Facility;
  let wingId: string;
  let watched: Prisoner[];
  let stranger: Prisoner;
  const today = () => localDay(new Date(nowMs), 'Asia/Dushanbe');
  const setBody = (prisonerId: string, extra: Record<string, unknown> = {}) => ({ prisonerId, level: 'quarter-hourly', reason: 'Self-harm risk after bad news from home', reviewOn: addDays(today(), 1), ...extra });
  const checkBody = { activity: 'sitting', signOfLife: 'movement' };
  const missedRows = async (levelId: string) => t.db.selectFrom('observation_missed').selectAll().where('level_id', '=', levelId).orderBy('due_at').execute();

  before(async () => {
    t = await startTestApp({}, { clock: { now: () => new Date(nowMs) } });
    const f = factories(t);
    facility = await f.facility('OB1');
    const elsewhere = await f.facility('OB2');
    const { wing, landing } = await f.wing(facility.id);
    wingId = wing.id;
    const cell = await f.cell(landing, { baselineCapacity: 6 });
    const scope = { facilityIds: [facility.id] };
    senior = await f.signedIn(['senior_officer'], scope);
    officer = await f.signedIn(['officer'], scope);
    auditor = await f.signedIn(['auditor'], scope);
    liaison = await f.signedIn(['partner_liaison'], scope);
    watched = [];
    for (const name of ['Назаров', 'Каримов', 'Шарипов', 'Раҳимов']) watched.push(await f.placement(await f.prisoner(facility.id, { familyName: name }), cell));
    stranger = await f.prisoner(elsewhere.id);
  });
  after(() => t.close());

  test('level types: 401 signed out, 403 without observations.read, the four defaults', async () => {
    assert.equal((await t.client().get('/api/v1/observations/level-types')).status, 401);
    assert.equal((await liaison.get('/api/v1/observations/level-types')).status, 403);
    const r = await officer.get('/api/v1/observations/level-types');
    assert.equal(r.status, 200);
    assert.deepEqual(
      r.body.items.map((i: { code: string; intervalMinutes: number | null }) => [i.code, i.intervalMinutes]).sort(),
      [['constant', null], ['half-hourly', 30], ['hourly', 60], ['quarter-hourly', 15]],
    );
  });

  let level: ObservationLevel;
  test('setting a level: 401, 403 for an officer, 400 on bad input, 422 by rule, 404 elsewhere, 201, 409 when already on observation', async () => {
    const p = watched[0]!;
    assert.equal((await t.client().post('/api/v1/observations', setBody(p.id))).status, 401);
    assert.equal((await officer.post('/api/v1/observations', setBody(p.id))).status, 403);
    assert.equal((await senior.post('/api/v1/observations', setBody(p.id, { reason: '' }))).status, 400);
    assert.equal((await senior.post('/api/v1/observations', setBody(p.id, { reviewOn: '2026-13-01' }))).status, 400);
    assert.equal((await senior.post('/api/v1/observations', setBody(p.id, { extra: 1 }))).status, 400);
    const unknown = await senior.post('/api/v1/observations', setBody(p.id, { level: 'every-5' }));
    assert.deepEqual([unknown.status, unknown.body.code], [422, 'observation-level-unknown']);
    const past = await senior.post('/api/v1/observations', setBody(p.id, { reviewOn: addDays(today(), -1) }));
    assert.deepEqual([past.status, past.body.code], [422, 'observation-review-date-invalid']);
    const future = await senior.post('/api/v1/observations', setBody(p.id, { startAt: new Date(nowMs + 60 * MINUTE).toISOString() }));
    assert.deepEqual([future.status, future.body.code], [422, 'observation-start-invalid']);
    assert.equal((await senior.post('/api/v1/observations', setBody(stranger.id))).status, 404);

    const r = await senior.post('/api/v1/observations', setBody(p.id));
    assert.equal(r.status, 201, JSON.stringify(r.body));
    level = r.body;
    assert.equal(level.level.intervalMinutes, 15);
    assert.equal(level.prisoner.wing?.id, wingId, 'the board names the wing the prisoner is on');
    assert.equal(new Date(level.window!.dueAt).getTime() - new Date(level.window!.opensAt).getTime(), 15 * MINUTE);
    assert.equal(level.overdue, false);
    const again = await senior.post('/api/v1/observations', setBody(p.id));
    assert.deepEqual([again.status, again.body.code], [409, 'observation-already-active']);

    const board = await officer.get(`/api/v1/observations?facilityId=${facility.id}`);
    assert.equal(board.status, 200);
    assert.ok((board.body.items as ObservationLevel[]).some((l) => l.id === level.id));
    assert.equal((await liaison.get(`/api/v1/observations?facilityId=${facility.id}`)).status, 403);
    assert.equal((await officer.get('/api/v1/observations')).status, 400);
    const events = await t.db.selectFrom('domain_events').select('type').where('entity_id', '=', level.id).execute();
    assert.ok(events.some((e) => e.type === 'observation.level-set'));
  });

  test('checks: on time anywhere inside the window; a missed due time swept once (two sweepers); the late check marked late with its minutes', async () => {
    assert.equal((await t.client().post(`/api/v1/observation-levels/${level.id}/checks`, checkBody)).status, 401);
    assert.equal((await auditor.post(`/api/v1/observation-levels/${level.id}/checks`, checkBody)).status, 403);
    assert.equal((await officer.post(`/api/v1/observation-levels/${level.id}/checks`, { ...checkBody, signOfLife: 'none' })).status, 400);
    assert.equal((await officer.post(`/api/v1/observation-levels/${level.id}/checks`, { activity: 'sitting' })).status, 400);

    advance(11); // irregular: 11 minutes into a 15-minute window
    const onTime = await officer.post(`/api/v1/observation-levels/${level.id}/checks`, { ...checkBody, note: 'Reading a letter' });
    assert.equal(onTime.status, 201, JSON.stringify(onTime.body));
    assert.deepEqual([onTime.body.late, onTime.body.minutesLate], [false, null]);

    advance(20); // due at +15 after that check: now 5 minutes past it
    await Promise.all([t.services.observations.sweep(), t.services.observations.sweep()]);
    await t.services.observations.sweep();
    const missed = await missedRows(level.id);
    assert.equal(missed.length, 1, 'one row per level and due time, however many sweeps');
    assert.equal(missed[0]!.due_at.getTime(), nowMs - 5 * MINUTE);
    const published = await t.db.selectFrom('domain_events').select('payload').where('type', '=', 'observation.check-missed').where('entity_id', '=', level.id).execute();
    assert.equal(published.length, 1, 'published once');

    const supervision = await senior.get(`/api/v1/observations/supervision?facilityId=${facility.id}`);
    assert.equal(supervision.status, 200);
    const s = supervision.body as ObservationSupervision;
    assert.equal(s.overdue.find((l) => l.id === level.id)?.minutesOverdue, 5);
    assert.equal(s.missed.find((m) => m.levelId === level.id)?.answeredAt, null);
    assert.equal((await officer.get(`/api/v1/observations/supervision?facilityId=${facility.id}`)).status, 403);

    const late = await officer.post(`/api/v1/observation-levels/${level.id}/checks`, { activity: 'asleep', signOfLife: 'breathing' });
    assert.equal(late.status, 201);
    const c = late.body as ObservationCheck;
    assert.deepEqual([c.late, c.minutesLate, c.dueAt], [true, 5, missed[0]!.due_at.toISOString()]);
    const after = (await senior.get(`/api/v1/observations/supervision?facilityId=${facility.id}`)).body as ObservationSupervision;
    assert.ok(after.late.some((x) => x.id === c.id));
    assert.ok(!after.overdue.some((l) => l.id === level.id), 'no longer overdue');
    assert.equal(after.missed.find((m: MissedCheck) => m.levelId === level.id)?.answeredAt, c.checkedAt);
  });

  test('a check made after several due times: those before stay missed, the last is answered late', async () => {
    advance(15 + 15 + 7); // dues at +15 and +30 passed; now 7 past the second
    const r = await officer.post(`/api/v1/observation-levels/${level.id}/checks`, checkBody);
    assert.equal(r.status, 201);
    assert.equal(r.body.minutesLate, 7);
    const rows = await missedRows(level.id);
    assert.equal(rows.length, 3);
    assert.equal(rows.filter((m) => m.answered_by !== null).length, 2);
  });

  test('a level started in the past: the due times gone by are missed at once, and it shows overdue', async () => {
    const r = await senior.post('/api/v1/observations', setBody(watched[1]!.id, { startAt: new Date(nowMs - 40 * MINUTE).toISOString() }));
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.deepEqual([r.body.overdue, r.body.minutesOverdue], [true, 25]);
    assert.equal((await missedRows(r.body.id)).length, 2);
    const tooEarly = await senior.post('/api/v1/observations', setBody(watched[2]!.id, { startAt: new Date(nowMs - 25 * 60 * MINUTE).toISOString() }));
    assert.deepEqual([tooEarly.status, tooEarly.body.code], [422, 'observation-start-invalid']);
  });

  test('constant observation: no timed checks, handovers of the watching officer', async () => {
    const r = await senior.post('/api/v1/observations', setBody(watched[2]!.id, { level: 'constant' }));
    assert.equal(r.status, 201);
    assert.equal(r.body.window, null);
    const check = await officer.post(`/api/v1/observation-levels/${r.body.id}/checks`, checkBody);
    assert.deepEqual([check.status, check.body.code], [422, 'observation-constant-no-checks']);
    assert.equal((await auditor.post(`/api/v1/observation-levels/${r.body.id}/handovers`, {})).status, 403);
    assert.equal((await officer.post(`/api/v1/observation-levels/${r.body.id}/handovers`, { note: 1 })).status, 400);
    const h = await officer.post(`/api/v1/observation-levels/${r.body.id}/handovers`, { note: 'Took over at the cell door' });
    assert.equal(h.status, 201, JSON.stringify(h.body));
    const handoverOnTimed = await officer.post(`/api/v1/observation-levels/${level.id}/handovers`, {});
    assert.deepEqual([handoverOnTimed.status, handoverOnTimed.body.code], [422, 'observation-not-constant']);
    const board = (await officer.get(`/api/v1/observations?facilityId=${facility.id}`)).body.items as ObservationLevel[];
    assert.equal(board.find((l) => l.id === r.body.id)?.watcher?.since, h.body.at);
    await t.services.observations.sweep();
    assert.equal((await missedRows(r.body.id)).length, 0, 'constant observation has no due times to miss');
  });

  test('reviews: 403, 400, 422 incomplete, change (new window), 409 on a stale version, continue, end; no checks after the end', async () => {
    const url = `/api/v1/observation-levels/${level.id}/review`;
    const current = (await senior.get(`/api/v1/prisoners/${watched[0]!.id}/observations`)).body.current as ObservationLevel;
    assert.equal((await officer.post(url, { version: current.version, outcome: 'end', reason: 'x' })).status, 403);
    assert.equal((await senior.post(url, { version: current.version, outcome: 'stop', reason: 'x' })).status, 400);
    const incomplete = await senior.post(url, { version: current.version, outcome: 'change', reason: 'Calmer', reviewOn: addDays(today(), 2) });
    assert.deepEqual([incomplete.status, incomplete.body.code], [422, 'observation-review-incomplete']);

    const changed = await senior.post(url, { version: current.version, outcome: 'change', level: 'hourly', reason: 'Calmer after the psychologist saw him', reviewOn: addDays(today(), 2) });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.equal(changed.body.level.code, 'hourly');
    assert.equal(new Date(changed.body.window.dueAt).getTime(), nowMs + 60 * MINUTE, 'the new interval runs from the change');
    assert.equal((await senior.post(url, { version: current.version, outcome: 'continue', reason: 'x', reviewOn: addDays(today(), 2) })).status, 409);
    const continued = await senior.post(url, { version: changed.body.version, outcome: 'continue', reason: 'Settled', reviewOn: addDays(today(), 3) });
    assert.equal(continued.status, 200);
    const ended = await senior.post(url, { version: continued.body.version, outcome: 'end', reason: 'No longer at risk' });
    assert.equal(ended.status, 200);
    assert.equal(ended.body.status, 'ended');
    const late = await officer.post(`/api/v1/observation-levels/${level.id}/checks`, checkBody);
    assert.deepEqual([late.status, late.body.code], [409, 'observation-ended']);
    const audit = await t.db.selectFrom('audit_events').select('action').where('entity_id', '=', level.id).execute();
    for (const action of ['observation.level-set', 'observation.checked', 'observation.check-missed', 'observation.level-changed', 'observation.level-continued', 'observation.level-ended']) {
      assert.ok(audit.some((a) => a.action === action), action);
    }
  });

  test("a prisoner's observation: history, checks and misses; the read is audited; 404 elsewhere", async () => {
    assert.equal((await liaison.get(`/api/v1/prisoners/${watched[0]!.id}/observations`)).status, 403);
    assert.equal((await auditor.get(`/api/v1/prisoners/${stranger.id}/observations`)).status, 404);
    const r = await auditor.get(`/api/v1/prisoners/${watched[0]!.id}/observations`);
    assert.equal(r.status, 200);
    const o = r.body as PrisonerObservation;
    assert.equal(o.current, null);
    assert.deepEqual(o.history.map((h) => h.kind), ['ended', 'continued', 'changed', 'set']);
    assert.equal(o.checks.length, 3);
    assert.equal(o.missed.length, 3);
    const viewed = await t.db.selectFrom('audit_events').select('action').where('action', '=', 'prisoner.observations-viewed').where('entity_id', '=', watched[0]!.id).execute();
    assert.ok(viewed.length >= 1);
  });

  test('compliance per wing: on time, late, missed never answered; 403 for officers', async () => {
    assert.equal((await officer.get(`/api/v1/observations/compliance?facilityId=${facility.id}`)).status, 403);
    assert.equal((await senior.get(`/api/v1/observations/compliance?facilityId=${facility.id}&days=90`)).status, 400);
    const r = await senior.get(`/api/v1/observations/compliance?facilityId=${facility.id}`);
    assert.equal(r.status, 200);
    const c = r.body as ObservationCompliance;
    const wing = c.wings.find((w) => w.wing?.id === wingId)!;
    // Prisoner 1: 1 on time, 2 late, 1 missed never answered; prisoner 2: 2 missed.
    assert.deepEqual([wing.onTime, wing.late, wing.missed], [1, 2, 3]);
    assert.equal(wing.onTimeRate, 1 / 6);
    assert.deepEqual([c.total.onTime, c.total.late, c.total.missed], [1, 2, 3]);
  });

  test('the sweeper started by the module sweeps on its own with the injected clock, and stops', async () => {
    const p = watched[3]!;
    const r = await senior.post('/api/v1/observations', setBody(p.id, { level: 'half-hourly' }));
    advance(31);
    const sweeper = observationSweeper(t.services.observations, (err) => assert.fail(String(err)), 20);
    sweeper.start();
    for (let i = 0; i < 100 && (await missedRows(r.body.id)).length === 0; i++) await new Promise((done) => setTimeout(done, 20));
    await sweeper.stop();
    assert.equal((await missedRows(r.body.id)).length, 1);
  });
});
