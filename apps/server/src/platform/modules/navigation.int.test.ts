import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { NavigationEntry } from '@vigil/contracts';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import { factories, type Factories } from '../../testing/factories.ts';

describe(`navigation over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let factory: Factories;
  let facilityId: string;
  const ids = (body: { entries: NavigationEntry[] }) => body.entries.map((e) => e.id);

  before(async () => {
    t = await startTestApp();
    factory = factories(t);
    facilityId = (await factory.facility('NAV-1')).id;
  });
  after(() => t.close());

  test('refused without a session', async () => {
    assert.equal((await t.client().get('/api/v1/navigation')).status, 401);
  });

  test('an officer gets the wing screens, not users, audit or the alert-type configuration', async () => {
    const officer = await factory.signedIn(['officer'], { facilityIds: [facilityId] });
    const r = await officer.get('/api/v1/navigation');
    assert.equal(r.status, 200);
    // Security operations on the wing too: movements, incidents, reporting force, observation checks, searches and the regime.
    assert.deepEqual(ids(r.body), ['facilities', 'home', 'prisoners', 'reception', 'movement-control', 'programmes', 'key-work', 'incidents', 'force-report-new', 'observations', 'searches', 'search-schedule', 'finds-map', 'regime', 'regime-monitor']);
    for (const hidden of ['users', 'audit', 'alert-types', 'imports']) assert.ok(!ids(r.body).includes(hidden), hidden);
  });

  test('a system administrator gets the administration entries', async () => {
    const admin = await factory.signedIn(['sysadmin'], { allFacilities: true });
    const r = await admin.get('/api/v1/navigation');
    assert.equal(r.status, 200);
    assert.ok(['users', 'audit', 'alert-types'].every((id) => ids(r.body).includes(id)), ids(r.body).join(' '));
    const users = r.body.entries.find((e: NavigationEntry) => e.id === 'users');
    assert.deepEqual(users, { id: 'users', labelKey: 'nav.users', path: '/users', permission: 'users.read' });
  });
});
