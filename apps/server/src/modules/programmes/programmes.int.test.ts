import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Enrolment, Facility, Prisoner, Programme, ProgrammeProgress, ProgrammesSummary, Register } from '@vigil/contracts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { factories } from '../../testing/factories.ts';
import { addDays, localDay } from '../../platform/time/calendar.ts';

describe(`programmes over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let caseManager: Client;
  let officer: Client;
  let auditor: Client;
  let facility: Facility;
  let elsewhere: Facility;
  let convicted: Prisoner[];
  let untried: Prisoner;
  let alerted: Prisoner;
  let stranger: Prisoner;
  const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '12:00' }));
  const yesterday = () => addDays(localDay(new Date(), 'Asia/Dushanbe'), -1);
  const body = (extra: Record<string, unknown> = {}) => ({
    facilityId: facility.id,
    kind: 'vocational',
    name: 'Wood workshop',
    nameRu: 'Столярная мастерская',
    nameTg: 'Устохонаи дуредгарӣ',
    capacity: 2,
    hoursPerWeek: 9,
    sessions: everyDay,
    eligibility: [{ kind: 'legal-status', status: 'convicted' }, { kind: 'no-alert', code: 'escape-risk' }],
    ...extra,
  });
  const rows = async (table: 'programme_enrolments' | 'programme_sessions' | 'programme_attendance') =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  before(async () => {
    t = await startTestApp();
    const f = factories(t);
    facility = await f.facility('PG1');
    elsewhere = await f.facility('PG2');
    const scope = { facilityIds: [facility.id] };
    caseManager = await f.signedIn(['case_manager'], scope);
    officer = await f.signedIn(['officer'], scope);
    auditor = await f.signedIn(['auditor'], scope);
    convicted = [await f.prisoner(facility.id, { familyName: 'Назаров', givenName: 'Далер' }), await f.prisoner(facility.id, { familyName: 'Каримов', givenName: 'Сино' }), await f.prisoner(facility.id, { familyName: 'Шарипов', givenName: 'Фирдавс' })];
    untried = await f.prisoner(facility.id, { legalStatus: 'untried', familyName: 'Юсупов', givenName: 'Баҳодур' });
    alerted = await f.prisoner(facility.id, { familyName: 'Раҷабов', givenName: 'Исмоил' });
    await t.services.alerts.raise(f.system, alerted.id, { code: 'escape-risk', startsOn: addDays(yesterday(), -10), comment: null });
    stranger = await f.prisoner(elsewhere.id);
  });
  after(() => t.close());

  test('the catalogue: 401, 403 without manage, 400 on bad input, 201, the facility list, 409 on a taken name', async () => {
    assert.equal((await t.client().post('/api/v1/programmes', body())).status, 401);
    assert.equal((await officer.post('/api/v1/programmes', body())).status, 403);
    assert.equal((await auditor.get(`/api/v1/programmes?facilityId=${facility.id}`)).status, 403);
    assert.equal((await caseManager.post('/api/v1/programmes', body({ capacity: 0 }))).status, 400);
    assert.equal((await caseManager.post('/api/v1/programmes', body({ kind: 'gardening' }))).status, 400);
    assert.equal((await caseManager.post('/api/v1/programmes', body({ sessions: [{ weekday: 1, start: '12:00', end: '09:00' }] }))).status, 400);
    assert.equal((await caseManager.post('/api/v1/programmes', body({ eligibility: [{ kind: 'sex', sex: 'other' }] }))).status, 400);
    assert.equal((await caseManager.post('/api/v1/programmes', body({ facilityId: elsewhere.id }))).status, 404, 'a facility outside the actor’s scope is not found');

    const created = await caseManager.post('/api/v1/programmes', body());
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const p = created.body as Programme;
    assert.deepEqual([p.capacity, p.enrolled, p.waiting, p.hoursPerWeek, p.offer], [2, 0, 0, 9, null]);
    const taken = await caseManager.post('/api/v1/programmes', body({ name: 'WOOD workshop' }));
    assert.equal(taken.status, 409);
    assert.equal(taken.body.code, 'programme-duplicate-name');

    const list = await officer.get(`/api/v1/programmes?facilityId=${facility.id}`);
    assert.equal(list.status, 200);
    assert.ok((list.body.items as Programme[]).some((x) => x.id === p.id));
    assert.equal((await officer.get('/api/v1/programmes')).status, 400);

    const edited = await caseManager.put(`/api/v1/programmes/${p.id}`, { ...body(), facilityId: undefined, capacity: 3, active: true, version: p.version });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.equal((await caseManager.put(`/api/v1/programmes/${p.id}`, { ...body(), facilityId: undefined, active: true, version: p.version })).status, 409, 'a stale version is a conflict');
    assert.equal((await caseManager.put(`/api/v1/programmes/${p.id}`, { ...body(), facilityId: undefined, capacity: 2, active: true, version: edited.body.version })).status, 200);
  });

  test('enrolment: ineligible refused naming the rule, full refused offering the waiting list, nothing half-written; completion frees a place for the first waiting', async () => {
    const p = (await caseManager.post('/api/v1/programmes', body({ name: 'Metal workshop' }))).body as Programme;
    const enrol = (prisoner: Prisoner, extra: Record<string, unknown> = {}) => caseManager.post(`/api/v1/programmes/${p.id}/enrolments`, { prisonerId: prisoner.id, ...extra });
    assert.equal((await officer.post(`/api/v1/programmes/${p.id}/enrolments`, { prisonerId: convicted[0]!.id })).status, 403);
    assert.equal((await caseManager.post(`/api/v1/programmes/${p.id}/enrolments`, { prisonerId: 'nope' })).status, 400);
    const before = await rows('programme_enrolments');

    const ineligible = await enrol(untried);
    assert.equal(ineligible.status, 422);
    assert.equal(ineligible.body.code, 'programme-ineligible-legal-status');
    assert.deepEqual(ineligible.body.errors, [{ path: 'eligibility.0', message: 'programme-ineligible-legal-status' }]);
    const flagged = await enrol(alerted, { waitingList: true });
    assert.equal(flagged.body.code, 'programme-ineligible-no-alert', 'the waiting list is no way round the rules');
    assert.equal((await enrol(stranger)).status, 404, 'a prisoner outside the actor’s facilities is not found');

    const first = await enrol(convicted[0]!);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal((first.body as Enrolment).status, 'enrolled');
    assert.equal((await enrol(convicted[0]!)).body.code, 'programme-already-enrolled');
    assert.equal((await enrol(convicted[1]!)).status, 201);

    const full = await enrol(convicted[2]!);
    assert.equal(full.status, 409);
    assert.equal(full.body.code, 'programme-full');
    assert.equal(await rows('programme_enrolments'), before + 2, 'refusals wrote nothing');
    const queued = await enrol(convicted[2]!, { waitingList: true });
    assert.equal(queued.status, 201);
    assert.equal((queued.body as Enrolment).status, 'waiting');

    let programme = (await officer.get(`/api/v1/programmes/${p.id}`)).body as Programme;
    assert.deepEqual([programme.enrolled, programme.waiting, programme.offer], [2, 1, null]);
    const waiting = queued.body as Enrolment;
    assert.equal((await caseManager.post(`/api/v1/programme-enrolments/${waiting.id}/admit`, { version: waiting.version })).body.code, 'programme-full');

    const e0 = first.body as Enrolment;
    const noReason = await caseManager.post(`/api/v1/programme-enrolments/${e0.id}/end`, { version: e0.version, outcome: 'withdrawn' });
    assert.equal(noReason.status, 400, 'a withdrawal needs its reason');
    const done = await caseManager.post(`/api/v1/programme-enrolments/${e0.id}/end`, { version: e0.version, outcome: 'completed', reason: null });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal((done.body as Enrolment).status, 'completed');
    assert.equal((await caseManager.post(`/api/v1/programme-enrolments/${e0.id}/end`, { version: done.body.version, outcome: 'withdrawn', reason: 'x' })).body.code, 'programme-enrolment-wrong-status');

    programme = (await officer.get(`/api/v1/programmes/${p.id}`)).body as Programme;
    assert.equal(programme.offer, waiting.id, 'the freed place is offered to the first waiting');
    const admitted = await caseManager.post(`/api/v1/programme-enrolments/${waiting.id}/admit`, { version: waiting.version });
    assert.equal(admitted.status, 200, JSON.stringify(admitted.body));
    assert.equal((admitted.body as Enrolment).status, 'enrolled');

    const list = (await officer.get(`/api/v1/programmes/${p.id}/enrolments`)).body.items as Enrolment[];
    assert.deepEqual(list.map((e) => e.status), ['enrolled', 'enrolled', 'completed']);

    const events = await t.db.selectFrom('domain_events').select(['type', 'payload']).where('type', 'in', ['programme.enrolled', 'programme.ended']).execute();
    assert.ok(events.some((e) => e.type === 'programme.ended' && (e.payload as { outcome: string }).outcome === 'completed'));
    assert.equal(events.filter((e) => e.type === 'programme.enrolled' && (e.payload as { programmeId: string }).programmeId === p.id).length, 3);
  });

  test('the register: everyone enrolled marked in one save, refusals write nothing, the same save again changes nothing, progress and summary show it', async () => {
    const p = (await caseManager.post('/api/v1/programmes', body({ name: 'Kitchen work party', kind: 'employment', capacity: 5, hoursPerWeek: 30, eligibility: [] }))).body as Programme;
    const [a, b] = [convicted[0]!, untried];
    const ea = (await caseManager.post(`/api/v1/programmes/${p.id}/enrolments`, { prisonerId: a.id })).body as Enrolment;
    const eb = (await caseManager.post(`/api/v1/programmes/${p.id}/enrolments`, { prisonerId: b.id, hoursPerWeek: 20 })).body as Enrolment;
    assert.equal(eb.hoursPerWeek, 20);
    // Enrolled today; the register of yesterday would be empty, so these registers are of today.
    const day = addDays(yesterday(), 1);

    const reg = await officer.get(`/api/v1/programmes/${p.id}/register?date=${day}&start=09:00`);
    assert.equal(reg.status, 200, JSON.stringify(reg.body));
    assert.equal((reg.body as Register).version, null);
    assert.deepEqual((reg.body as Register).entries.map((e) => e.enrolmentId).sort(), [ea.id, eb.id].sort());
    assert.equal((await officer.get(`/api/v1/programmes/${p.id}/register?date=${day}&start=10:00`)).body.code, 'programme-no-session');

    const url = `/api/v1/programmes/${p.id}/register`;
    const marks = [{ enrolmentId: ea.id, mark: 'attended', hours: 6 }, { enrolmentId: eb.id, mark: 'absent', absenceReason: 'court' }];
    assert.equal((await t.client().put(url, { date: day, start: '09:00', version: null, marks })).status, 401);
    assert.equal((await auditor.put(url, { date: day, start: '09:00', version: null, marks })).status, 403);
    assert.equal((await officer.put(url, { date: day, start: '9am', version: null, marks })).status, 400);
    const incomplete = await officer.put(url, { date: day, start: '09:00', version: null, marks: marks.slice(0, 1) });
    assert.equal(incomplete.body.code, 'programme-register-incomplete');
    const noReason = await officer.put(url, { date: day, start: '09:00', version: null, marks: [marks[0], { enrolmentId: eb.id, mark: 'absent' }] });
    assert.deepEqual(noReason.body.errors, [{ path: 'marks.1.absenceReason', message: 'programme-absence-reason' }]);
    assert.equal((await officer.put(url, { date: addDays(day, 1), start: '09:00', version: null, marks })).body.code, 'programme-session-future');
    assert.equal(await rows('programme_sessions'), 0, 'refusals wrote nothing');

    const saved = await officer.put(url, { date: day, start: '09:00', version: null, marks });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal((saved.body as Register).version, 1);
    const again = await officer.put(url, { date: day, start: '09:00', version: null, marks });
    assert.equal(again.status, 200, 'the same register again is answered as it stands');
    assert.equal((again.body as Register).version, 1);
    assert.equal((await officer.put(url, { date: day, start: '09:00', version: null, marks: [marks[0], { enrolmentId: eb.id, mark: 'excused' }] })).status, 409, 'a different register on a stale version is a conflict');
    const corrected = await officer.put(url, { date: day, start: '09:00', version: 1, marks: [marks[0], { enrolmentId: eb.id, mark: 'excused' }] });
    assert.equal(corrected.status, 200);
    assert.equal((corrected.body as Register).version, 2);
    assert.equal(await rows('programme_attendance'), 2);

    const sessions = await officer.get(`/api/v1/programmes/${p.id}/sessions?from=${addDays(day, -2)}&to=${day}`);
    assert.equal(sessions.status, 200);
    assert.deepEqual(sessions.body.items.map((s: { taken: boolean; attended: number }) => [s.taken, s.attended]), [[false, 0], [false, 0], [true, 1]]);
    assert.equal((await officer.get(`/api/v1/programmes/${p.id}/sessions?from=${day}&to=${addDays(day, 200)}`)).status, 400);

    const progress = await officer.get(`/api/v1/prisoners/${a.id}/programmes`);
    assert.equal(progress.status, 200);
    const work = (progress.body.items as ProgrammeProgress[]).find((x) => x.programme.id === p.id)!;
    assert.deepEqual([work.sessionsHeld, work.attended, work.attendanceRate, work.hoursWorked], [1, 1, 1, 6]);
    const views = await t.db.selectFrom('audit_events').select('action').where('entity_id', '=', a.id).where('action', '=', 'prisoner.programmes-viewed').execute();
    assert.equal(views.length, 1, 'the read is audited');
    assert.equal((await auditor.get(`/api/v1/prisoners/${a.id}/programmes`)).status, 403);

    const summary = await officer.get(`/api/v1/programmes/summary?facilityId=${facility.id}&weeks=2`);
    assert.equal(summary.status, 200, JSON.stringify(summary.body));
    const line = (summary.body as ProgrammesSummary).items.find((x) => x.programmeId === p.id)!;
    assert.deepEqual([line.capacity, line.enrolled, line.waiting, line.attended, line.expected, line.attendanceRate], [5, 2, 0, 1, 1, 1]);
    assert.equal((await officer.get(`/api/v1/programmes/summary?facilityId=${facility.id}&weeks=99`)).status, 400);
    assert.equal((await officer.get(`/api/v1/programmes/summary?facilityId=${elsewhere.id}`)).status, 404);
  });

  test('a prisoner released leaves their places: each open place withdrawn with the cause, off the next register', async () => {
    const f = factories(t);
    const p = await f.programme(facility.id, { kind: 'education', name: 'Literacy class', capacity: 1 });
    const [leaving, staying] = [await f.prisoner(facility.id), await f.prisoner(facility.id)];
    const placed = (await caseManager.post(`/api/v1/programmes/${p.id}/enrolments`, { prisonerId: leaving.id })).body as Enrolment;
    await caseManager.post(`/api/v1/programmes/${p.id}/enrolments`, { prisonerId: staying.id, waitingList: true });
    await t.services.release.release(f.system, leaving.id, { basis: 'court-order', orderReference: 'Суд 4-7/2026', notifications: { family: true, police: false, probation: false }, version: leaving.version });

    // Delivered after the release commits, by the event dispatcher.
    let ended: Enrolment | undefined;
    for (let i = 0; i < 100 && ended?.status !== 'withdrawn'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      ended = ((await caseManager.get(`/api/v1/programmes/${p.id}/enrolments`)).body.items as Enrolment[]).find((e) => e.id === placed.id);
    }
    assert.equal(ended?.status, 'withdrawn');
    assert.equal(ended?.endCause, 'released');
    const programme = (await caseManager.get(`/api/v1/programmes/${p.id}`)).body as Programme;
    assert.ok(programme.offer, 'the freed place is offered to the one waiting');
    const events = await t.db.selectFrom('domain_events').select('payload').where('type', '=', 'programme.ended').where('entity_id', '=', placed.id).execute();
    assert.equal(events.length, 1);
  });
});
