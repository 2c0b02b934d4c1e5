import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { PrisonerFile } from '@vigil/contracts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { admitPrisoner } from '../../testing/prisoner-fixtures.ts';
import { factories, type Factories } from '../../testing/factories.ts';
import { addDays, localDay } from '../../platform/time/calendar.ts';

/** Dates that cannot be right for their field are refused over HTTP, with a code a form can show. */
describe(`impossible dates in a prisoner file (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let factory: Factories;
  let senior: Client;
  let officer: Client;
  let facilityId: string;
  before(async () => {
    t = await startTestApp();
    factory = factories(t);
    facilityId = (await factory.facility('DAT-A')).id;
    senior = await t.signedIn(['senior_officer'], { facilityIds: [facilityId] });
    officer = await t.signedIn(['officer'], { facilityIds: [facilityId] });
  });
  after(() => t.close());

  // The facility's tomorrow (Asia/Dushanbe), not UTC's: from 19:00 UTC they differ.
  const tomorrow = () => addDays(localDay(new Date(), 'Asia/Dushanbe'), 1);

  async function correct(change: (file: PrisonerFile) => PrisonerFile) {
    const p = await admitPrisoner(t, facilityId);
    return senior.put(`/api/v1/prisoners/${p.id}`, { file: change(p.file), reason: 'correction', version: p.version });
  }
  const withBirth = (dateOfBirth: string) => (f: PrisonerFile) => ({ ...f, identity: { ...f.identity, dateOfBirth } });
  const withSentenceStart = (startDate: string) => (f: PrisonerFile) => ({ ...f, legal: { ...f.legal, sentences: f.legal.sentences.map((s) => ({ ...s, startDate })) } });

  test('a date of birth before 1900 is refused (400, date-before-1900)', async () => {
    const r = await correct(withBirth('1899-12-31'));
    assert.equal(r.status, 400, JSON.stringify(r.body));
    assert.equal(r.body.code, 'validation');
    assert.deepEqual(r.body.errors, [{ path: 'body.file.identity.dateOfBirth', message: 'date-before-1900' }]);
    const earliest = await correct(withBirth('1900-01-01'));
    assert.equal(earliest.status, 200, JSON.stringify(earliest.body));
  });

  test('a date of birth in the future is refused (422, birth-in-future)', async () => {
    const r = await correct(withBirth(tomorrow()));
    assert.equal(r.status, 422);
    assert.equal(r.body.code, 'birth-in-future');
  });

  test('a sentence before birth, or before 1900, is refused', async () => {
    const early = await correct((f) => withSentenceStart('1985-01-01')(withBirth('1990-04-12')(f)));
    assert.equal(early.status, 422);
    assert.equal(early.body.code, 'sentence-before-birth');
    assert.deepEqual(early.body.errors, [{ path: 'file.legal.sentences.0.startDate', message: 'sentence-before-birth' }]);
    const ancient = await correct(withSentenceStart('1812-06-24'));
    assert.equal(ancient.status, 400);
    assert.deepEqual(ancient.body.errors, [{ path: 'body.file.legal.sentences.0.startDate', message: 'date-before-1900' }]);
  });

  test('reception refuses a date before 1900 too (an expected arrival)', async () => {
    const r = await officer.post(`/api/v1/facilities/${facilityId}/intakes`, { familyName: 'Саидов', givenName: 'Умед', dateOfBirth: '0199-03-01', expectedOn: '2026-11-23' });
    assert.equal(r.status, 400);
    assert.deepEqual(r.body.errors, [{ path: 'body.dateOfBirth', message: 'date-before-1900' }]);
  });
});
