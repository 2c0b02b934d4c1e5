import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Assessment, DueAssessment, InstrumentDefinition, Prisoner } from '@vigil/contracts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { factories } from '../../testing/factories.ts';
import { fixedClock } from '../../platform/time/clock.ts';
import { publish } from '../../platform/events/outbox.ts';
import type { NewDomainEvent } from '../../platform/events/event-types.ts';
import { releaseReviewOn } from './reassessment.rules.ts';

// Today is 1 August 2028: the test prisoners' five-year sentences from January 2024 end in January
// 2029, so release planning (six months before) is already due.
const NOW = '2028-08-01T08:00:00Z';

describe(`reassessment triggers and the due list over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let facilityId: string;
  let psychologist: Client;
  let psychologistId: string;
  let governor: Client;
  let officer: Client;
  let man: Prisoner;
  let woman: Prisoner;
  let bystander: Prisoner;

  /** Publishes in a transaction of its own, as a module's write would, then delivers it to the subscribers. */
  const happen = async (event: NewDomainEvent) => {
    await t.db.transaction().execute((trx) => publish(trx, event));
    await t.services.events.catchUp();
  };
  const due = async (client = psychologist) => {
    const r = await client.get(`/api/v1/assessments/due?facilityId=${facilityId}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body as { today: string; items: DueAssessment[] };
  };
  const reasonsOf = async (p: Prisoner) => (await due()).items.find((i) => i.prisoner.id === p.id)?.reasons.map((r) => r.code).sort() ?? [];

  before(async () => {
    t = await startTestApp({}, { clock: fixedClock(NOW) });
    const f = factories(t);
    facilityId = (await f.facility('RA1')).id;
    const scope = { facilityIds: [facilityId] };
    const user = await f.user(['psychologist'], scope);
    psychologistId = user.id;
    psychologist = t.client();
    await psychologist.signIn(user);
    governor = await f.signedIn(['governor'], scope);
    officer = await f.signedIn(['officer'], scope);
    man = await f.prisoner(facilityId);
    woman = await f.prisoner(facilityId, { sex: 'female', familyName: 'Каримова', givenName: 'Нилуфар' });
    bystander = await f.prisoner(facilityId, { legalStatus: 'untried' });
  });
  after(() => t.close());

  test('the due list: 401 signed out, 403 without assessments.read, 400 without a facility, 404 for a facility out of reach', async () => {
    assert.equal((await t.client().get(`/api/v1/assessments/due?facilityId=${facilityId}`)).status, 401);
    assert.equal((await officer.get(`/api/v1/assessments/due?facilityId=${facilityId}`)).status, 403);
    assert.equal((await psychologist.get('/api/v1/assessments/due')).status, 400);
    assert.equal((await psychologist.get(`/api/v1/assessments/due?facilityId=${facilityId}&withinDays=999`)).status, 400);
    const elsewhere = await factories(t).facility('RA2');
    assert.equal((await psychologist.get(`/api/v1/assessments/due?facilityId=${elsewhere.id}`)).status, 404);
    const list = await due();
    assert.equal(list.today, '2028-08-01');
    assert.deepEqual(list.items, [], 'nobody assessed, nothing triggered: nobody is due yet');
  });

  test('a category review makes a reassessment due; a first decision does not; a delivery twice writes once', async () => {
    await happen({ type: 'classification.decided', entityId: randomUUID(), facilityId, payload: { decisionId: randomUUID(), prisonerId: man.id, scheme: 'tj', level: 'high', review: false } });
    assert.deepEqual(await reasonsOf(man), []);
    await happen({ type: 'classification.decided', entityId: randomUUID(), facilityId, payload: { decisionId: randomUUID(), prisonerId: man.id, scheme: 'tj', level: 'high', review: true } });
    const entry = (await due()).items.find((i) => i.prisoner.id === man.id)!;
    assert.deepEqual(entry.reasons.map((r) => r.code), ['category-review', 'release'], 'with release planning, as he is now on the list');
    assert.equal(entry.overdue, true, 'due from the day of the event, before the clock\'s today');
    assert.equal(entry.prisoner.prisonNumber, man.prisonNumber);

    // The platform delivers once; the trigger is idempotent besides (one per event and prisoner).
    const event = await t.db.selectFrom('domain_events').selectAll().where('type', '=', 'classification.decided').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    await t.db.transaction().execute((trx) =>
      t.services.reassessment.recordTriggers({ id: event.id, seq: String(event.seq), type: 'classification.decided', entityType: 'classification', entityId: event.entity_id, facilityId, occurredAt: new Date().toISOString(), payload: event.payload as never }, trx),
    );
    const rows = await t.db.selectFrom('reassessment_triggers').selectAll().where('prisoner_id', '=', man.id).execute();
    assert.equal(rows.length, 1);
  });

  test('a graded intelligence report names prisoners; only a serious incident triggers; release planning shows with a file\'s earliest release date', async () => {
    await happen({ type: 'intelligence.report-graded', entityId: randomUUID(), facilityId, payload: { reportId: randomUUID(), prisonerIds: [woman.id, man.id], grade: 'B2' } });
    await happen({ type: 'incident.recorded', entityId: randomUUID(), facilityId, payload: { incidentId: randomUUID(), prisonerIds: [bystander.id], type: 'fight', serious: false } });
    assert.deepEqual(await reasonsOf(bystander), [], 'a minor incident does not');
    await happen({ type: 'incident.recorded', entityId: randomUUID(), facilityId, payload: { incidentId: randomUUID(), prisonerIds: [bystander.id, woman.id], type: 'assault', serious: true } });
    assert.deepEqual(await reasonsOf(bystander), ['incident'], 'untried: no release date, so no release planning');
    assert.deepEqual(await reasonsOf(woman), ['incident', 'intelligence', 'release']);
    const release = (await due()).items.find((i) => i.prisoner.id === woman.id)!.reasons.find((r) => r.code === 'release')!;
    assert.equal(release.dueOn, releaseReviewOn(woman.releaseDates.earliest!));
    const audit = await t.db.selectFrom('audit_events').select('entity_id').where('action', '=', 'assessment.reassessment-triggered').execute();
    assert.equal(audit.length, 5, 'one audit event per trigger written');
  });

  test('an approved assessment of the prisoner satisfies their open triggers and release planning', async () => {
    const assessors = await psychologist.get(`/api/v1/prisoners/${man.id}/assessors`);
    assert.equal(assessors.status, 200, JSON.stringify(assessors.body));
    assert.deepEqual((assessors.body.items as { id: string }[]).map((a) => a.id), [psychologistId], 'the governor does not assess');
    assert.equal((await governor.get(`/api/v1/prisoners/${man.id}/assessors`)).status, 403);

    const needs = ((await psychologist.get('/api/v1/assessment-instruments')).body.items as { code: string; definition: InstrumentDefinition }[]).find((i) => i.code === 'needs-screening')!.definition;
    let a = (await psychologist.post(`/api/v1/prisoners/${man.id}/assessments`, { instrumentCode: 'needs-screening', assessorId: psychologistId })).body as Assessment;
    const ratings = Object.fromEntries(needs.items.filter((i) => !i.womenOnly).map((i) => [i.code, { level: i.scale.levels[0]!.code, evidence: 'Interview', source: 'File' }]));
    a = (await psychologist.put(`/api/v1/assessments/${a.id}`, { version: a.version, ratings, formulation: 'Stable', judgement: 'low' })).body;
    a = (await psychologist.post(`/api/v1/assessments/${a.id}/submit`, { version: a.version })).body;
    const approved = await governor.post(`/api/v1/assessments/${a.id}/approve`, { version: a.version });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));

    assert.deepEqual(await reasonsOf(man), [], 'the review is answered; the next interval is a year away');
    const rows = await t.db.selectFrom('reassessment_triggers').select('satisfied_by').where('prisoner_id', '=', man.id).execute();
    assert.ok(rows.length === 2 && rows.every((r) => r.satisfied_by === a.id));
    assert.deepEqual(await reasonsOf(woman), ['incident', 'intelligence', 'release'], "another prisoner's triggers stay open");
    const wide = await psychologist.get(`/api/v1/assessments/due?facilityId=${facilityId}&withinDays=366`);
    assert.deepEqual(wide.body.items.find((i: DueAssessment) => i.prisoner.id === man.id).reasons, [{ code: 'interval', dueOn: '2029-08-01', instrumentCode: 'needs-screening' }]);
    assert.ok(Number((await t.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).where('action', '=', 'assessment.due-viewed').executeTakeFirstOrThrow()).n) > 0, 'the due list read is audited');
  });
});
