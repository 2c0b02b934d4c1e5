import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Prisoner, PrisonerAlert } from '@vigil/contracts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { factories } from '../../testing/factories.ts';
import { prisonerFile } from '../../testing/prisoner-fixtures.ts';
import { systemContext } from '../access/actor.ts';
import { fixedClock } from './clock.ts';

// 21:00 UTC on 9 March is 02:00 on 10 March in Dushanbe (UTC+5): UTC and the facility disagree on the day.
const NOW = '2026-03-09T21:00:00Z';

describe(`facility-local days over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let staff: Client;
  let facilityId: string;
  const system = systemContext('test');

  /** Admits through the service, with a file the test shapes (a sentence ending on a given day). */
  const admit = (file: ReturnType<typeof prisonerFile>, prisonNumber: string): Promise<Prisoner> =>
    t.db.transaction().execute((trx) => t.services.prisoners.admit(trx, system, { facilityId, prisonNumber, file, admittedAt: new Date('2026-01-05T08:00:00Z'), reason: 'test admission' }));

  before(async () => {
    t = await startTestApp({}, { clock: fixedClock(NOW) });
    facilityId = (await factories(t).facility('TZ-DYU', { timeZone: 'Asia/Dushanbe' })).id;
    staff = await t.signedIn(['senior_officer'], { facilityIds: [facilityId] });
  });
  after(() => t.close());

  test('an alert whose last day is 9 March has expired at 02:00 on 10 March in Dushanbe', async () => {
    const p = await admit(prisonerFile(), 'TZ-1');
    const raised = await staff.post(`/api/v1/prisoners/${p.id}/alerts`, { code: 'self-harm', startsOn: '2026-03-01', endsOn: '2026-03-09' });
    assert.equal(raised.status, 201, JSON.stringify(raised.body));
    // By the UTC day (9 March) it would still be active.
    assert.equal((raised.body as PrisonerAlert).status, 'expired');
    const list = await staff.get(`/api/v1/prisoners/${p.id}/alerts`);
    assert.deepEqual((list.body.items as PrisonerAlert[]).map((a) => a.status), ['expired']);
  });

  test('an alert starting on 10 March is already in force in Dushanbe', async () => {
    const p = await admit(prisonerFile(), 'TZ-2');
    const raised = await staff.post(`/api/v1/prisoners/${p.id}/alerts`, { code: 'self-harm', startsOn: '2026-03-10' });
    assert.equal((raised.body as PrisonerAlert).status, 'active');
  });

  test('an eighteenth birthday on 10 March has come in Dushanbe: a young adult, not a child (Rule 11(d))', async () => {
    const p = await admit(prisonerFile({ dateOfBirth: '2008-03-10', legalStatus: 'untried' }), 'TZ-3');
    assert.equal(p.separation.ageGroup, 'young-adult');
    assert.equal((await staff.get(`/api/v1/prisoners/${p.id}`)).body.separation.ageGroup, 'young-adult');
  });

  test('a release date of 10 March is due at 02:00 local time', async () => {
    const file = prisonerFile();
    file.legal.sentences = [{ ...file.legal.sentences[0]!, startDate: '2025-03-10', years: 1, months: 0, days: 0 }];
    const p = await admit(file, 'TZ-4');
    const check = await staff.get(`/api/v1/prisoners/${p.id}/release-check`);
    assert.equal(check.status, 200, JSON.stringify(check.body));
    assert.equal(check.body.dueDate, '2026-03-10');
    assert.equal(check.body.due, true);
  });
});
