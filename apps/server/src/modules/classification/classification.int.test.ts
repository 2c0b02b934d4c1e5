import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CatalogueHistory, CategoryDecision, CategoryReviewList, CategoryScheme, InstrumentDefinition, Prisoner, PrisonerClassification, Suggestion } from '@vigil/contracts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { factories } from '../../testing/factories.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { addDays, localDay } from '../../platform/time/calendar.ts';

describe(`classification over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let f: ReturnType<typeof factories>;
  let security: Client;
  let governor: Client;
  let caseManager: Client;
  let officer: Client;
  let admin: Client;
  let facilityId: string;
  let landing: { id: string; facilityId: string };
  const today = () => localDay(new Date(), 'Asia/Dushanbe');
  const none = { escapeHistory: 'none', violenceInCustody: 'none', offenceTypes: [] };
  const heard = () => ({ informed: true, heard: true, heardOn: today(), text: 'Says he has never tried to escape.' });
  const decide = (c: Client, p: Prisoner, body: Record<string, unknown>) => c.post(`/api/v1/prisoners/${p.id}/classification/decisions`, { inputs: none, representations: heard(), ...body });
  const suggest = (c: Client, p: Prisoner, inputs: Record<string, unknown> = none) => c.post(`/api/v1/prisoners/${p.id}/classification/suggestion`, { inputs });
  const count = async (table: 'audit_events' | 'domain_events', column: 'action' | 'type', value: string) =>
    Number((await t.db.selectFrom(table as 'audit_events').select((eb) => eb.fn.countAll<string>().as('n')).where(column as 'action', '=', value).executeTakeFirstOrThrow()).n);

  before(async () => {
    t = await startTestApp();
    f = factories(t);
    facilityId = (await f.facility('CL1')).id;
    const scope = { facilityIds: [facilityId] };
    security = await f.signedIn(['security_manager'], scope);
    governor = await f.signedIn(['governor'], scope);
    caseManager = await f.signedIn(['case_manager'], scope);
    officer = await f.signedIn(['officer'], scope);
    admin = await f.signedIn(['sysadmin'], { allFacilities: true });
    landing = (await f.wing(facilityId)).landing;
  });
  after(() => t.close());

  test('reading a classification: 401, 403, 404, then 200 with the scheme of the country and the gathered inputs, audited', async () => {
    const p = await f.prisoner(facilityId, { securityCategory: 'low' });
    assert.equal((await t.client().get(`/api/v1/prisoners/${p.id}/classification`)).status, 401);
    assert.equal((await officer.get(`/api/v1/prisoners/${p.id}/classification`)).status, 403);
    assert.equal((await security.get('/api/v1/prisoners/00000000-0000-4000-8000-000000000000/classification')).status, 404);
    assert.equal((await security.get('/api/v1/prisoners/not-an-id/classification')).status, 400);
    const r = await caseManager.get(`/api/v1/prisoners/${p.id}/classification`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const c = r.body as PrisonerClassification;
    assert.equal(c.scheme.code, 'four-level', 'a TJ facility uses the fallback scheme');
    assert.equal(c.gathered.sentenceMonths, 60, 'the file holds a five-year sentence');
    assert.equal(c.current, null);
    assert.ok((await count('audit_events', 'action', 'prisoner.classification-viewed')) >= 1);
  });

  test('a suggestion: 403 for a reader who does not decide, 400 for a malformed body, 200 with the rules that fired', async () => {
    const p = await f.prisoner(facilityId);
    assert.equal((await t.client().post(`/api/v1/prisoners/${p.id}/classification/suggestion`, { inputs: none })).status, 401);
    assert.equal((await suggest(caseManager, p)).status, 403);
    assert.equal((await suggest(security, p, { ...none, escapeHistory: 'twice' })).status, 400);
    assert.equal((await security.post(`/api/v1/prisoners/${p.id}/alerts`, { code: 'escape-risk', startsOn: today() })).status, 201);
    const r = await suggest(security, p, { ...none, violenceInCustody: 'minor' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const s = r.body as Suggestion;
    assert.equal(s.level, 'high');
    assert.deepEqual(s.reasons.map((x) => `${x.factor}:${x.value}`).sort(), ['alert:escape-risk', 'sentence:60', 'violence:minor']);
    assert.equal(s.overClassification, false);
    assert.equal(s.nextReviewOn > today(), true);
  });

  test('a decision to maximum with an override reason sets the file, so allocation to a lower cell is refused for its security level', async () => {
    const p = await f.prisoner(facilityId, { securityCategory: 'medium' });
    const highCell = await f.cell(landing, { securityLevel: 'high', sexDesignation: 'male', baselineCapacity: 2, operationalCapacity: 2 });
    const maxCell = await f.cell(landing, { securityLevel: 'maximum', sexDesignation: 'male', baselineCapacity: 2, operationalCapacity: 2 });
    const body = { level: 'maximum', overrideReason: 'Intelligence of a planned escape with outside help' };
    assert.equal((await t.client().post(`/api/v1/prisoners/${p.id}/classification/decisions`, body)).status, 401);
    assert.equal((await decide(caseManager, p, body)).status, 403);
    assert.equal((await decide(security, p, { ...body, level: 7 })).status, 400);

    const r = await decide(security, p, body);
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const d = r.body as CategoryDecision;
    assert.equal(d.level, 'maximum');
    assert.equal(d.suggestedLevel, 'medium');
    assert.equal(d.allocationLevel, 'maximum');
    assert.equal(d.review, false);
    assert.ok(d.nextReviewOn > today(), 'the default review is the level interval on');
    assert.equal(d.representations.heard, true);

    const file = (await security.get(`/api/v1/prisoners/${p.id}`)).body as Prisoner;
    assert.equal(file.securityCategory, 'maximum');
    const refused = await officer.post(`/api/v1/prisoners/${p.id}/allocate`, { locationId: highCell.id, reason: 'allocation on arrival', version: file.version });
    assert.equal(refused.status, 422, JSON.stringify(refused.body));
    assert.deepEqual(refused.body.errors.map((e: { message: string }) => e.message), ['security-level']);
    assert.equal((await officer.post(`/api/v1/prisoners/${p.id}/allocate`, { locationId: maxCell.id, reason: 'allocation on arrival', version: file.version })).status, 200);

    const versions = (await security.get(`/api/v1/prisoners/${p.id}/versions`)).body.items as { reason: string }[];
    assert.match(versions[0]!.reason, /four-level maximum/);
    assert.equal(await count('domain_events', 'type', 'classification.decided'), 1);

    // A governor reviews it: a later decision supersedes, never an edit.
    const review = await decide(governor, p, { level: 'medium', inputs: none });
    assert.equal(review.status, 201, JSON.stringify(review.body));
    assert.equal(review.body.review, true);
    const c = (await security.get(`/api/v1/prisoners/${p.id}/classification`)).body as PrisonerClassification;
    assert.equal(c.current!.id, review.body.id);
    assert.deepEqual(c.decisions.map((x) => x.level), ['medium', 'maximum']);
    await assert.rejects(t.db.updateTable('category_decisions').set({ level: 'low' }).where('id', '=', d.id).execute(), /never edited/);
    assert.equal((await verifyAuditChain(t.db)).ok, true);
  });

  test('bad input is refused with its field and nothing is written: unknown level, override without reason, past review, undated hearing', async () => {
    const p = await f.prisoner(facilityId);
    const before = await count('audit_events', 'action', 'classification.decided');
    const refused = async (body: Record<string, unknown>, path: string, code: string) => {
      const r = await decide(security, p, body);
      assert.equal(r.status, 422, JSON.stringify(r.body));
      assert.equal(r.body.code, code);
      assert.deepEqual(r.body.errors.map((e: { path: string }) => e.path), [path]);
    };
    await refused({ level: 'B' }, 'level', 'classification-level-unknown');
    await refused({ level: 'high' }, 'overrideReason', 'classification-override-reason');
    await refused({ level: 'medium', nextReviewOn: addDays(today(), -1) }, 'nextReviewOn', 'classification-review-past');
    await refused({ level: 'medium', representations: { informed: true, heard: true, heardOn: null } }, 'representations.heardOn', 'classification-heard-date');
    assert.equal(await count('audit_events', 'action', 'classification.decided'), before);
    // Someone released is no longer categorised (the state set directly: a release needs a whole journey of its own).
    const gone = await f.prisoner(facilityId);
    await t.db.updateTable('prisoner_rows').set({ state: 'released', released_at: new Date() }).where('id', '=', gone.id).execute();
    const released = await decide(security, gone, { level: 'medium' });
    assert.equal(released.status, 409);
    assert.equal(released.body.code, 'classification-released');
    assert.equal((await security.get(`/api/v1/prisoners/${p.id}`)).body.securityCategory, 'medium');
  });

  test('a level resting on the offence type alone, with no assessment, is flagged as over-classification; an approved judgement counts', async () => {
    const p = await f.prisoner(facilityId, { legalStatus: 'untried' });
    const s = (await suggest(security, p, { ...none, offenceTypes: ['terrorism'] })).body as Suggestion;
    assert.equal(s.level, 'high');
    assert.equal(s.individualLevel, 'low');
    assert.equal(s.overClassification, true);
    const d = (await decide(security, p, { level: 'high', inputs: { ...none, offenceTypes: ['terrorism'] } })).body as CategoryDecision;
    assert.equal(d.overClassification, true);

    // An approved individual assessment stands behind the level: no warning.
    const psychologistUser = await f.user(['psychologist'], { facilityIds: [facilityId] });
    const psychologist = t.client();
    await psychologist.signIn(psychologistUser);
    const ve = ((await psychologist.get('/api/v1/assessment-instruments')).body.items as { code: string; definition: InstrumentDefinition }[]).find((i) => i.code === 've-screening')!.definition;
    let a = (await psychologist.post(`/api/v1/prisoners/${p.id}/assessments`, { instrumentCode: 've-screening', assessorId: psychologistUser.id })).body;
    const ratings = Object.fromEntries(ve.items.filter((i) => !i.womenOnly).map((i) => [i.code, { level: 'partly', evidence: 'Interview', source: 'Interview' }]));
    a = (await psychologist.put(`/api/v1/assessments/${a.id}`, { version: a.version, ratings, formulation: 'Formulation.', judgement: 'high' })).body;
    a = (await psychologist.post(`/api/v1/assessments/${a.id}/submit`, { version: a.version })).body;
    assert.equal((await governor.post(`/api/v1/assessments/${a.id}/approve`, { version: a.version })).status, 200);
    const assessed = (await suggest(security, p, { ...none, offenceTypes: ['terrorism'] })).body as Suggestion;
    assert.equal(assessed.assessed, true);
    assert.equal(assessed.overClassification, false);
    assert.ok(assessed.reasons.some((r) => r.factor === 'judgement' && r.value === 've-screening:high'));
  });

  test('review lists: 401/403/404/400, then the due and overdue reviews of the facility, soonest first', async () => {
    const due = await f.prisoner(facilityId, { familyName: 'Назаров' });
    const overdue = await f.prisoner(facilityId, { familyName: 'Саидов' });
    const later = await f.prisoner(facilityId, { familyName: 'Каримов' });
    assert.equal((await decide(security, due, { level: 'medium', nextReviewOn: addDays(today(), 10) })).status, 201);
    const first = (await decide(security, overdue, { level: 'medium' })).body as CategoryDecision;
    assert.equal((await decide(security, later, { level: 'medium' })).status, 201);
    // A review that fell behind: the API never takes a past date, so the history is written as it would stand months on.
    await t.db.insertInto('category_decisions').values({
      prisoner_id: overdue.id, facility_id: facilityId, scheme_entry_id: first.scheme.entryId, level: 'medium', allocation_level: 'medium', suggested_level: 'medium',
      reasons: '[]', inputs: JSON.stringify({ ...none, sentenceMonths: 60, judgements: [], alerts: [] }), over_classification: false, informed: true, heard: false,
      decided_by: 'test', decided_at: new Date(Date.now() + 1000), next_review_on: addDays(today(), -3), review: true,
    }).execute();

    const url = `/api/v1/classification/reviews?facilityId=${facilityId}`;
    assert.equal((await t.client().get(url)).status, 401);
    assert.equal((await officer.get(url)).status, 403);
    assert.equal((await security.get('/api/v1/classification/reviews?facilityId=00000000-0000-4000-8000-000000000000')).status, 404);
    assert.equal((await security.get(`${url}&withinDays=-1`)).status, 400);
    const r = await caseManager.get(url);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const list = r.body as CategoryReviewList;
    const ours = list.items.filter((i) => [due.id, overdue.id, later.id].includes(i.prisonerId));
    assert.deepEqual(ours.map((i) => [i.familyName, i.overdue]), [['Саидов', true], ['Назаров', false]]);
    assert.equal(ours[0]!.levelNames.tg, 'Миёна');
    assert.ok((await caseManager.get(`${url}&withinDays=366`)).body.items.some((i: { prisonerId: string }) => i.prisonerId === later.id));
  });

  test('schemes: read by classification readers, added by those who configure; malformed and country conflicts refused; a new version supersedes', async () => {
    assert.equal((await t.client().get('/api/v1/category-schemes')).status, 401);
    assert.equal((await officer.get('/api/v1/category-schemes')).status, 403);
    assert.equal((await admin.get('/api/v1/category-schemes')).status, 200, 'those who configure schemes read them');
    const list = await caseManager.get('/api/v1/category-schemes');
    assert.equal(list.status, 200);
    const four = (list.body.items as { code: string; definition: CategoryScheme }[]).find((s) => s.code === 'four-level')!.definition;

    const add = (c: Client, definition: unknown, extra: Record<string, unknown> = {}) => c.post('/api/v1/category-schemes', { definition, source: 'Order 12 of the Ministry', ...extra });
    assert.equal((await add(caseManager, four)).status, 403);
    assert.equal((await add(admin, four, { source: '' })).status, 400);
    const malformed = await add(admin, { ...four, levels: [four.levels[0], { ...four.levels[1], code: 'low' }], rules: [{ factor: 'alert', alert: 'escape-risk', minimum: 'extreme' }] });
    assert.equal(malformed.status, 422);
    assert.equal(malformed.body.code, 'classification-scheme-invalid');
    assert.deepEqual(malformed.body.errors.map((e: { path: string }) => e.path), ['definition.levels.1.code', 'definition.rules.0.minimum']);
    const taken = await add(admin, { ...four, code: 'local', countries: ['GB'] });
    assert.equal(taken.status, 422);
    assert.equal(taken.body.code, 'classification-country-taken');
    // Catalogue dates are service-wide (UTC days), not a facility's.
    assert.equal((await add(admin, four, { effectiveFrom: addDays(localDay(new Date(), 'UTC'), -1) })).status, 422);

    const revised = await add(security, { ...four, levels: four.levels.map((l) => (l.code === 'low' ? { ...l, reviewMonths: 24 } : l)) });
    assert.equal(revised.status, 201, JSON.stringify(revised.body));
    assert.equal(revised.body.version, 2);
    const history = (await caseManager.get('/api/v1/category-schemes/four-level/versions')).body as CatalogueHistory;
    assert.deepEqual(history.items.map((v) => v.status), ['superseded', 'in-force']);
    assert.ok(history.items[0]!.usedBy > 0, 'decisions made under version 1 are counted');
    assert.equal((await caseManager.get('/api/v1/category-schemes/none-such/versions')).status, 404);
    assert.equal(await count('audit_events', 'action', 'category-scheme.superseded'), 1);
  });

  test('a facility in GB decides on categories A–D', async () => {
    const gb = await f.facility('GB1', { country: 'GB', timeZone: 'Europe/London' });
    const p = await f.prisoner(gb.id);
    const manager = await f.signedIn(['security_manager'], { facilityIds: [gb.id] });
    const r = await manager.get(`/api/v1/prisoners/${p.id}/classification`);
    assert.equal(r.body.scheme.code, 'uk-categories');
    const s = (await suggest(manager, p)).body as Suggestion;
    assert.equal(s.level, 'D');
    const d = await decide(manager, p, { level: 'B', overrideReason: 'Organised crime links recorded by police', representations: { informed: true, heard: false } });
    assert.equal(d.status, 201, JSON.stringify(d.body));
    assert.equal(d.body.allocationLevel, 'high');
    assert.equal((await manager.get(`/api/v1/prisoners/${p.id}`)).body.securityCategory, 'high');
  });
});
