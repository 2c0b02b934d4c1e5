import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { EvidenceBag, Facility, Find, Location, OverdueCell, Prisoner, Search, SearchDetail, WingSchedule } from '@vigil/contracts';
import { startTestApp, TEST_PASSWORD, type Client, type TestApp, type TestUser } from '../../testing/harness.ts';
import { factories } from '../../testing/factories.ts';

// A 1×1 PNG: the smallest real image.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe(`searches and evidence over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let facility: Facility;
  let elsewhere: Facility;
  let wing: Location;
  let cell: Location;
  let otherCell: Location;
  let man: Prisoner;
  let woman: Prisoner;
  let officerUser: TestUser;
  let officer: Client;
  let womanOfficerUser: TestUser;
  let receiverUser: TestUser;
  let receiver: Client;
  let unknownSexUser: TestUser;
  let senior: Client;
  let analyst: Client;
  let caseManager: Client;
  let outsider: Client;

  const search = (extra: Record<string, unknown> = {}) => ({ facilityId: facility.id, type: 'cell', basis: 'scheduled', reason: 'Плановый обыск', locationId: cell.id, searcherIds: [officerUser.id], result: 'nothing-found', ...extra });

  before(async () => {
    t = await startTestApp();
    const f = factories(t);
    facility = await f.facility('SR1');
    elsewhere = await f.facility('SR2');
    const tree = await f.wing(facility.id);
    wing = tree.wing;
    cell = await f.cell(tree.landing);
    otherCell = await f.cell(tree.landing);
    const scope = { facilityIds: [facility.id] };
    officerUser = await f.user(['officer'], { ...scope, sex: 'male' });
    officer = t.client();
    await officer.signIn(officerUser);
    womanOfficerUser = await f.user(['officer'], { ...scope, sex: 'female' });
    receiverUser = await f.user(['officer'], { ...scope, sex: 'male' });
    receiver = t.client();
    await receiver.signIn(receiverUser);
    unknownSexUser = await f.user(['officer'], scope);
    senior = await f.signedIn(['senior_officer'], scope);
    analyst = await f.signedIn(['intelligence_analyst'], scope);
    caseManager = await f.signedIn(['case_manager'], scope);
    outsider = await f.signedIn(['officer'], { facilityIds: [elsewhere.id] });
    man = await f.placement(await f.prisoner(facility.id), cell);
    woman = await f.prisoner(facility.id, { sex: 'female', familyName: 'Каримова', givenName: 'Нигора' });
  });
  after(() => t.close());

  test('recording a search: 401, 403, 400, 404 outside scope, 201 with searchers and a search.recorded event', async () => {
    assert.equal((await t.client().post('/api/v1/searches', search())).status, 401);
    assert.equal((await analyst.post('/api/v1/searches', search())).status, 403, 'readers do not record');
    assert.equal((await officer.post('/api/v1/searches', search({ type: 'strip' }))).status, 400);
    assert.equal((await officer.post('/api/v1/searches', search({ searcherIds: [] }))).status, 400);
    assert.equal((await outsider.post('/api/v1/searches', search())).status, 404);
    const wrongPlace = await officer.post('/api/v1/searches', search({ locationId: wing.id }));
    assert.equal(wrongPlace.status, 422);
    assert.equal(wrongPlace.body.code, 'search-place-required');
    const stranger = await officer.post('/api/v1/searches', search({ searcherIds: [officerUser.id], witnessIds: [officerUser.id] }));
    assert.equal(stranger.body.code, 'search-officer-unknown');
    const future = await officer.post('/api/v1/searches', search({ searchedAt: new Date(Date.now() + 3_600_000).toISOString() }));
    assert.equal(future.body.code, 'search-in-future');

    const res = await officer.post('/api/v1/searches', search({ witnessIds: [receiverUser.id] }));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const s = res.body as Search;
    assert.deepEqual([s.type, s.place?.id, s.searchers.map((u) => u.id), s.witnesses.map((u) => u.id), s.finds], ['cell', cell.id, [officerUser.id], [receiverUser.id], 0]);
    const event = await t.db.selectFrom('domain_events').select(['type', 'payload']).where('entity_id', '=', s.id).executeTakeFirstOrThrow();
    assert.equal(event.type, 'search.recorded');
    assert.deepEqual((event.payload as { prisonerIds: string[] }).prisonerIds, [man.id], 'a cell search is the search of those living there');

    const list = await analyst.get(`/api/v1/searches?facilityId=${facility.id}`);
    assert.equal(list.status, 200);
    assert.ok((list.body.items as Search[]).some((x) => x.id === s.id));
    assert.equal((await caseManager.get(`/api/v1/searches?facilityId=${facility.id}`)).status, 403);
    assert.equal((await outsider.get(`/api/v1/searches/${s.id}`)).status, 404);
  });

  test('a person search by an officer of the other sex is refused (Mandela Rule 52, Bangkok Rule 19)', async () => {
    const person = { type: 'rub-down', locationId: null, prisonerId: woman.id };
    const refused = await officer.post('/api/v1/searches', search({ ...person, searcherIds: [officerUser.id] }));
    assert.equal(refused.status, 422);
    assert.equal(refused.body.code, 'search-opposite-sex');
    assert.match(refused.body.title, /same sex/);
    const unknown = await officer.post('/api/v1/searches', search({ ...person, searcherIds: [unknownSexUser.id] }));
    assert.equal(unknown.body.code, 'search-officer-sex-unknown');
    const fullWithMaleWitness = await officer.post('/api/v1/searches', search({ ...person, type: 'full', searcherIds: [womanOfficerUser.id], witnessIds: [officerUser.id] }));
    assert.equal(fullWithMaleWitness.body.code, 'search-opposite-sex', 'a full search is in private: its witness is of the same sex too');
    const visitor = await officer.post('/api/v1/searches', search({ type: 'rub-down', locationId: null, visitorName: 'Саидова Зарина', visitorSex: 'female', searcherIds: [officerUser.id] }));
    assert.equal(visitor.body.code, 'search-opposite-sex');
    const ok = await officer.post('/api/v1/searches', search({ ...person, searcherIds: [womanOfficerUser.id] }));
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    const tab = await officer.get(`/api/v1/prisoners/${woman.id}/searches`);
    assert.equal(tab.status, 200);
    assert.deepEqual(tab.body.searches.map((x: Search) => x.id), [ok.body.id]);
  });

  test('finds, photos, bagging and the chain of custody; hand-overs out of order are refused', async () => {
    const s = (await officer.post('/api/v1/searches', search({ basis: 'intelligence-led' }))).body as Search;
    assert.equal((await analyst.post(`/api/v1/searches/${s.id}/finds`, { category: 'drugs', description: 'x', quantity: 1 })).status, 403);
    assert.equal((await officer.post(`/api/v1/searches/${s.id}/finds`, { category: 'knives', description: 'x', quantity: 1 })).status, 400);
    const found = await officer.post(`/api/v1/searches/${s.id}/finds`, { category: 'phone-sim', description: 'Nokia в матрасе', quantity: 1, prisonerId: man.id });
    assert.equal(found.status, 201, JSON.stringify(found.body));
    const find = found.body as Find;
    assert.deepEqual([find.place?.id, find.prisoner?.id, find.bag], [cell.id, man.id, null]);
    const second = (await officer.post(`/api/v1/searches/${s.id}/finds`, { category: 'cash', description: 'Сомони', quantity: 200 })).body as Find;

    assert.equal((await officer.post(`/api/v1/finds/${find.id}/photos`, { contentType: 'image/jpeg', data: PNG })).body.code, 'photo-invalid');
    const photo = await officer.post(`/api/v1/finds/${find.id}/photos`, { contentType: 'image/png', data: PNG });
    assert.equal(photo.status, 201, JSON.stringify(photo.body));
    assert.match(photo.body.sha256, /^[0-9a-f]{64}$/);
    const image = await officer.get(`/api/v1/find-photos/${photo.body.id}`);
    assert.equal(image.headers.get('content-type'), 'image/png');

    const detail = (await officer.get(`/api/v1/searches/${s.id}`)).body as SearchDetail;
    assert.equal(detail.search.result, 'items-found', 'a search that found something says so');
    assert.equal(detail.finds.length, 2);

    assert.equal((await analyst.post(`/api/v1/searches/${s.id}/bags`, { findIds: [find.id] })).status, 403);
    const bagged = await officer.post(`/api/v1/searches/${s.id}/bags`, { findIds: [find.id], seal: 'A-000517' });
    assert.equal(bagged.status, 201, JSON.stringify(bagged.body));
    let bag = bagged.body as EvidenceBag;
    assert.match(bag.number, /^SR1-\d{4}-000001$/);
    assert.deepEqual([bag.status, bag.holder?.id, bag.chain.length, bag.chain[0]!.kind, bag.chain[0]!.photoHashes], ['held', officerUser.id, 1, 'bagged', [photo.body.sha256]]);
    assert.equal((await officer.post(`/api/v1/searches/${s.id}/bags`, { findIds: [find.id] })).body.code, 'find-already-bagged');
    const other = (await officer.post('/api/v1/searches', search())).body as Search;
    assert.equal((await officer.post(`/api/v1/searches/${other.id}/bags`, { findIds: [second.id] })).body.code, 'find-other-search');
    const next = (await officer.post(`/api/v1/searches/${s.id}/bags`, { findIds: [second.id] })).body as EvidenceBag;
    assert.match(next.number, /-000002$/, 'numbers run on within the facility and year');

    const handOver = (extra: Record<string, unknown> = {}) => ({ kind: 'handed-over', toUserId: receiverUser.id, password: TEST_PASSWORD, version: bag.version, ...extra });
    assert.equal((await receiver.post(`/api/v1/evidence-bags/${bag.id}/custody`, handOver({ toUserId: womanOfficerUser.id }))).body.code, 'evidence-not-holder', 'only the holder hands over');
    const wrong = await officer.post(`/api/v1/evidence-bags/${bag.id}/custody`, handOver({ password: 'not the password' }));
    assert.equal(wrong.body.code, 'evidence-signature-invalid');
    assert.equal((await officer.post(`/api/v1/evidence-bags/${bag.id}/custody`, handOver({ toUserId: officerUser.id }))).body.code, 'evidence-receiver-invalid');
    const signed = await officer.post(`/api/v1/evidence-bags/${bag.id}/custody`, handOver({ note: 'Для отдела безопасности' }));
    assert.equal(signed.status, 200, JSON.stringify(signed.body));
    bag = signed.body;
    assert.deepEqual([bag.holder?.id, bag.chain.at(-1)!.kind, bag.chain.at(-1)!.from?.id, bag.chain.at(-1)!.signedBy.id], [receiverUser.id, 'handed-over', officerUser.id, receiverUser.id]);
    assert.equal((await officer.post(`/api/v1/evidence-bags/${bag.id}/custody`, { kind: 'police-handover', externalParty: 'Следователь', reference: 'КУСП-1', version: bag.version })).body.code, 'evidence-not-holder', 'the officer who gave it up no longer holds it');

    const police = await receiver.post(`/api/v1/evidence-bags/${bag.id}/custody`, { kind: 'police-handover', externalParty: 'Следователь ОВД Назаров', reference: 'КУСП-4411', version: bag.version });
    assert.equal(police.status, 200, JSON.stringify(police.body));
    bag = police.body;
    assert.deepEqual([bag.status, bag.holder, bag.chain.length], ['with-police', null, 3]);
    const afterEnd = await receiver.post(`/api/v1/evidence-bags/${bag.id}/custody`, { kind: 'disposed', witnessUserId: officerUser.id, password: TEST_PASSWORD, note: 'x', version: bag.version });
    assert.equal(afterEnd.status, 409);
    assert.equal(afterEnd.body.code, 'evidence-bag-closed');

    const read = await analyst.get(`/api/v1/evidence-bags/${bag.id}`);
    assert.equal(read.status, 200);
    assert.equal(read.body.chain.length, 3);
    assert.equal((await caseManager.get(`/api/v1/evidence-bags/${bag.id}`)).status, 403);
    assert.equal((await outsider.get(`/api/v1/evidence-bags/${bag.id}`)).status, 404);
    const list = await analyst.get(`/api/v1/evidence-bags?facilityId=${facility.id}`);
    assert.equal(list.body.items.length, 2);
    const events = await t.db.selectFrom('domain_events').select('type').where('entity_id', '=', bag.id).execute();
    assert.deepEqual(events.map((e) => e.type), ['evidence.custody-changed', 'evidence.custody-changed', 'evidence.custody-changed']);
    await assert.rejects(t.db.updateTable('custody_steps').set({ note: 'edited' }).where('bag_id', '=', bag.id).execute(), 'the chain is never edited');
  });

  test('schedules per wing and the overdue list; heat map and trends', async () => {
    const schedules = await analyst.get(`/api/v1/search-schedules?facilityId=${facility.id}`);
    assert.equal(schedules.status, 200);
    const w = (schedules.body.items as WingSchedule[]).find((x) => x.wingId === wing.id)!;
    assert.deepEqual([w.periodDays, w.set, w.cells, w.overdue], [28, false, 2, 1]);
    const overdue = (await analyst.get(`/api/v1/searches/overdue?facilityId=${facility.id}`)).body.items as OverdueCell[];
    assert.deepEqual(overdue.map((c) => [c.cellId, c.daysOverdue]), [[otherCell.id, null]], 'the cell never searched is overdue; the one searched today is not');

    assert.equal((await officer.put(`/api/v1/search-schedules/${wing.id}`, { periodDays: 14, version: null })).status, 403, 'officers do not plan');
    assert.equal((await senior.put(`/api/v1/search-schedules/${wing.id}`, { periodDays: 0, version: null })).status, 400);
    assert.equal((await senior.put(`/api/v1/search-schedules/${cell.id}`, { periodDays: 14, version: null })).body.code, 'schedule-not-wing');
    const set = await senior.put(`/api/v1/search-schedules/${wing.id}`, { periodDays: 14, version: null });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.equal((await senior.put(`/api/v1/search-schedules/${wing.id}`, { periodDays: 21, version: null })).status, 409);
    assert.equal((await senior.put(`/api/v1/search-schedules/${wing.id}`, { periodDays: 21, version: set.body.version })).status, 200);

    // Searched 30 days ago on a 21-day schedule: overdue by nine days.
    const longAgo = new Date(Date.now() - 30 * 86_400_000).toISOString();
    assert.equal((await officer.post('/api/v1/searches', search({ locationId: otherCell.id, searchedAt: longAgo }))).status, 201);
    const late = (await analyst.get(`/api/v1/searches/overdue?facilityId=${facility.id}`)).body.items as OverdueCell[];
    assert.deepEqual(late.map((c) => [c.cellId, c.periodDays, c.daysOverdue]), [[otherCell.id, 21, 9]]);

    const heat = await analyst.get(`/api/v1/searches/heatmap?facilityId=${facility.id}`);
    assert.equal(heat.status, 200);
    const node = (id: string) => heat.body.items.find((i: { id: string }) => i.id === id);
    assert.equal(node(cell.id).own, 2);
    assert.equal(node(wing.id).total, 2, 'finds are counted up to the wing');
    assert.equal(heat.body.max, 2);
    const trends = await analyst.get(`/api/v1/searches/trends?facilityId=${facility.id}&months=3`);
    assert.equal(trends.status, 200);
    assert.equal(trends.body.months.length, 3);
    const phone = trends.body.series.find((s: { category: string }) => s.category === 'phone-sim');
    assert.equal(phone.counts.at(-1), 1);
    assert.equal((await caseManager.get(`/api/v1/searches/heatmap?facilityId=${facility.id}`)).status, 403);
    assert.equal((await t.client().get(`/api/v1/searches/trends?facilityId=${facility.id}`)).status, 401);
  });
});
