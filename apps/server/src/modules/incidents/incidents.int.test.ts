import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Facility, Incident, IncidentSummary, IncidentType, Location, Prisoner } from '@vigil/contracts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { factories } from '../../testing/factories.ts';
import { localDay } from '../../platform/time/calendar.ts';

describe(`incidents over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let facility: Facility;
  let elsewhere: Facility;
  let cell: Location;
  let otherCell: Location;
  let victim: Prisoner;
  let attacker: Prisoner;
  let stranger: Prisoner;
  let officer: Client;
  let officerId: string;
  let senior: Client;
  let seniorId: string;
  let security: Client;
  let psychologist: Client;
  let outsider: Client;
  let outsiderId: string;
  const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();
  const today = () => localDay(new Date(), 'Asia/Dushanbe');

  const assault = (extra: Record<string, unknown> = {}) => ({
    facilityId: facility.id,
    type: 'assault-on-prisoner',
    occurredAt: minutesAgo(30),
    locationIds: [cell.id],
    placeDetail: 'У двери душевой',
    summary: 'Осуждённый ударил сокамерника металлической кружкой; пострадавший доставлен в медчасть.',
    people: [
      { kind: 'prisoner', prisonerId: victim.id, role: 'victim', injury: 'serious', injuryNotes: 'Рана головы, наложены швы' },
      { kind: 'prisoner', prisonerId: attacker.id, role: 'perpetrator', injury: 'none' },
      { kind: 'staff', staffId: officerId, role: 'responder' },
      { kind: 'visitor', name: 'Раҳимова Зарина', role: 'witness' },
    ],
    ...extra,
  });

  before(async () => {
    t = await startTestApp();
    const f = factories(t);
    facility = await f.facility('INC1');
    elsewhere = await f.facility('INC2');
    const { landing } = await f.wing(facility.id);
    cell = await f.cell(landing);
    otherCell = await f.cell((await f.wing(elsewhere.id)).landing);
    victim = await f.prisoner(facility.id, { familyName: 'Назаров', givenName: 'Далер' });
    attacker = await f.prisoner(facility.id, { familyName: 'Каримов', givenName: 'Сино' });
    stranger = await f.prisoner(elsewhere.id);
    const scope = { facilityIds: [facility.id] };
    const signIn = async (roles: Parameters<typeof f.user>[0], facilityIds = [facility.id]) => {
      const user = await f.user(roles, { facilityIds });
      const client = t.client();
      await client.signIn(user);
      return { client, id: user.id };
    };
    ({ client: officer, id: officerId } = await signIn(['officer']));
    ({ client: senior, id: seniorId } = await signIn(['senior_officer']));
    ({ client: outsider, id: outsiderId } = await signIn(['senior_officer'], [elsewhere.id]));
    security = await f.signedIn(['security_manager'], scope);
    psychologist = await f.signedIn(['psychologist'], scope);
  });
  after(() => t.close());

  test('incident types: 401, the list for readers, 403 to configure without incidents.configure, 400/422 on bad input, versions', async () => {
    assert.equal((await t.client().get('/api/v1/incident-types')).status, 401);
    assert.equal((await psychologist.get('/api/v1/incident-types')).status, 403);
    const list = await officer.get('/api/v1/incident-types');
    assert.equal(list.status, 200);
    const death = (list.body.items as IncidentType[]).find((i) => i.code === 'death-in-custody')!;
    assert.equal(death.serious, true);
    assert.deepEqual(death.notifications.filter((n) => ['independent-authority', 'next-of-kin'].includes(n.recipient)), [
      { recipient: 'independent-authority', withinHours: 0 },
      { recipient: 'next-of-kin', withinHours: 0 },
    ]);
    assert.equal((await officer.get('/api/v1/incident-types/configuration')).status, 403);
    assert.equal((await security.get('/api/v1/incident-types/configuration')).status, 200);
    assert.equal((await (await t.client()).get('/api/v1/incident-severities')).status, 401);
    assert.deepEqual(((await officer.get('/api/v1/incident-severities')).body.items as { code: string }[]).map((s) => s.code), ['1', '2', '3', '4']);

    const body = { code: 'drone-sighting', names: { en: 'Drone sighting', ru: 'Обнаружение дрона', tg: 'Мушоҳидаи дрон' }, serious: false, defaultSeverity: '3', notifications: [{ recipient: 'police', withinHours: 2 }], source: 'Приказ № 12' };
    assert.equal((await officer.post('/api/v1/incident-types', body)).status, 403);
    assert.equal((await security.post('/api/v1/incident-types', { ...body, code: 'Drone Sighting' })).status, 400);
    assert.equal((await security.post('/api/v1/incident-types', { ...body, notifications: [{ recipient: 'police', withinHours: 2 }, { recipient: 'police', withinHours: 4 }] })).status, 400);
    const unknownSeverity = await security.post('/api/v1/incident-types', { ...body, defaultSeverity: '7' });
    assert.equal(unknownSeverity.status, 422);
    assert.equal(unknownSeverity.body.code, 'incident-severity-unknown');
    const created = await security.post('/api/v1/incident-types', body);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal((await security.post('/api/v1/incident-types', body)).status, 409);
    const { code: _code, status: _status, effectiveFrom: _from, author: _author, createdAt: _at, ...data } = created.body as IncidentType;
    const revised = await security.put('/api/v1/incident-types/drone-sighting', { ...data, serious: true, source: 'Приказ № 13' });
    assert.equal(revised.status, 200, JSON.stringify(revised.body));
    assert.equal(revised.body.version, 2);
    assert.equal((await security.put('/api/v1/incident-types/drone-sighting', { ...data, source: 'stale' })).status, 409);
    const history = await security.get('/api/v1/incident-types/drone-sighting/versions');
    assert.equal(history.status, 200);
    assert.equal(history.body.items.length, 2);
  });

  let incident: Incident;

  test('reporting: 401, 403 without incidents.report, 400/404/422 on bad input, 201 with the notifications Rules 69 and 71 require', async () => {
    assert.equal((await t.client().post('/api/v1/incidents', assault())).status, 401);
    assert.equal((await psychologist.post('/api/v1/incidents', assault())).status, 403);
    assert.equal((await officer.post('/api/v1/incidents', assault({ summary: '' }))).status, 400);
    assert.equal((await officer.post('/api/v1/incidents', assault({ people: [{ kind: 'prisoner', role: 'victim' }] }))).status, 400, 'a prisoner without their id');
    const expect = async (body: Record<string, unknown>, status: number, code: string) => {
      const res = await officer.post('/api/v1/incidents', body);
      assert.equal(res.status, status, JSON.stringify(res.body));
      assert.equal(res.body.code, code);
    };
    await expect(assault({ type: 'no-such-type' }), 422, 'incident-type-unknown');
    await expect(assault({ severity: '8' }), 422, 'incident-severity-unknown');
    await expect(assault({ locationIds: [otherCell.id] }), 422, 'incident-place-unknown');
    await expect(assault({ people: [{ kind: 'prisoner', prisonerId: stranger.id, role: 'victim' }] }), 422, 'incident-person-unknown');
    await expect(assault({ people: [{ kind: 'staff', staffId: outsiderId, role: 'responder' }] }), 422, 'incident-person-unknown');
    await expect(assault({ occurredAt: new Date(Date.now() + 3_600_000).toISOString() }), 422, 'incident-time-future');
    await expect(assault({ facilityId: elsewhere.id }), 404, 'not-found');

    const res = await officer.post('/api/v1/incidents', assault());
    assert.equal(res.status, 201, JSON.stringify(res.body));
    incident = res.body as Incident;
    assert.match(incident.reference, /^INC-\d{6}$/);
    assert.equal(incident.status, 'reported');
    assert.equal(incident.serious, true);
    assert.equal(incident.severity, '2', "the type's default");
    assert.deepEqual(incident.places.map((p) => p.id), [cell.id]);
    assert.deepEqual(incident.peopleInvolved.map((p) => [p.kind, p.role, p.injury]), [['prisoner', 'victim', 'serious'], ['prisoner', 'perpetrator', 'none'], ['staff', 'responder', 'none'], ['visitor', 'witness', 'none']]);
    assert.equal(incident.peopleInvolved[0]!.prisoner!.familyName, 'Назаров');
    const byRecipient = new Map(incident.notifications.map((n) => [n.recipient, n]));
    assert.equal(byRecipient.get('independent-authority')!.basis, 'mandela-71', 'a serious injury: the independent authority without delay');
    assert.equal(byRecipient.get('next-of-kin')!.basis, 'mandela-69');
    assert.equal(byRecipient.get('independent-authority')!.dueAt, incident.reportedAt);
    assert.equal(Date.parse(byRecipient.get('headquarters')!.dueAt) - Date.parse(incident.reportedAt), 24 * 3_600_000);
    assert.ok(incident.notifications.every((n) => !n.done && !n.overdue));
    assert.deepEqual(incident.closeBlockers, ['not-resolved', 'notifications-outstanding', 'review-missing', 'debrief-missing']);

    // The event names the prisoners, and the risk module makes them due for reassessment (a serious incident).
    const event = await t.db.selectFrom('domain_events').select(['payload']).where('type', '=', 'incident.recorded').where('entity_id', '=', incident.id).executeTakeFirstOrThrow();
    assert.deepEqual(event.payload, { incidentId: incident.id, prisonerIds: [victim.id, attacker.id], type: 'assault-on-prisoner', serious: true });
    await t.services.events.catchUp();
    const triggers = await t.db.selectFrom('reassessment_triggers').select(['prisoner_id']).where('reason', '=', 'incident').where('prisoner_id', 'in', [victim.id, attacker.id]).execute();
    assert.equal(triggers.length, 2, 'both prisoners are due a reassessment');
  });

  test('reading: one incident (audited), the list with filters, facility scope, the prisoner file', async () => {
    assert.equal((await t.client().get(`/api/v1/incidents/${incident.id}`)).status, 401);
    assert.equal((await psychologist.get(`/api/v1/incidents/${incident.id}`)).status, 403);
    assert.equal((await outsider.get(`/api/v1/incidents/${incident.id}`)).status, 404, 'another facility’s incident does not exist for them');
    const one = await officer.get(`/api/v1/incidents/${incident.id}`);
    assert.equal(one.status, 200);
    const viewed = await t.db.selectFrom('audit_events').select('action').where('action', '=', 'incident.viewed').where('entity_id', '=', incident.id).execute();
    assert.equal(viewed.length, 1);

    const minor = await officer.post('/api/v1/incidents', { facilityId: facility.id, type: 'fight', occurredAt: minutesAgo(90), summary: 'Словесная перепалка переросла в толчки.', people: [{ kind: 'prisoner', prisonerId: attacker.id, role: 'perpetrator' }] });
    assert.equal(minor.status, 201, JSON.stringify(minor.body));
    assert.equal(minor.body.serious, false);
    const ids = (res: { body: { items: IncidentSummary[] } }) => res.body.items.map((i) => i.id);
    assert.equal((await officer.get('/api/v1/incidents?open=maybe')).status, 400);
    assert.deepEqual(ids(await officer.get(`/api/v1/incidents?facilityId=${facility.id}`)), [incident.id, minor.body.id], 'newest first');
    assert.deepEqual(ids(await officer.get('/api/v1/incidents?serious=true')), [incident.id]);
    assert.deepEqual(ids(await officer.get('/api/v1/incidents?serious=false&open=true')), [minor.body.id]);
    assert.deepEqual(ids(await outsider.get('/api/v1/incidents')), []);

    const ofVictim = await officer.get(`/api/v1/prisoners/${victim.id}/incidents`);
    assert.equal(ofVictim.status, 200);
    assert.deepEqual(ids(ofVictim), [incident.id]);
    assert.equal((await outsider.get(`/api/v1/prisoners/${victim.id}/incidents`)).status, 404);
    assert.equal((await psychologist.get(`/api/v1/prisoners/${victim.id}/incidents`)).status, 403);

    const staff = await officer.get(`/api/v1/facilities/${facility.id}/incident-staff`);
    assert.equal(staff.status, 200);
    assert.ok((staff.body.items as { id: string }[]).some((s) => s.id === seniorId));
    assert.equal((await outsider.get(`/api/v1/facilities/${facility.id}/incident-staff`)).status, 404);

    // Someone found later with a serious injury: the incident becomes serious and Rule 71 applies from now.
    const added = await senior.post(`/api/v1/incidents/${minor.body.id}/people`, { kind: 'prisoner', prisonerId: victim.id, role: 'victim', injury: 'serious', injuryNotes: 'Перелом' });
    assert.equal(added.status, 200, JSON.stringify(added.body));
    assert.equal(added.body.serious, true);
    assert.deepEqual((added.body as Incident).notifications.map((n) => n.recipient).sort(), ['governor', 'independent-authority', 'next-of-kin']);
    assert.equal((await officer.post(`/api/v1/incidents/${minor.body.id}/people`, { kind: 'other', name: 'Водитель', role: 'witness' })).status, 403);
    assert.equal((await senior.post(`/api/v1/incidents/${minor.body.id}/people`, { kind: 'other', role: 'witness' })).status, 400);
  });

  test('the decision log: 403 without incidents.manage, 400/422 on bad input, appended with who and when', async () => {
    const url = `/api/v1/incidents/${incident.id}/decisions`;
    const decision = { decision: 'Развести участников по разным камерам', rationale: 'Риск повторного нападения' };
    assert.equal((await t.client().post(url, decision)).status, 401);
    assert.equal((await officer.post(url, decision)).status, 403);
    assert.equal((await senior.post(url, { ...decision, rationale: '' })).status, 400);
    const early = await senior.post(url, { ...decision, decidedAt: new Date(Date.parse(incident.occurredAt) - 60_000).toISOString() });
    assert.equal(early.status, 422);
    assert.equal(early.body.code, 'incident-time-before-occurred');
    assert.equal((await outsider.post(url, decision)).status, 404);
    const first = await senior.post(url, { ...decision, decidedAt: minutesAgo(20) });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const second = await senior.post(url, { decision: 'Вызвать следователя', rationale: 'Тяжкий вред здоровью' });
    const log = (second.body as Incident).decisions;
    assert.deepEqual(log.map((d) => d.decision), ['Развести участников по разным камерам', 'Вызвать следователя']);
    assert.equal(log[0]!.decidedBy.id, seniorId);
    assert.ok(second.body.version > incident.version, 'a change under the incident moves its version on');
    incident = second.body;
  });

  test('notifications, status, review, debrief, actions and closing', async () => {
    const notification = incident.notifications.find((n) => n.recipient === 'independent-authority')!;
    const done = { notifiedAt: minutesAgo(5), method: 'phone', contact: 'Дежурный прокурор Шоҳмансур', reference: 'ПР-114', version: notification.version };
    const url = `/api/v1/incident-notifications/${notification.id}/done`;
    assert.equal((await t.client().post(url, done)).status, 401);
    assert.equal((await officer.post(url, done)).status, 403);
    assert.equal((await senior.post(url, { ...done, method: 'pigeon' })).status, 400);
    assert.equal((await outsider.post(url, done)).status, 404);
    assert.equal((await senior.post(url, { ...done, notifiedAt: new Date(Date.now() + 3_600_000).toISOString() })).status, 422);
    const marked = await senior.post(url, done);
    assert.equal(marked.status, 200, JSON.stringify(marked.body));
    const after = (marked.body as Incident).notifications.find((n) => n.id === notification.id)!;
    assert.deepEqual([after.done, after.method, after.contact, after.reference, after.recordedBy?.id], [true, 'phone', 'Дежурный прокурор Шоҳмансур', 'ПР-114', seniorId]);
    assert.equal((await senior.post(url, { ...done, version: after.version })).status, 409, 'done once');
    assert.equal((await senior.post(url, done)).status, 409, 'a stale version');
    incident = marked.body;

    const status = (to: string, extra: Record<string, unknown> = {}, client = senior) => client.post(`/api/v1/incidents/${incident.id}/status`, { status: to, version: incident.version, ...extra });
    assert.equal((await status('contained', {}, officer)).status, 403);
    assert.equal((await status('open')).status, 400);
    assert.equal((await status('closed')).body.code, 'incident-status-transition');
    assert.equal((await status('contained', { at: new Date(Date.parse(incident.occurredAt) - 1000).toISOString() })).body.code, 'incident-time-before-occurred');
    const contained = await status('contained', { at: minutesAgo(10) });
    assert.equal(contained.status, 200, JSON.stringify(contained.body));
    incident = contained.body;
    assert.ok(incident.containedAt);
    assert.equal((await status('contained')).status, 409);
    assert.equal((await senior.post(`/api/v1/incidents/${incident.id}/review`, { outcome: 'satisfactory', comments: 'Рано', version: incident.version })).body.code, 'incident-not-resolved');
    incident = (await status('resolved')).body;
    assert.equal(incident.status, 'resolved');

    const blocked = await status('closed');
    assert.equal(blocked.status, 409);
    assert.equal(blocked.body.code, 'incident-close-blocked');
    assert.deepEqual((blocked.body.errors as { message: string }[]).map((e) => e.message), ['notifications-outstanding', 'review-missing', 'debrief-missing']);

    // The review: never by the reporter (a senior officer reporting their own incident cannot review it).
    const own = await senior.post('/api/v1/incidents', { facilityId: facility.id, type: 'damage', occurredAt: minutesAgo(60), summary: 'Разбито окно.' });
    let ownIncident = own.body as Incident;
    ownIncident = (await senior.post(`/api/v1/incidents/${ownIncident.id}/status`, { status: 'resolved', version: ownIncident.version })).body;
    const selfReview = await senior.post(`/api/v1/incidents/${ownIncident.id}/review`, { outcome: 'satisfactory', comments: 'Сам', version: ownIncident.version });
    assert.equal(selfReview.status, 403);
    assert.equal(selfReview.body.code, 'incident-review-own');
    assert.equal((await security.post(`/api/v1/incidents/${ownIncident.id}/status`, { status: 'closed', version: ownIncident.version })).body.code, 'incident-close-blocked');

    const review = await senior.post(`/api/v1/incidents/${incident.id}/review`, { outcome: 'concerns', comments: 'Осуждённых не развели после первого конфликта.', version: incident.version });
    assert.equal(review.status, 200, JSON.stringify(review.body));
    incident = review.body;
    assert.equal(incident.review?.reviewedBy.id, seniorId);

    const debrief = { heldOn: today(), participants: 'Смена Б, медработник', summary: 'Разбор действий смены', lessons: 'Разводить участников сразу', version: incident.version };
    assert.equal((await officer.put(`/api/v1/incidents/${incident.id}/debrief`, debrief)).status, 403);
    assert.equal((await senior.put(`/api/v1/incidents/${incident.id}/debrief`, { ...debrief, heldOn: '2099-01-01' })).body.code, 'incident-time-future');
    const debriefed = await senior.put(`/api/v1/incidents/${incident.id}/debrief`, debrief);
    assert.equal(debriefed.status, 200, JSON.stringify(debriefed.body));
    incident = debriefed.body;
    assert.equal(incident.debrief?.lessons, 'Разводить участников сразу');

    const action = { description: 'Инструктаж смены по разведению участников', ownerId: seniorId, dueOn: today() };
    assert.equal((await officer.post(`/api/v1/incidents/${incident.id}/actions`, action)).status, 403);
    assert.equal((await senior.post(`/api/v1/incidents/${incident.id}/actions`, { ...action, dueOn: '01.02.2026' })).status, 400);
    assert.equal((await senior.post(`/api/v1/incidents/${incident.id}/actions`, { ...action, ownerId: outsiderId })).body.code, 'incident-action-owner');
    const withAction = await senior.post(`/api/v1/incidents/${incident.id}/actions`, action);
    assert.equal(withAction.status, 200, JSON.stringify(withAction.body));
    incident = withAction.body;
    assert.equal(incident.actions[0]!.overdue, false);

    const linked = await senior.post(`/api/v1/incidents/${incident.id}/links`, { kind: 'search', targetId: 'b7d9a1c2-0000-4000-8000-000000000001', label: 'Обыск камеры A-1' });
    assert.equal(linked.status, 200, JSON.stringify(linked.body));
    assert.equal((await senior.post(`/api/v1/incidents/${incident.id}/links`, { kind: 'search', targetId: 'b7d9a1c2-0000-4000-8000-000000000001', label: 'Снова' })).body.links.length, 1, 'the same record is linked once');
    assert.equal((await senior.post(`/api/v1/incidents/${incident.id}/links`, { kind: 'satellite', targetId: 'x', label: 'x' })).status, 400);
    incident = linked.body;

    for (const n of incident.notifications.filter((x) => !x.done)) {
      const res = await senior.post(`/api/v1/incident-notifications/${n.id}/done`, { notifiedAt: minutesAgo(1), method: 'electronic-system', contact: 'Дежурная часть', version: n.version });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      incident = res.body;
    }
    assert.deepEqual(incident.closeBlockers, []);
    const closed = await status('closed');
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    incident = closed.body;
    assert.equal(incident.status, 'closed');
    assert.equal((await senior.post(`/api/v1/incidents/${incident.id}/decisions`, { decision: 'Поздно', rationale: 'Закрыто' })).body.code, 'incident-closed');

    // Actions outlive the incident: done after it closed.
    const a = incident.actions[0]!;
    assert.equal((await senior.post(`/api/v1/incident-actions/${a.id}/done`, { version: a.version + 1 })).status, 409);
    const actionDone = await senior.post(`/api/v1/incident-actions/${a.id}/done`, { note: 'Проведён', version: a.version });
    assert.equal(actionDone.status, 200, JSON.stringify(actionDone.body));
    assert.deepEqual([actionDone.body.actions[0].done, actionDone.body.actions[0].doneOn], [true, today()]);
    assert.equal((await senior.post(`/api/v1/incident-actions/${a.id}/done`, { version: actionDone.body.actions[0].version })).body.code, 'incident-already-done');

    const updates = await t.db.selectFrom('domain_events').select('payload').where('type', '=', 'incident.updated').where('entity_id', '=', incident.id).execute();
    assert.ok(updates.some((u) => (u.payload as { change: string }).change === 'status:closed'));
  });
});
