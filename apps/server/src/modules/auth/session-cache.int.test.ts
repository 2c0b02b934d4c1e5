// Sessions are looked up from memory between writes (auth.service, SESSION_CACHE_MS). These tests
// warm that copy first, then change what it holds through the API, and expect the very next
// request to see the change: nothing may outlive a sign-out, a deactivation or a lost permission.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { factories, type Factories } from '../../testing/factories.ts';

describe(`sessions from memory end with the write that ends them (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let factory: Factories;
  let admin: Client;
  let facilityA: string;
  let facilityB: string;

  /** A signed-in user whose session has just been used (so it is in memory). */
  async function warmUser(roles: Parameters<TestApp['createUser']>[0]['roles'], facilityIds: string[]) {
    const user = await t.createUser({ roles, facilityIds });
    const client = t.client();
    await client.signIn(user);
    assert.equal((await client.get('/api/v1/auth/session')).status, 200);
    assert.equal((await client.get('/api/v1/auth/session')).status, 200);
    return { user, client };
  }

  async function editUser(id: string, change: Record<string, unknown>) {
    const { body: u } = await admin.get(`/api/v1/users/${id}`);
    const body = { staffNumber: u.staffNumber, familyName: u.familyName, givenName: u.givenName, patronymic: u.patronymic, familyNameLatin: u.familyNameLatin, givenNameLatin: u.givenNameLatin, language: u.language, roles: u.roles, allFacilities: u.allFacilities, facilityIds: u.facilityIds, version: u.version, ...change };
    const res = await admin.put(`/api/v1/users/${id}`, body);
    assert.equal(res.status, 200, JSON.stringify(res.body));
  }

  before(async () => {
    t = await startTestApp();
    factory = factories(t);
    facilityA = (await factory.facility('SC-A')).id;
    facilityB = (await factory.facility('SC-B')).id;
    admin = await t.signedIn(['sysadmin'], { allFacilities: true });
  });
  after(() => t.close());

  test('deactivation by an administrator', async () => {
    const { user, client } = await warmUser(['officer'], [facilityA]);
    const { body: u } = await admin.get(`/api/v1/users/${user.id}`);
    assert.equal((await admin.post(`/api/v1/users/${user.id}/deactivate`, { reason: 'left the service', version: u.version })).status, 200);
    assert.equal((await client.get('/api/v1/auth/session')).status, 401);
  });

  test('sign-out everywhere from another device', async () => {
    const { user, client } = await warmUser(['officer'], [facilityA]);
    const other = t.client();
    await other.signIn(user);
    assert.equal((await other.post('/api/v1/auth/sign-out-everywhere', {})).status, 200);
    assert.equal((await client.get('/api/v1/auth/session')).status, 401);
  });

  test('a role taken away: its permission goes with it', async () => {
    const { user, client } = await warmUser(['security_manager'], [facilityA]);
    assert.equal((await client.get('/api/v1/alert-types/configuration')).status, 200);
    await editUser(user.id, { roles: ['officer'] });
    assert.equal((await client.get('/api/v1/alert-types/configuration')).status, 403);
  });

  test('a facility taken away: its places are out of sight', async () => {
    const { user, client } = await warmUser(['officer'], [facilityA, facilityB]);
    assert.equal((await client.get(`/api/v1/facilities/${facilityB}/locations`)).status, 200);
    await editUser(user.id, { facilityIds: [facilityA] });
    assert.equal((await client.get(`/api/v1/facilities/${facilityB}/locations`)).status, 404);
    assert.equal((await client.get(`/api/v1/facilities/${facilityA}/locations`)).status, 200);
  });

  test('a password reset by an administrator ends every session of the user', async () => {
    const { user, client } = await warmUser(['officer'], [facilityA]);
    assert.equal((await admin.post(`/api/v1/users/${user.id}/reset-password`, { temporaryPassword: 'a new temporary password' })).status, 200);
    assert.equal((await client.get('/api/v1/auth/session')).status, 401);
  });

  test('a session expired in the database is not kept alive by its copy', async () => {
    const { client } = await warmUser(['officer'], [facilityA]);
    await t.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000) }).where('revoked_at', 'is', null).execute();
    assert.equal((await client.get('/api/v1/auth/session')).status, 401);
  });
});
