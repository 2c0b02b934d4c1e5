import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { ForceReport, ForceReportSummary, ForceTechnique, Prisoner } from '@vigil/contracts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { factories } from '../../testing/factories.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';

describe(`use of force and restraints over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let officer: Client;
  let senior: Client;
  let otherSenior: Client;
  let security: Client;
  let analyst: Client;
  let caseManager: Client;
  let elsewhere: Client;
  let facility: string;
  let officerId: string;
  let seniorId: string;
  let colleagueId: string;
  let man: Prisoner;
  let woman: Prisoner;
  let pregnant: Prisoner;
  const idOf = async (c: Client) => ((await c.get('/api/v1/auth/session')).body as { user: { id: string } }).user.id;
  const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
  const count = async (table: 'force_reports' | 'force_report_uses' | 'force_report_prisoners') => Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const events = async (id: string) => Number((await t.db.selectFrom('domain_events').select((eb) => eb.fn.countAll<string>().as('n')).where('type', '=', 'force.reported').where('entity_id', '=', id).executeTakeFirstOrThrow()).n);

  /** A whole report of handcuffs on the man, ended an hour ago, submitted. */
  const report = (over: Record<string, unknown> = {}) => ({
    facilityId: facility,
    prisonerIds: [man.id],
    startedAt: ago(120),
    endedAt: ago(60),
    location: 'Коридор 2-го этажа',
    reason: 'resistance-to-lawful-order',
    account: 'Отказался вернуться в камеру, оттолкнул сотрудника.',
    authorisedById: seniorId,
    staffIds: [colleagueId],
    uses: [{ prisonerId: man.id, technique: 'handcuffs', appliedAt: ago(118), removedAt: ago(70) }],
    injuries: [{ person: 'prisoner', prisonerId: man.id, description: 'Покраснение запястий' }],
    medical: { by: 'Фельдшер Каримова', at: ago(50), findings: 'Без повреждений' },
    footage: 'Камера 2-14, 10:05–10:40',
    submit: true,
    ...over,
  });

  before(async () => {
    t = await startTestApp();
    const f = factories(t);
    const a = await f.facility('UF1', { timeZone: 'Asia/Dushanbe' });
    facility = a.id;
    const b = await f.facility('UF2');
    const scope = { facilityIds: [a.id] };
    officer = await f.signedIn(['officer'], scope);
    senior = await f.signedIn(['senior_officer'], scope);
    otherSenior = await f.signedIn(['senior_officer'], scope);
    security = await f.signedIn(['security_manager'], scope);
    analyst = await f.signedIn(['intelligence_analyst'], scope);
    caseManager = await f.signedIn(['case_manager'], scope);
    elsewhere = await f.signedIn(['senior_officer'], { facilityIds: [b.id] });
    colleagueId = (await f.user(['officer'], scope)).id;
    [officerId, seniorId] = await Promise.all([idOf(officer), idOf(senior)]);
    man = await f.prisoner(a.id);
    woman = await f.prisoner(a.id, { sex: 'female', familyName: 'Раҳимова', givenName: 'Нилуфар' });
    pregnant = await f.prisoner(a.id, { sex: 'female', familyName: 'Саидова', givenName: 'Мадина' });
    // The admission screening recorded the pregnancy (Bangkok Rule 6).
    await sql`update prisoner_rows set file = jsonb_set(file, '{admission,health,pregnant}', 'true') where id = ${pregnant.id}`.execute(t.db);
  });
  after(() => t.close());

  test('the restraint list: defaults with their source; chains and irons prohibited (Rule 47)', async () => {
    assert.equal((await t.client().get('/api/v1/force-techniques')).status, 401);
    assert.equal((await caseManager.get('/api/v1/force-techniques')).status, 403);
    const r = await officer.get('/api/v1/force-techniques');
    assert.equal(r.status, 200);
    const items = r.body.items as ForceTechnique[];
    const by = (code: string) => items.find((i) => i.code === code)!;
    assert.equal(by('handcuffs').allowed, true);
    assert.deepEqual(by('handcuffs').refusedFor, ['pregnant']);
    assert.equal(by('escort-chain').allowed, false);
    assert.equal(by('leg-irons').allowed, false);
    assert.match(by('leg-irons').source, /Mandela/);
    const reasons = (await officer.get('/api/v1/force-reasons')).body.items as { code: string; ground: string }[];
    assert.deepEqual(reasons.map((x) => x.ground).sort(), ['preventing-damage', 'preventing-escape', 'preventing-injury-to-others', 'preventing-self-harm', 'resistance-to-lawful-order', 'self-defence']);
    assert.equal(((await officer.get('/api/v1/force-settings')).body as { reportDueHours: number }).reportDueHours, 24);
  });

  test('configuring the list: 401/403/400, a new entry and a new version', async () => {
    const body = { code: 'restraint-chair', names: { en: 'Restraint chair', ru: 'Фиксирующее кресло', tg: 'Курсии маҳдудкунанда' }, kind: 'restraint', allowed: false, source: 'Order 12 of the Ministry' };
    assert.equal((await t.client().post('/api/v1/force-techniques', body)).status, 401);
    assert.equal((await senior.post('/api/v1/force-techniques', body)).status, 403);
    assert.equal((await security.post('/api/v1/force-techniques', { ...body, code: 'Bad Code' })).status, 400);
    assert.equal((await security.post('/api/v1/force-techniques', { ...body, kind: 'gadget' })).status, 400);
    const created = await security.post('/api/v1/force-techniques', body);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal((await security.post('/api/v1/force-techniques', body)).status, 409, 'the code is taken');
    const changed = await security.put('/api/v1/force-techniques/restraint-chair', { ...body, code: undefined, allowed: true, maxDurationMinutes: 60, reviewIntervalMinutes: 15, refusedFor: ['pregnant'], version: 1 });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.equal((changed.body as ForceTechnique).version, 2);
    assert.equal((await security.put('/api/v1/force-techniques/restraint-chair', { ...body, code: undefined, version: 1 })).status, 409);
    const history = await security.get('/api/v1/force-techniques/restraint-chair/versions');
    assert.equal(history.body.items.length, 2);
    assert.equal((await senior.get('/api/v1/force-techniques/configuration')).status, 403);
    // The due hours are configuration too.
    assert.equal((await senior.put('/api/v1/force-settings', { reportDueHours: 12, version: 1, source: 'x' })).status, 403);
    assert.equal((await security.put('/api/v1/force-settings', { reportDueHours: 0, version: 1, source: 'x' })).status, 400);
  });

  test('reporting: 401/403/400, then a whole report submitted and announced', async () => {
    assert.equal((await t.client().post('/api/v1/force-reports', report())).status, 401);
    assert.equal((await analyst.post('/api/v1/force-reports', report())).status, 403, 'no force.report');
    assert.equal((await officer.post('/api/v1/force-reports', report({ prisonerIds: [] }))).status, 400);
    assert.equal((await officer.post('/api/v1/force-reports', report({ startedAt: 'yesterday' }))).status, 400);
    assert.equal((await officer.post('/api/v1/force-reports', report({ extra: 1 }))).status, 400);
    const r = await officer.post('/api/v1/force-reports', report());
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const created = r.body as ForceReport;
    assert.equal(created.status, 'submitted');
    assert.equal(created.uses[0]!.technique.code, 'handcuffs');
    assert.equal(created.uses[0]!.minutes, 48);
    assert.equal(created.overdue, false);
    assert.equal(created.late, false);
    assert.equal(created.staff[0]!.id, colleagueId);
    assert.equal(created.reason.ground, 'resistance-to-lawful-order');
    assert.equal(await events(created.id), 1, 'force.reported published');
    // The reporter sees their own report; a reader sees it in the facility's list.
    assert.equal((await officer.get(`/api/v1/force-reports/${created.id}`)).status, 200);
    const list = await senior.get(`/api/v1/facilities/${facility}/force-reports`);
    assert.ok((list.body.items as ForceReportSummary[]).some((x) => x.id === created.id));
    assert.equal((await elsewhere.get(`/api/v1/force-reports/${created.id}`)).status, 404, 'another facility');
    assert.equal((await elsewhere.get(`/api/v1/facilities/${facility}/force-reports`)).status, 404);
    const tab = await senior.get(`/api/v1/prisoners/${man.id}/force-reports`);
    assert.equal(tab.status, 200);
    assert.equal((tab.body.items as ForceReportSummary[])[0]!.id, created.id);
    assert.equal((await officer.get(`/api/v1/prisoners/${man.id}/force-reports`)).status, 403, 'the prisoner tab needs force.read');
  });

  test('a prohibited restraint is refused citing Rule 47, and nothing is half-written', async () => {
    const before = await Promise.all([count('force_reports'), count('force_report_uses'), count('force_report_prisoners')]);
    const r = await officer.post('/api/v1/force-reports', report({ uses: [{ prisonerId: man.id, technique: 'handcuffs', appliedAt: ago(118), removedAt: ago(100) }, { prisonerId: man.id, technique: 'leg-irons', appliedAt: ago(110), removedAt: ago(70) }] }));
    assert.equal(r.status, 422);
    assert.equal(r.body.code, 'force-technique-prohibited');
    assert.match(r.body.title, /Rule 47/);
    assert.deepEqual(r.body.errors, [{ path: 'uses.1.technique', message: 'force-technique-prohibited' }]);
    assert.deepEqual(await Promise.all([count('force_reports'), count('force_report_uses'), count('force_report_prisoners')]), before);
    const unknown = await officer.post('/api/v1/force-reports', report({ uses: [{ prisonerId: man.id, technique: 'thumbscrews', appliedAt: ago(118), removedAt: ago(70) }] }));
    assert.equal(unknown.body.code, 'force-technique-unknown');
  });

  test('never on a pregnant woman (Rule 48(2), Bangkok Rule 24); a woman not pregnant may be handcuffed', async () => {
    const onPregnant = await officer.post('/api/v1/force-reports', report({ prisonerIds: [pregnant.id], uses: [{ prisonerId: pregnant.id, technique: 'handcuffs', appliedAt: ago(118), removedAt: ago(70) }], injuries: [] }));
    assert.equal(onPregnant.status, 422);
    assert.equal(onPregnant.body.code, 'force-technique-protected');
    const held = await officer.post('/api/v1/force-reports', report({ prisonerIds: [pregnant.id], uses: [{ prisonerId: pregnant.id, technique: 'escort-hold', appliedAt: ago(118), removedAt: ago(115) }], injuries: [] }));
    assert.equal(held.status, 201, 'an escort hold is not refused');
    const onWoman = await officer.post('/api/v1/force-reports', report({ prisonerIds: [woman.id], uses: [{ prisonerId: woman.id, technique: 'handcuffs', appliedAt: ago(118), removedAt: ago(70) }], injuries: [] }));
    assert.equal(onWoman.status, 201);
  });

  test('reasons, staff, prisoners and times are checked', async () => {
    const bad = async (over: Record<string, unknown>, code: string) => {
      const r = await officer.post('/api/v1/force-reports', report(over));
      assert.equal(r.status, 422, `${code}: ${JSON.stringify(r.body)}`);
      assert.equal(r.body.code, code);
    };
    // Rule 43(2): no reason is a punishment; only the configured list is accepted.
    await bad({ reason: 'punishment' }, 'force-reason-unknown');
    await bad({ authorisedById: await idOf(elsewhere) }, 'force-staff-unknown');
    await bad({ uses: [{ prisonerId: woman.id, technique: 'handcuffs', appliedAt: ago(118), removedAt: ago(70) }] }, 'force-prisoner-not-involved');
    await bad({ endedAt: ago(130) }, 'force-times-order');
    await bad({ uses: [{ prisonerId: man.id, technique: 'handcuffs', appliedAt: ago(125), removedAt: ago(70) }] }, 'force-times-order');
    await bad({ medical: null }, 'force-report-incomplete');
    await bad({ uses: [{ prisonerId: man.id, technique: 'handcuffs', appliedAt: ago(118), removedAt: null }] }, 'force-report-incomplete');
  });

  test('a draft past its due time is overdue; submitted late it stays late', async () => {
    // The force ended 30 hours ago: the report was due 6 hours ago.
    const draft = await officer.post('/api/v1/force-reports', report({ startedAt: ago(31 * 60), endedAt: ago(30 * 60), uses: [{ prisonerId: man.id, technique: 'handcuffs', appliedAt: ago(31 * 60 - 1), removedAt: ago(30 * 60 + 5) }], medical: null, submit: false }));
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    const d = draft.body as ForceReport;
    assert.equal(d.status, 'draft');
    assert.equal(d.overdue, true);
    assert.equal(await events(d.id), 0, 'a draft is not announced');
    const listed = (await senior.get(`/api/v1/facilities/${facility}/force-reports`)).body.items as ForceReportSummary[];
    assert.equal(listed.find((x) => x.id === d.id)!.overdue, true);
    // Another officer's draft is not theirs to see or change.
    const other = await t.signedIn(['officer'], { facilityIds: [facility] });
    assert.equal((await other.get(`/api/v1/force-reports/${d.id}`)).status, 404);
    assert.ok(!((await other.get(`/api/v1/facilities/${facility}/force-reports`)).body.items as ForceReportSummary[]).some((x) => x.id === d.id));
    const url = `/api/v1/force-reports/${d.id}`;
    const body = { ...report({ startedAt: d.startedAt, endedAt: d.endedAt, uses: [{ prisonerId: man.id, technique: 'handcuffs', appliedAt: d.uses[0]!.appliedAt, removedAt: d.uses[0]!.removedAt }] }), version: d.version };
    assert.equal((await t.client().put(url, body)).status, 401);
    assert.equal((await analyst.put(url, body)).status, 403);
    assert.equal((await officer.put(url, { ...body, version: 'one' })).status, 400);
    assert.equal((await officer.put(url, { ...body, version: d.version + 1 })).status, 409);
    const submitted = await officer.put(url, body);
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    const s = submitted.body as ForceReport;
    assert.equal(s.status, 'submitted');
    assert.equal(s.overdue, false);
    assert.equal(s.late, true);
    assert.equal(await events(d.id), 1);
    const again = await officer.put(url, { ...body, version: s.version });
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'force-report-not-draft');
  });

  test('a restraint kept on longer than its maximum is flagged', async () => {
    const r = await officer.post('/api/v1/force-reports', report({ startedAt: ago(400), uses: [{ prisonerId: man.id, technique: 'handcuffs', appliedAt: ago(390), removedAt: ago(61) }] }));
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const u = (r.body as ForceReport).uses[0]!;
    assert.equal(u.overMaximum, true);
    assert.equal(u.reviewsNeeded, 10);
    assert.equal((r.body as ForceReport).overMaximum, true);
  });

  test('review: by a supervisor not involved, once, with findings', async () => {
    const created = (await officer.post('/api/v1/force-reports', report())).body as ForceReport;
    const url = `/api/v1/force-reports/${created.id}/review`;
    const body = { version: created.version, outcome: 'justified', findings: 'Соразмерно, видеозапись просмотрена.' };
    assert.equal((await t.client().post(url, body)).status, 401);
    assert.equal((await officer.post(url, body)).status, 403, 'no force.review');
    assert.equal((await otherSenior.post(url, { ...body, outcome: 'fine' })).status, 400);
    assert.equal((await otherSenior.post(url, { ...body, findings: '' })).status, 400);
    const own = await senior.post(url, body);
    assert.equal(own.status, 422, 'the authorising officer does not review');
    assert.equal(own.body.code, 'force-review-own');
    assert.equal((await otherSenior.post(url, { ...body, version: 99 })).status, 409);
    const reviewed = await otherSenior.post(url, body);
    assert.equal(reviewed.status, 200, JSON.stringify(reviewed.body));
    assert.equal((reviewed.body as ForceReport).status, 'reviewed');
    assert.equal((reviewed.body as ForceReport).review!.outcome, 'justified');
    const twice = await otherSenior.post(url, { ...body, version: (reviewed.body as ForceReport).version });
    assert.equal(twice.body.code, 'force-report-not-submitted');
    // A draft cannot be reviewed either.
    const draft = (await officer.post('/api/v1/force-reports', report({ medical: null, submit: false }))).body as ForceReport;
    assert.equal((await otherSenior.post(`/api/v1/force-reports/${draft.id}/review`, { ...body, version: draft.version })).body.code, 'force-report-not-submitted');
  });

  test('staff for the form; reads audited; the audit chain holds', async () => {
    assert.equal((await analyst.get(`/api/v1/facilities/${facility}/force-staff`)).status, 403);
    const staff = await officer.get(`/api/v1/facilities/${facility}/force-staff`);
    assert.equal(staff.status, 200);
    assert.ok((staff.body.items as { id: string }[]).some((s) => s.id === officerId));
    const viewed = await t.db.selectFrom('audit_events').select('entity_id').where('action', '=', 'force-report.viewed').execute();
    assert.ok(viewed.length > 0);
    assert.equal((await verifyAuditChain(t.db)).ok, true);
  });
  test('a report made for an incident: the incident must be one of the facility; once submitted it joins the incident links', async () => {
    const unknown = await officer.post('/api/v1/force-reports', report({ incidentId: '00000000-0000-4000-8000-000000000001' }));
    assert.equal(unknown.status, 422);
    assert.equal(unknown.body.code, 'force-incident-unknown');
    const incident = await officer.post('/api/v1/incidents', { facilityId: facility, type: 'fight', occurredAt: ago(130), summary: 'Драка в коридоре', people: [] });
    assert.equal(incident.status, 201, JSON.stringify(incident.body));
    const made = await officer.post('/api/v1/force-reports', report({ incidentId: incident.body.id }));
    assert.equal(made.status, 201, JSON.stringify(made.body));
    assert.equal(made.body.incidentId, incident.body.id);
    await t.services.events.catchUp();
    const links = (await senior.get(`/api/v1/incidents/${incident.body.id}`)).body.links as { kind: string; targetId: string }[];
    assert.deepEqual(links.map((l) => [l.kind, l.targetId]), [['force-report', made.body.id]]);
  });
});
