import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Assessment, Intervention, LinkableNeeds, Objective, Plan, PrisonerPlans, Prisoner, UnreviewedPlans } from '@vigil/contracts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { factories } from '../../testing/factories.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { addDays, localDay } from '../../platform/time/calendar.ts';

describe(`sentence plans over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let caseManager: Client;
  let governor: Client;
  let officer: Client;
  let anonymous: Client;
  let caseManagerId: string;
  let facilityId: string;
  let prisoner: Prisoner;
  let assessment: Assessment;
  let plan: Plan;
  const today = () => localDay(new Date(), 'Asia/Dushanbe');
  const count = async (table: 'plan_objectives' | 'plan_reviews' | 'plan_interventions' | 'sentence_plans') =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const events = (type: string) => t.db.selectFrom('domain_events').select(['type', 'payload']).where('type', '=', type).execute();

  before(async () => {
    t = await startTestApp();
    const f = factories(t);
    const facility = await f.facility('PL1');
    facilityId = facility.id;
    const scope = { facilityIds: [facility.id] };
    const cm = await f.user(['case_manager'], scope);
    caseManagerId = cm.id;
    caseManager = t.client();
    await caseManager.signIn(cm);
    governor = await f.signedIn(['governor'], scope);
    officer = await f.signedIn(['officer'], scope);
    anonymous = t.client();
    prisoner = await f.prisoner(facility.id);
    assessment = await f.approvedAssessment(prisoner);
  });
  after(() => t.close());

  test('a case manager makes a plan; 401, 403 and 400 before it', async () => {
    const url = `/api/v1/prisoners/${prisoner.id}/plans`;
    assert.equal((await anonymous.post(url, {})).status, 401);
    assert.equal((await governor.post(url, {})).status, 403, 'the governor reads plans but does not write them');
    assert.equal((await caseManager.post(url, { nextReviewOn: '3.12.2026' })).status, 400);
    const past = await caseManager.post(url, { nextReviewOn: addDays(today(), -1) });
    assert.equal(past.status, 422);
    assert.deepEqual(past.body.errors, [{ path: 'nextReviewOn', message: 'plan-review-date-past' }]);
    assert.equal(await count('sentence_plans'), 0, 'nothing written');

    const made = await caseManager.post(url, {});
    assert.equal(made.status, 201, JSON.stringify(made.body));
    plan = made.body;
    assert.equal(plan.number, 1);
    assert.equal(plan.status, 'active');
    assert.deepEqual((await events('plan.created')).map((e) => e.payload), [{ planId: plan.id, prisonerId: prisoner.id }]);

    assert.equal((await anonymous.get(url)).status, 401);
    assert.equal((await officer.get(url)).status, 403);
    const read = await governor.get(url);
    assert.equal(read.status, 200);
    assert.equal((read.body as PrisonerPlans).active?.id, plan.id);
  });

  test('an objective links needs of an approved assessment; one linked to none, or to something else, is refused', async () => {
    const needsUrl = `/api/v1/prisoners/${prisoner.id}/plan-needs`;
    assert.equal((await anonymous.get(needsUrl)).status, 401);
    assert.equal((await governor.get(needsUrl)).status, 403);
    const needs = (await caseManager.get(needsUrl)).body as LinkableNeeds;
    const domain = needs.items.find((n) => n.kind === 'domain')!;
    const item = needs.items.find((n) => n.kind === 'item')!;
    assert.equal(domain.assessmentId, assessment.id);
    assert.ok(item.levelNames?.en, 'an item carries the level it was rated at');

    const url = `/api/v1/plans/${plan.id}/objectives`;
    const body = { text: 'Finish the basic literacy course', targetOn: addDays(today(), 120), needs: [{ assessmentId: assessment.id, code: item.code }] };
    assert.equal((await anonymous.post(url, body)).status, 401);
    assert.equal((await governor.post(url, body)).status, 403);
    assert.equal((await caseManager.post(url, { ...body, text: '' })).status, 400);
    const unlinked = await caseManager.post(url, { ...body, needs: [] });
    assert.equal(unlinked.status, 422);
    assert.equal(unlinked.body.code, 'plan-objective-unlinked');
    const unknownCode = await caseManager.post(url, { ...body, needs: [{ assessmentId: assessment.id, code: 'NOPE' }] });
    assert.deepEqual(unknownCode.body.errors, [{ path: 'needs.0', message: 'plan-need-invalid' }]);
    const draft = (await factories(t).prisoner(facilityId)) as Prisoner;
    const elsewhere = await factories(t).approvedAssessment(draft);
    const othersNeed = await caseManager.post(url, { ...body, needs: [{ assessmentId: elsewhere.id, code: item.code }] });
    assert.equal(othersNeed.body.code, 'plan-need-invalid', "another prisoner's assessment is not this plan's");
    assert.equal(await count('plan_objectives'), 0, 'nothing half-written');

    const added = await caseManager.post(url, { ...body, needs: [...body.needs, { assessmentId: assessment.id, code: domain.code }] });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    const objective = added.body as Objective;
    assert.deepEqual(objective.needs.map((n) => n.code).sort(), [domain.code, item.code].sort());
    assert.equal(objective.needs.find((n) => n.code === item.code)?.names.en, item.names.en);
  });

  test('interventions: owner, dates, status transitions; a status change is published', async () => {
    const [objective] = ((await caseManager.get(`/api/v1/prisoners/${prisoner.id}/plans`)).body as PrisonerPlans).active!.objectives;
    const url = `/api/v1/plan-objectives/${objective!.id}/interventions`;
    const body = { description: 'Literacy class, three mornings a week', kind: 'education', owner: { kind: 'agency', agency: 'Маркази таълимӣ' }, startsOn: today() };
    assert.equal((await anonymous.post(url, body)).status, 401);
    assert.equal((await governor.post(url, body)).status, 403);
    assert.equal((await caseManager.post(url, { ...body, kind: 'sport' })).status, 400);
    assert.equal((await caseManager.post(url, { ...body, endsOn: addDays(today(), -1) })).body.code, 'plan-dates-order');
    assert.equal((await caseManager.post(url, { ...body, owner: { kind: 'staff', userId: '00000000-0000-4000-8000-000000000000' } })).body.code, 'plan-owner-invalid');
    const added = await caseManager.post(url, { ...body, owner: { kind: 'staff', userId: caseManagerId } });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    let intervention = added.body as Intervention;
    assert.equal(intervention.status, 'planned');
    assert.equal(intervention.owner.kind, 'staff');

    const change = (status: string, version = intervention.version) => caseManager.put(`/api/v1/plan-interventions/${intervention.id}`, { ...body, version, status });
    assert.equal((await anonymous.put(`/api/v1/plan-interventions/${intervention.id}`, {})).status, 401);
    assert.equal((await governor.put(`/api/v1/plan-interventions/${intervention.id}`, { ...body, version: 1, status: 'active' })).status, 403);
    const skipped = await change('completed');
    assert.equal(skipped.status, 422);
    assert.equal(skipped.body.code, 'plan-status-transition');
    const started = await change('active');
    assert.equal(started.status, 200, JSON.stringify(started.body));
    assert.equal((await change('completed', 1)).status, 409, 'a stale version is a conflict');
    intervention = started.body;
    assert.equal(intervention.owner.kind, 'agency', 'the owner changed with the edit');
    assert.deepEqual((await events('plan.intervention-changed')).map((e) => e.payload), [{ planId: plan.id, prisonerId: prisoner.id, interventionId: intervention.id, status: 'active' }]);
    intervention = (await caseManager.put(`/api/v1/plan-interventions/${intervention.id}`, { ...body, description: 'Literacy class, mornings', version: intervention.version, status: 'active' })).body;
    assert.equal((await events('plan.intervention-changed')).length, 1, 'an edit without a status change publishes nothing');
  });

  test('objective outcomes are final', async () => {
    const [objective] = ((await caseManager.get(`/api/v1/prisoners/${prisoner.id}/plans`)).body as PrisonerPlans).active!.objectives;
    const url = `/api/v1/plan-objectives/${objective!.id}`;
    const body = { version: objective!.version, text: objective!.text, targetOn: objective!.targetOn, status: 'achieved' };
    assert.equal((await anonymous.put(url, body)).status, 401);
    assert.equal((await governor.put(url, body)).status, 403);
    assert.equal((await caseManager.put(url, { ...body, status: 'done' })).status, 400);
    const done = await caseManager.put(url, body);
    assert.equal(done.status, 200, JSON.stringify(done.body));
    const reopened = await caseManager.put(url, { ...body, version: done.body.version, status: 'open' });
    assert.equal(reopened.body.code, 'plan-status-transition');
    const more = await caseManager.post(`/api/v1/plan-objectives/${objective!.id}/interventions`, { description: 'x', kind: 'other', owner: { kind: 'agency', agency: 'NGO' }, startsOn: today() });
    assert.equal(more.body.code, 'plan-objective-closed');
  });

  test('a review meeting: participants from other agencies, the prisoner’s comments, a next date not in the past', async () => {
    const url = `/api/v1/plans/${plan.id}/reviews`;
    const body = {
      heldOn: today(),
      participants: [
        { name: 'Раҳимов А.', role: 'Case manager' },
        { name: 'Назаров Д.', role: 'Inspector', agency: 'Probation service' },
      ],
      outcome: 'Progress on literacy; work placement next.',
      nextReviewOn: addDays(today(), 90),
      prisonerComments: 'I want to learn a trade.',
    };
    assert.equal((await anonymous.post(url, body)).status, 401);
    assert.equal((await governor.post(url, body)).status, 403);
    assert.equal((await caseManager.post(url, { ...body, participants: [] })).status, 400);
    const past = await caseManager.post(url, { ...body, nextReviewOn: addDays(today(), -1) });
    assert.equal(past.status, 422);
    assert.equal(past.body.code, 'plan-review-date-past');
    assert.equal((await caseManager.post(url, { ...body, heldOn: addDays(today(), 1) })).body.code, 'plan-review-held-future');
    assert.equal(await count('plan_reviews'), 0, 'nothing half-written');

    const recorded = await caseManager.post(url, body);
    assert.equal(recorded.status, 201, JSON.stringify(recorded.body));
    assert.equal(recorded.body.participants[1].agency, 'Probation service');
    assert.equal(recorded.body.participants[0].agency, null);
    const read = ((await caseManager.get(`/api/v1/plans/${plan.id}`)).body as Plan);
    assert.equal(read.nextReviewOn, body.nextReviewOn, 'the next review date becomes the plan’s');
    assert.equal(read.reviews[0]?.prisonerComments, 'I want to learn a trade.');
    assert.equal((await events('plan.reviewed')).length, 1);
  });

  test('progress notes and the prisoner’s own comments', async () => {
    const url = `/api/v1/plans/${plan.id}/notes`;
    assert.equal((await anonymous.post(url, {})).status, 401);
    assert.equal((await governor.post(url, { kind: 'progress', text: 'x' })).status, 403);
    assert.equal((await caseManager.post(url, { kind: 'rumour', text: 'x' })).status, 400);
    assert.equal((await caseManager.post(url, { kind: 'progress', text: 'Attends every class.' })).status, 201);
    const own = await caseManager.post(url, { kind: 'prisoner', text: 'Мехоҳам бо оилаам бештар гап занам.' });
    assert.equal(own.status, 201);
    assert.equal(own.body.kind, 'prisoner');
    assert.deepEqual(((await caseManager.get(`/api/v1/plans/${plan.id}`)).body as Plan).notes.map((n) => n.kind).sort(), ['prisoner', 'progress']);
  });

  test('plans without a review: overdue and never reviewed, within the reader’s facilities', async () => {
    const url = `/api/v1/plans/unreviewed?facilityId=${facilityId}`;
    assert.equal((await anonymous.get(url)).status, 401);
    assert.equal((await officer.get(url)).status, 403);
    assert.equal((await caseManager.get('/api/v1/plans/unreviewed?facilityId=nope')).status, 400);
    let r = (await governor.get(url)).body as UnreviewedPlans;
    assert.deepEqual(r.items, [], 'the reviewed plan is not due');

    // Time passes: the review date is missed; another prisoner's plan was made 40 days ago and never reviewed.
    await t.db.updateTable('sentence_plans').set({ next_review_on: addDays(today(), -3) }).where('id', '=', plan.id).execute();
    const other = await factories(t).prisoner(facilityId);
    const fresh = (await caseManager.post(`/api/v1/prisoners/${other.id}/plans`, {})).body as Plan;
    await t.db.updateTable('sentence_plans').set({ created_at: new Date(Date.now() - 40 * 86_400_000) }).where('id', '=', fresh.id).execute();
    r = (await governor.get(url)).body as UnreviewedPlans;
    assert.deepEqual(
      r.items.map((i) => [i.planId, i.reason, i.daysOverdue]),
      [
        [fresh.id, 'never-reviewed', 12],
        [plan.id, 'review-overdue', 3],
      ],
    );
    assert.equal(r.items[1]!.lastReviewOn, today());
    assert.match(r.items[0]!.prisonerName, /\S+ \S+/);

    const outsider = await factories(t).signedIn(['case_manager'], { facilityIds: [(await factories(t).facility('PL2')).id] });
    assert.equal((await outsider.get(url)).status, 404);
    assert.equal((await outsider.get(`/api/v1/plans/${plan.id}`)).status, 404);
    assert.equal((await outsider.post(`/api/v1/plans/${plan.id}/notes`, { kind: 'progress', text: 'x' })).status, 404);
  });

  test('a new plan supersedes the active one, which is kept read-only; reads are audited', async () => {
    const made = await caseManager.post(`/api/v1/prisoners/${prisoner.id}/plans`, { nextReviewOn: addDays(today(), 30) });
    assert.equal(made.status, 201);
    assert.equal(made.body.number, 2);
    const all = (await caseManager.get(`/api/v1/prisoners/${prisoner.id}/plans`)).body as PrisonerPlans;
    assert.deepEqual(all.plans.map((p) => [p.number, p.status]), [[2, 'active'], [1, 'superseded']]);
    const old = (await caseManager.post(`/api/v1/plans/${plan.id}/notes`, { kind: 'progress', text: 'late' }));
    assert.equal(old.status, 409);
    assert.equal(old.body.code, 'plan-closed');
    assert.equal(((await caseManager.get(`/api/v1/plans/${plan.id}`)).body as Plan).objectives.length, 1, 'the earlier plan is kept as it stood');
    const actions = (await t.db.selectFrom('audit_events').select('action').where('action', 'like', '%plan%').execute()).map((a) => a.action);
    for (const a of ['plan.created', 'plan.superseded', 'plan.objective-added', 'plan.objective-changed', 'plan.intervention-added', 'plan.intervention-changed', 'plan.reviewed', 'plan.note-added', 'plan.viewed', 'prisoner.plans-viewed']) {
      assert.ok(actions.includes(a), `${a} audited`);
    }
    assert.equal((await verifyAuditChain(t.db)).ok, true);
  });
});
