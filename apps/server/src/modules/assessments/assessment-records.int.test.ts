import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Assessment, AssessmentComparison, InstrumentDefinition, Prisoner } from '@vigil/contracts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { factories } from '../../testing/factories.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';

describe(`assessments over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let psychologist: Client;
  let governor: Client;
  let officer: Client;
  let psychologistId: string;
  let woman: Prisoner;
  let man: Prisoner;
  let ve: InstrumentDefinition;
  const signIn = async (user: { username: string; password: string; totpSecret: string | null }) => {
    const c = t.client();
    await c.signIn(user);
    return c;
  };
  /** Every item of the open VE instrument that applies, rated with evidence. */
  const fullRatings = (sex: 'male' | 'female', level = 'partly') =>
    Object.fromEntries(ve.items.filter((i) => sex === 'female' || !i.womenOnly).map((i) => [i.code, { level, evidence: `Seen in interview about ${i.code}`, source: 'Interview' }]));
  const auditCount = async (action: string, entityId: string) =>
    Number((await t.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).where('action', '=', action).where('entity_id', '=', entityId).executeTakeFirstOrThrow()).n);

  before(async () => {
    t = await startTestApp();
    const f = factories(t);
    const facility = await f.facility('AS1');
    const scope = { facilityIds: [facility.id] };
    const psychologistUser = await f.user(['psychologist'], scope);
    psychologistId = psychologistUser.id;
    psychologist = await signIn(psychologistUser);
    governor = await f.signedIn(['governor'], scope);
    officer = await f.signedIn(['officer'], scope);
    woman = await f.prisoner(facility.id, { sex: 'female', familyName: 'Каримова', givenName: 'Нилуфар' });
    man = await f.prisoner(facility.id);
    ve = ((await psychologist.get('/api/v1/assessment-instruments')).body.items as { code: string; definition: InstrumentDefinition }[]).find((i) => i.code === 've-screening')!.definition;
  });
  after(() => t.close());

  const open = (client: Client, prisoner: Prisoner, assessorId = psychologistId) => client.post(`/api/v1/prisoners/${prisoner.id}/assessments`, { instrumentCode: 've-screening', assessorId });

  test('a psychologist drafts, saves, resumes and submits; the governor approves; it is then locked', async () => {
    assert.equal((await t.client().post(`/api/v1/prisoners/${woman.id}/assessments`, {})).status, 401);
    assert.equal((await open(officer, woman)).status, 403);
    assert.equal((await psychologist.post(`/api/v1/prisoners/${woman.id}/assessments`, { instrumentCode: 've-screening' })).status, 400);
    assert.equal((await open(psychologist, woman, (await t.createUser({ roles: ['officer'] })).id)).body.code, 'assessment-assessor-invalid');

    const created = await open(psychologist, woman);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    let a = created.body as Assessment;
    assert.equal(a.status, 'draft');
    assert.equal(a.instrument.code, 've-screening');

    const half = Object.fromEntries(Object.entries(fullRatings('female')).slice(0, 2));
    const saved = await psychologist.put(`/api/v1/assessments/${a.id}`, { version: a.version, ratings: half });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal((await psychologist.put(`/api/v1/assessments/${a.id}`, { version: a.version, ratings: {} })).status, 409, 'a stale version is a conflict');
    a = (await psychologist.get(`/api/v1/assessments/${a.id}`)).body as Assessment;
    assert.deepEqual(Object.keys(a.ratings), Object.keys(half), 'the draft resumes where it was left');

    const incomplete = await psychologist.post(`/api/v1/assessments/${a.id}/submit`, { version: a.version });
    assert.equal(incomplete.status, 422);
    assert.equal(incomplete.body.code, 'assessment-incomplete');
    const missing = (incomplete.body.errors as { path: string }[]).map((e) => e.path);
    assert.ok(missing.includes('ratings.CI4') && missing.includes('formulation') && missing.includes('judgement'), missing.join(', '));

    const outOfScale = await psychologist.put(`/api/v1/assessments/${a.id}`, { version: a.version, ratings: { CI1: { level: 'severe', evidence: 'x' } } });
    assert.equal(outOfScale.status, 422);
    assert.deepEqual(outOfScale.body.errors, [{ path: 'ratings.CI1.level', message: 'assessment-rating-invalid' }]);

    a = (await psychologist.put(`/api/v1/assessments/${a.id}`, { version: a.version, ratings: fullRatings('female'), formulation: 'Grievance and belonging interact; coercion by a relative.', judgement: 'moderate' })).body;
    const submitted = await psychologist.post(`/api/v1/assessments/${a.id}/submit`, { version: a.version });
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    a = submitted.body;
    assert.equal(a.status, 'submitted');

    assert.equal((await psychologist.post(`/api/v1/assessments/${a.id}/approve`, { version: a.version })).status, 403, 'a psychologist does not countersign');
    const approved = await governor.post(`/api/v1/assessments/${a.id}/approve`, { version: a.version });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    a = approved.body;
    assert.equal(a.status, 'approved');
    assert.match(a.nextReviewOn ?? '', /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(Number(a.nextReviewOn!.slice(0, 4)) - Number(a.approvedAt!.slice(0, 4)), 1, 'twelve months on');

    const locked = await psychologist.put(`/api/v1/assessments/${a.id}`, { version: a.version, ratings: {} });
    assert.equal(locked.status, 409);
    assert.equal(locked.body.code, 'assessment-locked');
    assert.equal((await governor.post(`/api/v1/assessments/${a.id}/return`, { version: a.version, reason: 'Again' })).body.code, 'assessment-locked');
    const events = await t.db.selectFrom('domain_events').select(['type', 'entity_id']).where('type', '=', 'assessment.approved').execute();
    assert.deepEqual(events.map((e) => e.entity_id), [a.id]);
  });

  test('four eyes: an approver who is also the assessor cannot approve their own', async () => {
    const f = factories(t);
    const both = await f.user(['psychologist', 'governor'], { allFacilities: true });
    const client = await signIn(both);
    let a = (await open(client, man, both.id)).body as Assessment;
    a = (await client.put(`/api/v1/assessments/${a.id}`, { version: a.version, ratings: fullRatings('male'), formulation: 'Formulation', judgement: 'low' })).body;
    a = (await client.post(`/api/v1/assessments/${a.id}/submit`, { version: a.version })).body;
    const r = await client.post(`/api/v1/assessments/${a.id}/approve`, { version: a.version });
    assert.equal(r.status, 422);
    assert.equal(r.body.code, 'assessment-own-approval');
    const returned = await governor.post(`/api/v1/assessments/${a.id}/return`, { version: a.version, reason: 'Evidence for CA1 is thin' });
    assert.equal(returned.status, 200, JSON.stringify(returned.body));
    assert.equal(returned.body.status, 'draft');
    assert.equal(returned.body.returnReason, 'Evidence for CA1 is thin');
  });

  test('a women-only item is refused for a man', async () => {
    const a = (await open(psychologist, man)).body as Assessment;
    const r = await psychologist.put(`/api/v1/assessments/${a.id}`, { version: a.version, ratings: { CI4: { level: 'absent', evidence: 'x' } } });
    assert.equal(r.status, 422);
    assert.equal(r.body.code, 'assessment-item-women-only');
  });

  test('an officer cannot read assessments; every read is audited once', async () => {
    const [a] = (await psychologist.get(`/api/v1/prisoners/${woman.id}/assessments`)).body.items as Assessment[];
    assert.equal((await officer.get(`/api/v1/assessments/${a!.id}`)).status, 403);
    assert.equal((await officer.get(`/api/v1/prisoners/${woman.id}/assessments`)).status, 403);
    const elsewhere = await factories(t).signedIn(['psychologist'], { facilityIds: [(await factories(t).facility('AS2')).id] });
    assert.equal((await elsewhere.get(`/api/v1/assessments/${a!.id}`)).status, 404, 'outside the reader\'s facilities it does not exist');
    assert.equal((await elsewhere.post(`/api/v1/assessments/${a!.id}/submit`, { version: a!.version })).status, 404);
    const before = await auditCount('assessment.viewed', a!.id);
    assert.equal((await governor.get(`/api/v1/assessments/${a!.id}`)).status, 200);
    assert.equal(await auditCount('assessment.viewed', a!.id), before + 1);
    assert.ok((await auditCount('prisoner.assessments-viewed', woman.id)) >= 1);
  });

  test('two assessments of one prisoner compare item by item', async () => {
    const [approved] = (await psychologist.get(`/api/v1/prisoners/${woman.id}/assessments`)).body.items as Assessment[];
    let review = (await open(psychologist, woman)).body as Assessment;
    review = (await psychologist.put(`/api/v1/assessments/${review.id}`, { version: review.version, ratings: { CI1: { level: 'present', evidence: 'New intelligence' } } })).body;
    const r = await governor.get(`/api/v1/assessments/compare?first=${approved!.id}&second=${review.id}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const c = r.body as AssessmentComparison;
    const ci1 = c.items.find((i) => i.code === 'CI1')!;
    assert.equal(ci1.first?.level, 'partly');
    assert.equal(ci1.second?.level, 'present');
    assert.equal(c.items.find((i) => i.code === 'CI2')!.second, null);
    const other = (await psychologist.get(`/api/v1/prisoners/${man.id}/assessments`)).body.items[0] as Assessment;
    assert.equal((await governor.get(`/api/v1/assessments/compare?first=${approved!.id}&second=${other.id}`)).body.code, 'assessment-compare-mismatch');
    assert.equal((await t.db.selectFrom('audit_events').select('seq').where('action', '=', 'assessment.compared').execute()).length, 1);
  });

  test('the instrument version is in use, and the audit chain verifies', async () => {
    const history = (await psychologist.get('/api/v1/assessment-instruments/ve-screening/versions')).body as { items: { usedBy: number }[] };
    assert.ok(history.items[0]!.usedBy >= 3);
    assert.equal((await verifyAuditChain(t.db)).ok, true);
  });
});
