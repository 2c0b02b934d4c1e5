import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { Handover, Prisoner, RecipientProfile, ReleasePlan, ReleasePlanView } from '@vigil/contracts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { factories } from '../../testing/factories.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { pdfText } from './handover.fixtures.ts';

const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const RISK = 'Хавфи зӯроварӣ нисбат ба ҳамсари собиқ баланд аст';
const CONTACT = 'Ҳакимова Ғунча';

/** A whole plan, agreed, with a risk summary and a family contact. */
const planBody = (extra: Record<string, unknown> = {}) => ({
  plannedReleaseOn: dayFromNow(40),
  accommodation: { kind: 'family-home', address: 'ш. Кӯлоб, кӯчаи Қаҳҳоров 12', confirmed: true },
  work: 'Кор дар сехи дӯзандагӣ',
  contacts: [{ name: CONTACT, relationship: 'модар', phone: '+992 93 555 1122', address: '' }],
  supervisionConditions: ['Ҳар ҳафта ба нозир ҳозир шудан'],
  riskSummary: RISK,
  agencies: ['Нозироти пробатсияи Кӯлоб'],
  status: 'agreed',
  ...extra,
});

const agency = { name: 'Хадамоти иҷтимоии ноҳияи Кӯлоб', contact: 'Саидова Ҳ., +992 93 000 0000', country: 'TJ' };

describe(`release plans and handovers over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let caseManager: Client;
  let elsewhere: Client;
  let officer: Client;
  let admin: Client;
  let prisoner: Prisoner;
  let unplanned: Prisoner;
  const auditCount = async (action: string, entityId: string) =>
    Number((await t.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).where('action', '=', action).where('entity_id', '=', entityId).executeTakeFirstOrThrow()).n);
  const download = (c: Client, id: string) => fetch(`${t.url}/api/v1/handovers/${id}/package.pdf`, { headers: c.cookie ? { cookie: c.cookie } : {} });

  before(async () => {
    t = await startTestApp();
    const f = factories(t);
    const facility = await f.facility('HO1');
    const other = await f.facility('HO2');
    caseManager = await f.signedIn(['case_manager'], { facilityIds: [facility.id] });
    elsewhere = await f.signedIn(['case_manager'], { facilityIds: [other.id] });
    officer = await f.signedIn(['officer'], { facilityIds: [facility.id] });
    admin = await f.signedIn(['sysadmin'], { allFacilities: true });
    prisoner = await f.prisoner(facility.id, { familyName: 'Ҳакимов', givenName: 'Ҷӯрабек' });
    unplanned = await f.prisoner(facility.id);
  });
  after(() => t.close());

  test('the release plan: 401, 403, 400, 422 for a past date, 200, then a change under its version (409 when stale)', async () => {
    const path = `/api/v1/prisoners/${prisoner.id}/release-plan`;
    assert.equal((await t.client().get(path)).status, 401);
    assert.equal((await t.client().put(path, planBody())).status, 401);
    assert.equal((await officer.get(path)).status, 403);
    assert.equal((await officer.put(path, planBody())).status, 403);
    assert.equal((await elsewhere.get(path)).status, 404, 'a prisoner in a facility the reader cannot see');

    const empty = (await caseManager.get(path)).body as ReleasePlanView;
    assert.equal(empty.plan, null);
    assert.equal(empty.earliestReleaseOn, prisoner.releaseDates.earliest, 'a new plan starts from the file’s earliest release date');

    assert.equal((await caseManager.put(path, { ...planBody(), accommodation: undefined })).status, 400);
    assert.equal((await caseManager.put(path, { ...planBody(), status: 'approved' })).status, 400);
    const past = await caseManager.put(path, planBody({ plannedReleaseOn: dayFromNow(-2) }));
    assert.equal(past.status, 422);
    assert.equal(past.body.code, 'release-date-past');
    assert.deepEqual(past.body.errors?.map((e: { path: string }) => e.path), ['plannedReleaseOn']);

    const created = await caseManager.put(path, planBody({ status: 'draft' }));
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const plan = created.body as ReleasePlan;
    assert.equal(plan.version, 1);
    assert.equal(plan.riskSummary, RISK);
    assert.deepEqual(plan.contacts, [{ name: CONTACT, relationship: 'модар', phone: '+992 93 555 1122', address: null }]);
    assert.equal((await caseManager.put(path, planBody())).status, 409, 'a second first plan is a conflict');

    const agreed = await caseManager.put(path, planBody({ version: plan.version }));
    assert.equal(agreed.status, 200, JSON.stringify(agreed.body));
    assert.equal(agreed.body.status, 'agreed');
    assert.equal((await caseManager.put(path, planBody({ version: plan.version }))).status, 409, 'a stale version');

    const read = (await caseManager.get(path)).body as ReleasePlanView;
    assert.equal(read.plan?.version, 2);
    assert.ok((await auditCount('release-plan.created', prisoner.id)) === 1 && (await auditCount('release-plan.updated', prisoner.id)) === 1);
    assert.ok((await auditCount('release-plan.viewed', prisoner.id)) >= 2, 'reads of the plan are audited');
  });

  test('a handover to social services in Tajik: logged, audited, announced, and the PDF holds no withheld part', async () => {
    const path = `/api/v1/prisoners/${prisoner.id}/handovers`;
    const body = { profileCode: 'social-services', agency };
    assert.equal((await t.client().post(path, body)).status, 401);
    assert.equal((await officer.post(path, body)).status, 403);
    assert.equal((await caseManager.post(path, { profileCode: 'social-services' })).status, 400);
    assert.equal((await caseManager.post(path, { ...body, agency: { ...agency, country: 'Tajikistan' } })).status, 400);
    const unknown = await caseManager.post(path, { ...body, profileCode: 'tax-office' });
    assert.equal(unknown.status, 422);
    assert.equal(unknown.body.code, 'handover-profile-unknown');
    const noPlan = await caseManager.post(`/api/v1/prisoners/${unplanned.id}/handovers`, body);
    assert.equal(noPlan.status, 422);
    assert.equal(noPlan.body.code, 'release-plan-missing');
    assert.equal((await elsewhere.post(path, body)).status, 404);

    const issued = await caseManager.post(path, body);
    assert.equal(issued.status, 201, JSON.stringify(issued.body));
    const h = issued.body as Handover;
    assert.equal(h.language, 'tg');
    assert.deepEqual(h.sections, ['identity', 'accommodation', 'work', 'family']);
    assert.equal(h.profile.code, 'social-services');
    assert.equal(h.profile.version, 1);
    assert.equal(h.agency.name, agency.name);

    assert.equal((await download(t.client(), h.id)).status, 401);
    assert.equal((await download(officer, h.id)).status, 403);
    assert.equal((await download(elsewhere, h.id)).status, 404);
    const res = await download(caseManager, h.id);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.equal(createHash('sha256').update(bytes).digest('hex'), h.sha256, 'the download is the file as issued');
    const text = await pdfText(bytes);
    for (const letter of ['ҳ', 'ҷ', 'ӣ', 'ӯ', 'қ', 'ғ']) assert.ok(text.includes(letter), `the letter ${letter}`);
    assert.ok(text.includes(CONTACT), 'the family contact, which social services may have');
    assert.ok(!text.includes(RISK), 'never the risk summary, which they may not');
    assert.ok(!text.includes('Ҳар ҳафта ба нозир'), 'nor the supervision conditions');

    const list = (await caseManager.get(path)).body as { items: Handover[] };
    assert.deepEqual(list.items.map((x) => x.id), [h.id]);
    assert.equal(await auditCount('handover.issued', h.id), 1);
    assert.equal(await auditCount('handover.downloaded', h.id), 1);
    assert.equal(await auditCount('prisoner.handovers-viewed', prisoner.id), 1);
    const event = await t.db.selectFrom('domain_events').select(['type', 'payload']).where('type', '=', 'handover.issued').where('entity_id', '=', h.id).executeTakeFirst();
    assert.deepEqual(event?.payload, { handoverId: h.id, prisonerId: prisoner.id, recipientProfile: 'social-services' });
    assert.ok((await verifyAuditChain(t.db)).ok);
  });

  test('a police package holds the risk summary and the supervision, not the family', async () => {
    const h = (await caseManager.post(`/api/v1/prisoners/${prisoner.id}/handovers`, { profileCode: 'police', agency: { name: 'ШВКД ноҳияи Кӯлоб', country: null } })).body as Handover;
    const text = await pdfText(new Uint8Array(await (await download(caseManager, h.id)).arrayBuffer()));
    assert.ok(text.includes(RISK) && text.includes('Ҳар ҳафта ба нозир'));
    assert.ok(!text.includes(CONTACT) && !text.includes('Кор дар сехи дӯзандагӣ'));
  });

  test('a probation package names the latest approved assessment in Tajik and the alerts in force, never a restricted one', async () => {
    const f = factories(t);
    const facilityId = prisoner.facilityId;
    const assessed = await f.prisoner(facilityId);
    assert.equal((await caseManager.put(`/api/v1/prisoners/${assessed.id}/release-plan`, planBody())).status, 200);
    // An approved assessment and two alerts, written as their own modules would have left them.
    const entry = await t.db.selectFrom('catalogue_entries').select(['id', 'data']).where('catalogue', '=', 'assessment-instruments').where('code', '=', 've-screening').executeTakeFirstOrThrow();
    const definition = entry.data as { names: { tg: string }; judgementLevels: { code: string; names: { tg: string } }[] };
    const level = definition.judgementLevels.at(-1)!;
    const [assessor, approver] = await Promise.all([f.user(['psychologist'], { facilityIds: [facilityId] }), f.user(['governor'], { facilityIds: [facilityId] })]);
    await t.db
      .insertInto('assessments')
      .values({ prisoner_id: assessed.id, instrument_entry_id: entry.id, assessor_id: assessor.id, created_by: assessor.id, status: 'approved', formulation: 'F', judgement: level.code, approved_by: approver.id, approved_at: new Date(), next_review_on: dayFromNow(180) })
      .execute();
    await t.db
      .insertInto('prisoner_alerts')
      .values([
        { prisoner_id: assessed.id, code: 'escape-risk', starts_on: dayFromNow(-10), raised_by: 'test' },
        { prisoner_id: assessed.id, code: 'intelligence-interest', comment: 'оперативӣ', starts_on: dayFromNow(-10), raised_by: 'test' },
      ])
      .execute();

    const issued = await caseManager.post(`/api/v1/prisoners/${assessed.id}/handovers`, { profileCode: 'probation', agency: { name: 'Нозироти пробатсияи Кӯлоб', country: 'TJ' } });
    assert.equal(issued.status, 201, JSON.stringify(issued.body));
    const text = await pdfText(new Uint8Array(await (await download(caseManager, issued.body.id)).arrayBuffer()));
    assert.ok(text.includes(definition.names.tg), 'the instrument, named in Tajik');
    assert.ok(text.includes(level.names.tg), 'the final judgement, named in Tajik');
    assert.ok(text.includes('Хавфи фирор'), 'the escape-risk alert in force');
    assert.ok(!text.includes('Таваҷҷӯҳи оперативӣ'), 'never an alert of a restricted code');
    assert.equal(await auditCount('prisoner.assessments-viewed', assessed.id), 1, 'reading the assessment for the package is audited');
  });

  test('recipient profiles: read by case managers, configured by the administrator as new versions', async () => {
    assert.equal((await t.client().get('/api/v1/handover-profiles')).status, 401);
    assert.equal((await officer.get('/api/v1/handover-profiles')).status, 403);
    const inUse = (await caseManager.get('/api/v1/handover-profiles')).body as { items: RecipientProfile[] };
    assert.deepEqual(inUse.items.map((p) => p.code).sort(), ['partner-prison-service', 'police', 'probation', 'social-services']);

    const create = { code: 'ngo-reintegration', names: { en: 'Reintegration NGO', ru: 'НКО по реинтеграции', tg: 'ТҒД оид ба реинтегратсия' }, kind: 'other', language: 'tg', sections: ['identity', 'work'], source: 'Memorandum 12/2026' };
    assert.equal((await caseManager.post('/api/v1/handover-profiles', create)).status, 403);
    assert.equal((await admin.post('/api/v1/handover-profiles', { ...create, sections: [] })).status, 400);
    assert.equal((await admin.post('/api/v1/handover-profiles', { ...create, sections: ['health'] })).status, 400, 'health notes are no part of a package');
    const created = await admin.post('/api/v1/handover-profiles', create);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal((await admin.post('/api/v1/handover-profiles', create)).status, 409, 'a taken code');

    const { code: _code, ...rest } = create;
    const retired = await admin.put('/api/v1/handover-profiles/ngo-reintegration', { ...rest, version: 1, active: false, source: 'Memorandum ended' });
    assert.equal(retired.status, 200, JSON.stringify(retired.body));
    assert.equal(retired.body.version, 2);
    assert.equal((await admin.put('/api/v1/handover-profiles/ngo-reintegration', { ...rest, version: 1, active: true, source: 'x' })).status, 409);
    const history = (await admin.get('/api/v1/handover-profiles/social-services/versions')).body;
    assert.equal(history.items[0].usedBy, 1, 'the social-services handover above was issued under version 1');
    assert.ok(!((await caseManager.get('/api/v1/handover-profiles')).body as { items: RecipientProfile[] }).items.some((p) => p.code === 'ngo-reintegration'), 'a retired profile is not offered');
    const refused = await caseManager.post(`/api/v1/prisoners/${prisoner.id}/handovers`, { profileCode: 'ngo-reintegration', agency });
    assert.equal(refused.body.code, 'handover-profile-unknown');
    assert.equal(await auditCount('recipient-profile.created', 'ngo-reintegration'), 1);
    assert.equal(await auditCount('recipient-profile.updated', 'ngo-reintegration'), 1);
  });
});
