import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { admitPrisoner, prisonerFile } from '../../testing/prisoner-fixtures.ts';
import { factories, type Factories } from '../../testing/factories.ts';

// A small PNG (3×4) that really decodes: photographs are decoded and re-encoded on upload.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAMAAAAECAIAAADETxJQAAAAEElEQVR42mOQs6mAIAa8LADA0AnZjO0h/gAAAABJRU5ErkJggg==', 'base64');

describe(`prisoner file over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let factory: Factories;
  let officer: Client;
  let senior: Client;
  let auditor: Client;
  let facilityA: string;
  let facilityB: string;

  before(async () => {
    t = await startTestApp();
    factory = factories(t);
    facilityA = (await factory.facility('PRI-A')).id;
    facilityB = (await factory.facility('PRI-B')).id;
    officer = await t.signedIn(['officer'], { facilityIds: [facilityA] });
    senior = await t.signedIn(['senior_officer'], { facilityIds: [facilityA] });
    auditor = await t.signedIn(['auditor'], { facilityIds: [facilityA] });
  });
  after(() => t.close());

  test('search finds a person by any spelling and by number, inside the actor\'s facilities only', async () => {
    const p = await admitPrisoner(t, facilityA, { familyName: 'Муҳаммадов', givenName: 'Ҷамшед', prisonNumber: 'A-7001' });
    await admitPrisoner(t, facilityB, { familyName: 'Муҳаммадов', givenName: 'Ҷамшед', prisonNumber: 'B-7001' });
    for (const q of ['Мухаммадов', 'Mukhammadov Dzhamshed', 'Jamshed Muhammadov', 'a-7001', 'A7001']) {
      const r = await officer.get(`/api/v1/prisoners?q=${encodeURIComponent(q)}`);
      assert.equal(r.status, 200);
      assert.deepEqual(r.body.items.map((i: { prisonNumber: string }) => i.prisonNumber), ['A-7001'], `query ${q}`);
    }
    const list = await officer.get('/api/v1/prisoners');
    assert.ok(list.body.items.some((i: { id: string }) => i.id === p.id));
    assert.ok(!list.body.items.some((i: { facilityId: string }) => i.facilityId === facilityB));
  });

  test('opening a file is audited and visible to auditors; another facility gets 404', async () => {
    const p = await admitPrisoner(t, facilityA);
    const r = await officer.get(`/api/v1/prisoners/${p.id}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.file.identity.familyName, 'Раҳимов');
    const other = await t.signedIn(['officer'], { facilityIds: [facilityB] });
    assert.equal((await other.get(`/api/v1/prisoners/${p.id}`)).status, 404);
    const views = await auditor.get(`/api/v1/prisoners/${p.id}/views`);
    assert.equal(views.status, 200);
    assert.ok(views.body.items.length >= 1);
    assert.equal((await officer.get(`/api/v1/prisoners/${p.id}/views`)).status, 403);
  });

  test('a correction makes a new version with reason and author; a stale version conflicts', async () => {
    const p = await admitPrisoner(t, facilityA);
    const file = prisonerFile({ givenName: 'Фарход' });
    assert.equal((await officer.put(`/api/v1/prisoners/${p.id}`, { file, reason: 'spelling', version: 1 })).status, 403);
    const r = await senior.put(`/api/v1/prisoners/${p.id}`, { file, reason: 'Name misspelt at reception', version: 1 });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.givenName, 'Фарход');
    assert.equal(r.body.version, 2);
    const stale = await senior.put(`/api/v1/prisoners/${p.id}`, { file, reason: 'again', version: 1 });
    assert.equal(stale.status, 409);
    const versions = await senior.get(`/api/v1/prisoners/${p.id}/versions`);
    assert.deepEqual(versions.body.items.map((v: { version: number; reason: string }) => [v.version, v.reason]), [[2, 'Name misspelt at reception'], [1, 'test admission']]);
    assert.equal(versions.body.items[1].file.identity.givenName, 'Фаррух', 'the old version is kept as it was');
    // The new spelling is searchable at once.
    assert.ok((await officer.get(`/api/v1/prisoners?q=${encodeURIComponent('Farkhod Rakhimov')}`)).body.items.some((i: { id: string }) => i.id === p.id));
  });

  test('impossible dates are refused and nothing changes', async () => {
    const p = await admitPrisoner(t, facilityA);
    const file = prisonerFile({ dateOfBirth: '2095-05-05' });
    const r = await senior.put(`/api/v1/prisoners/${p.id}`, { file, reason: 'typo', version: 1 });
    assert.equal(r.status, 422);
    assert.equal(r.body.code, 'birth-in-future');
    assert.equal((await senior.get(`/api/v1/prisoners/${p.id}`)).body.version, 1);
  });

  test('a photograph is stored by content hash; anything but JPEG or PNG is refused', async () => {
    const p = await admitPrisoner(t, facilityA);
    const bad = await officer.request('PUT', `/api/v1/prisoners/${p.id}/photo`, 'GIF89a....', { 'content-type': 'image/png' });
    assert.equal(bad.status, 415);
    const res = await fetch(`${officer.base}/api/v1/prisoners/${p.id}/photo`, { method: 'PUT', headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': 'image/png' }, body: PNG });
    assert.equal(res.status, 200);
    assert.equal((await res.json()).hasPhoto, true);
    const img = await fetch(`${officer.base}/api/v1/prisoners/${p.id}/photo`, { headers: { cookie: officer.cookie } });
    assert.equal(img.headers.get('content-type'), 'image/png');
    // Re-encoded on the way in (photo.int.test.ts): the same picture, not the same bytes.
    assert.deepEqual(Buffer.from(await img.arrayBuffer()).subarray(0, 8), PNG.subarray(0, 8));
  });
});
