import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { CaseloadStatistics, FacilityCaseload, Prisoner } from '@vigil/contracts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { factories } from '../../testing/factories.ts';
import { publish } from '../../platform/events/outbox.ts';
import { localDay } from '../../platform/time/calendar.ts';

describe(`the risk-and-needs caseload over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let f: ReturnType<typeof factories>;
  let governor: Client;
  let hq: Client;
  let officer: Client;
  let security: Client;
  let caseManager: Client;
  let facilityId: string;
  let otherId: string;
  let held: Prisoner[];
  const today = () => localDay(new Date(), 'Asia/Dushanbe');

  const caseload = async (client: Client, query = `?facilityId=${facilityId}`): Promise<FacilityCaseload> => {
    const r = await client.get(`/api/v1/statistics/caseload${query}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const body = r.body as CaseloadStatistics;
    assert.equal(body.facilities.length, 1);
    return body.facilities[0]!;
  };

  before(async () => {
    t = await startTestApp();
    f = factories(t);
    facilityId = (await f.facility('CL1')).id;
    otherId = (await f.facility('CL2')).id;
    const scope = { facilityIds: [facilityId] };
    governor = await f.signedIn(['governor'], scope);
    hq = await f.signedIn(['hq_analyst'], scope);
    officer = await f.signedIn(['officer'], scope);
    security = await f.signedIn(['security_manager'], scope);
    caseManager = await f.signedIn(['case_manager'], scope);
    held = [await f.prisoner(facilityId), await f.prisoner(facilityId), await f.prisoner(facilityId)];
  });
  after(() => t.close());

  test('401 signed out, 403 without statistics.read, 400 for a malformed facility, 404 for one out of reach', async () => {
    assert.equal((await t.client().get('/api/v1/statistics/caseload')).status, 401);
    assert.equal((await officer.get('/api/v1/statistics/caseload')).status, 403);
    assert.equal((await governor.get('/api/v1/statistics/caseload?facilityId=nope')).status, 400);
    assert.equal((await governor.get('/api/v1/statistics/caseload?unknown=1')).status, 400);
    assert.equal((await governor.get(`/api/v1/statistics/caseload?facilityId=${otherId}`)).status, 404);
    // Without a facility: only those in the reader's scope.
    const all = (await governor.get('/api/v1/statistics/caseload')).body as CaseloadStatistics;
    assert.deepEqual(all.facilities.map((x) => x.facilityCode), ['CL1']);
  });

  test('each number follows the record it counts, and an analyst without the caseworkers\' permissions reads the numbers', async () => {
    const before = await caseload(hq);
    assert.deepEqual(before.categories, [{ level: null, names: null, count: 3 }]);
    assert.deepEqual(before.plans, { active: 0, withoutReview: 0 });
    assert.deepEqual(before.assessments, { due: 0, overdue: 0 });
    assert.deepEqual(before.programmes, []);

    const decided = await security.post(`/api/v1/prisoners/${held[0]!.id}/classification/decisions`, {
      inputs: { escapeHistory: 'none', violenceInCustody: 'none', offenceTypes: [] },
      representations: { informed: true, heard: true, heardOn: today(), text: 'Asks to stay near his family.' },
      level: 'high',
      overrideReason: 'Threats to staff recorded last month',
    });
    assert.equal(decided.status, 201, JSON.stringify(decided.body));
    const plan = await caseManager.post(`/api/v1/prisoners/${held[1]!.id}/plans`, { nextReviewOn: '2099-01-01' });
    assert.equal(plan.status, 201, JSON.stringify(plan.body));
    const workshop = await f.programme(facilityId, { name: 'Wood workshop', capacity: 12 });
    // A serious incident (published as the incidents module will) makes its prisoner due today.
    await t.db.transaction().execute((trx) =>
      publish(trx, { type: 'incident.recorded', entityId: randomUUID(), facilityId, payload: { incidentId: randomUUID(), prisonerIds: [held[2]!.id], type: 'assault-on-staff', serious: true } }),
    );
    await t.services.events.catchUp();

    const after = await caseload(hq);
    const high = after.categories.find((c) => c.level === 'high');
    assert.equal(high?.count, 1);
    assert.equal(high?.names?.en, 'High');
    assert.equal(after.categories.find((c) => c.level === null)?.count, 2);
    assert.deepEqual(after.plans, { active: 1, withoutReview: 0 });
    assert.deepEqual(after.assessments, { due: 1, overdue: 0 });
    assert.deepEqual(
      after.programmes.map((p) => [p.programmeId, p.capacity, p.enrolled, p.attendanceRate]),
      [[workshop.id, 12, 0, null]],
    );
    // Numbers only: reading them records no one's file or list as viewed.
    const viewed = async () => Number((await t.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).where('action', 'like', '%-viewed').executeTakeFirstOrThrow()).n);
    const viewedBefore = await viewed();
    await caseload(hq);
    assert.equal(await viewed(), viewedBefore);
  });
});
