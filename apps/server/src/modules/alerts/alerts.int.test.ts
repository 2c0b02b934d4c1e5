import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AlertType, Location, LocationAlert, LocationKind, Prisoner, PrisonerAlert } from '@vigil/contracts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { admitPrisoner } from '../../testing/prisoner-fixtures.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { addDays, localDay } from '../../platform/time/calendar.ts';
import { factories, type Factories } from '../../testing/factories.ts';

// The test facilities are in Dushanbe: alerts count its local days.
const day = (offset = 0) => addDays(localDay(new Date(), 'Asia/Dushanbe'), offset);

describe(`alerts over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let factory: Factories;
  let officer: Client;
  let officerB: Client;
  let intelManager: Client;
  let securityManager: Client;
  let facilityA: string;
  let facilityB: string;
  let wing1: Location;
  let wing2: Location;
  let cell1: Location;
  let cell2: Location;

  const raise = (client: Client, p: Prisoner, body: Record<string, unknown>) => client.post(`/api/v1/prisoners/${p.id}/alerts`, { startsOn: day(), ...body });
  const alertsOf = async (client: Client, p: Prisoner) => {
    const r = await client.get(`/api/v1/prisoners/${p.id}/alerts`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.items as PrisonerAlert[];
  };
  /** Puts a prisoner in a cell through the allocation API, as an officer would. */
  async function house(p: Prisoner, cell: Location) {
    const r = await officer.post(`/api/v1/prisoners/${p.id}/allocate`, { locationId: cell.id, reason: 'arrival', version: p.version });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  }

  before(async () => {
    t = await startTestApp();
    factory = factories(t);
    facilityA = (await factory.facility('ALR-A')).id;
    facilityB = (await factory.facility('ALR-B')).id;
    const make = (parentId: string | null, kind: LocationKind, code: string, isCell = false) =>
      factory.place(facilityA, kind, parentId, { code, ...(isCell && { baselineCapacity: 4 }) });
    const building = await make(null, 'building', 'A');
    wing1 = await make(building.id, 'wing', '1');
    wing2 = await make(building.id, 'wing', '2');
    cell1 = await make((await make(wing1.id, 'landing', '1')).id, 'cell', '01', true);
    cell2 = await make((await make(wing2.id, 'landing', '1')).id, 'cell', '01', true);
    officer = await t.signedIn(['officer'], { facilityIds: [facilityA] });
    officerB = await t.signedIn(['officer'], { facilityIds: [facilityB] });
    intelManager = await t.signedIn(['intelligence_manager'], { facilityIds: [facilityA] });
    securityManager = await t.signedIn(['security_manager'], { facilityIds: [facilityA] });
  });
  after(() => t.close());

  test('alert codes: names in three languages; restricted codes only for the roles listed', async () => {
    assert.equal((await t.client().get('/api/v1/alert-types')).status, 401);
    const forOfficer = (await officer.get('/api/v1/alert-types')).body.items as AlertType[];
    const codes = forOfficer.map((a) => a.code);
    for (const c of ['violent-extremist', 'escape-risk', 'self-harm', 'keep-apart', 'no-cell-share', 'medical', 'vulnerable', 'assaults-staff']) assert.ok(codes.includes(c), c);
    assert.ok(!codes.includes('intelligence-interest'));
    const keepApart = forOfficer.find((a) => a.code === 'keep-apart')!;
    assert.deepEqual(keepApart.names, { en: 'Keep apart from', ru: 'Содержать раздельно с', tg: 'Аз ҳам ҷудо нигоҳ доштан' });
    assert.equal(keepApart.needsRelatedPrisoner, true);
    assert.equal(forOfficer.find((a) => a.code === 'no-cell-share')!.blocksCellSharing, true);
    const forIntel = (await intelManager.get('/api/v1/alert-types')).body.items as AlertType[];
    assert.ok(forIntel.some((a) => a.code === 'intelligence-interest'));
  });

  test('configuring codes needs alerts.configure: add, rename, restrict, deactivate (audited); an edit from an old copy is a conflict', async () => {
    const body = { code: 'hunger-strike', names: { en: 'Hunger strike', ru: 'Голодовка', tg: 'Гуруснанишинӣ' }, source: 'Governor’s order 12/2026' };
    const flags = { needsRelatedPrisoner: false, blocksCellSharing: false, restrictedTo: [], active: true, source: 'Security committee, 3 Dec 2026' };
    const keepApartNames = { en: 'Keep apart', ru: 'Раздельно', tg: 'Ҷудо' };
    assert.equal((await officer.post('/api/v1/alert-types', body)).status, 403);
    const created = await securityManager.post('/api/v1/alert-types', body);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const { createdAt, effectiveFrom, author, ...definition } = created.body;
    assert.deepEqual(definition, { ...body, needsRelatedPrisoner: false, blocksCellSharing: false, restrictedTo: [], active: true, version: 1, status: 'in-force' });
    assert.match(author, /security-manager/);
    assert.ok(createdAt && effectiveFrom);
    assert.equal((await securityManager.post('/api/v1/alert-types', body)).body.code, 'duplicate-code');
    assert.equal((await securityManager.post('/api/v1/alert-types', { ...body, code: 'Bad Code' })).status, 400);

    const p = await admitPrisoner(t, facilityA);
    assert.equal((await raise(officer, p, { code: 'hunger-strike' })).status, 201);

    const restricted = await securityManager.put('/api/v1/alert-types/hunger-strike', { ...flags, names: { ...body.names, en: 'Hunger strike (medical)' }, restrictedTo: ['governor', 'security_manager'], version: 1 });
    assert.equal(restricted.status, 200, JSON.stringify(restricted.body));
    assert.equal(restricted.body.names.en, 'Hunger strike (medical)');
    assert.equal(restricted.body.version, 2);
    // A second manager saving from the copy they opened before: refused, the first change stands.
    const stale = await securityManager.put('/api/v1/alert-types/hunger-strike', { ...flags, names: body.names, version: 1 });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.code, 'edit-conflict');
    assert.deepEqual((await t.db.selectFrom('alert_types').select(['name_en', 'restricted_to', 'version']).where('code', '=', 'hunger-strike').executeTakeFirstOrThrow()), { name_en: 'Hunger strike (medical)', restricted_to: ['governor', 'security_manager'], version: 2 });
    // The officer no longer sees the code, nor the alert already raised with it, nor may raise it.
    assert.ok(!(await officer.get('/api/v1/alert-types')).body.items.some((a: AlertType) => a.code === 'hunger-strike'));
    assert.ok(!(await alertsOf(officer, p)).some((a) => a.code === 'hunger-strike'));
    assert.equal((await raise(officer, p, { code: 'hunger-strike' })).status, 403);
    assert.ok((await alertsOf(securityManager, p)).some((a) => a.code === 'hunger-strike'));

    const off = await securityManager.put('/api/v1/alert-types/hunger-strike', { ...flags, names: body.names, active: false, version: 2 });
    assert.equal(off.status, 200);
    const refused = await raise(officer, p, { code: 'hunger-strike' });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.code, 'alert-type-unknown');
    // Inactive codes still name the history.
    assert.equal((await officer.get('/api/v1/alert-types')).body.items.find((a: AlertType) => a.code === 'hunger-strike').active, false);
    assert.equal((await securityManager.put('/api/v1/alert-types/no-such-code', { ...flags, names: body.names, version: 1 })).status, 404);
    // Every field is sent: a partial definition is refused rather than reset to defaults.
    assert.equal((await securityManager.put('/api/v1/alert-types/keep-apart', { names: keepApartNames })).status, 400);
    const config = await securityManager.get('/api/v1/alert-types/configuration');
    assert.equal(config.status, 200);
    assert.ok(config.body.items.some((a: AlertType) => a.code === 'intelligence-interest'));
    assert.equal((await officer.get('/api/v1/alert-types/configuration')).status, 403);
    const events = await t.db.selectFrom('audit_events').select('action').where('entity_id', '=', 'hunger-strike').execute();
    assert.deepEqual(events.map((e) => e.action), ['alert-type.created', 'alert-type.updated', 'alert-type.updated']);
  });

  test('a code is a catalogue entry: each change a new version with its source, never an edit of one in use', async () => {
    const names = { en: 'Food refusal', ru: 'Отказ от пищи', tg: 'Аз хӯрок даст кашидан' };
    const flags = { needsRelatedPrisoner: false, blocksCellSharing: false, restrictedTo: [], active: true };
    assert.equal((await securityManager.post('/api/v1/alert-types', { code: 'food-refusal', names, ...flags })).status, 400, 'a change states its source');
    assert.equal((await securityManager.post('/api/v1/alert-types', { code: 'food-refusal', names, ...flags, source: 'SOP 4', effectiveFrom: '2020-01-01' })).body.code, 'catalogue-effective-date');
    assert.equal((await securityManager.post('/api/v1/alert-types', { code: 'food-refusal', names, ...flags, source: 'SOP 4' })).status, 201);
    const p = await admitPrisoner(t, facilityA);
    const raised = await raise(officer, p, { code: 'food-refusal' });
    assert.equal(raised.status, 201);

    // A change from next year is scheduled: today's readers still see version 1.
    const next = await securityManager.put('/api/v1/alert-types/food-refusal', { ...flags, names: { ...names, en: 'Refusing food' }, source: 'SOP 4, revision 2', effectiveFrom: '2099-01-01', version: 1 });
    assert.equal(next.status, 200, JSON.stringify(next.body));
    assert.deepEqual([next.body.version, next.body.status], [2, 'scheduled']);
    assert.equal((await officer.get('/api/v1/alert-types')).body.items.find((a: AlertType) => a.code === 'food-refusal').names.en, 'Food refusal');
    assert.equal((await securityManager.get('/api/v1/alert-types/configuration')).body.items.find((a: AlertType) => a.code === 'food-refusal').version, 2);
    // Nor can a later change take effect before the one it follows.
    const early = await securityManager.put('/api/v1/alert-types/food-refusal', { ...flags, names, source: 'x', version: 2 });
    assert.equal(early.body.code, 'catalogue-effective-date');

    const history = await securityManager.get('/api/v1/alert-types/food-refusal/versions');
    assert.equal(history.status, 200);
    assert.deepEqual(
      history.body.items.map((v: { version: number; status: string; usedBy: number; source: string }) => [v.version, v.status, v.usedBy, v.source]),
      [
        [1, 'in-force', 1, 'SOP 4'],
        [2, 'scheduled', 0, 'SOP 4, revision 2'],
      ],
    );
    assert.equal((await officer.get('/api/v1/alert-types/food-refusal/versions')).status, 403);
    assert.equal((await securityManager.get('/api/v1/alert-types/no-such-code/versions')).status, 404);
    // The alert keeps the version it was raised under; the database refuses to edit a version.
    const alert = await t.db.selectFrom('prisoner_alerts').select('type_entry_id').where('id', '=', raised.body.id).executeTakeFirstOrThrow();
    const v1 = await t.db.selectFrom('catalogue_entries').select(['id', 'version']).where('code', '=', 'food-refusal').where('version', '=', 1).executeTakeFirstOrThrow();
    assert.equal(alert.type_entry_id, v1.id);
    await assert.rejects(t.db.updateTable('catalogue_entries').set({ source: 'rewritten' }).where('id', '=', v1.id).execute(), /never edited/);
  });

  test('raising: the link, the dates and the scope are checked', async () => {
    const p = await admitPrisoner(t, facilityA);
    const q = await admitPrisoner(t, facilityA);
    const elsewhere = await admitPrisoner(t, facilityB);
    const expect = async (body: Record<string, unknown>, status: number, code: string) => {
      const r = await raise(officer, p, body);
      assert.equal(r.status, status, JSON.stringify(r.body));
      assert.equal(r.body.code, code);
    };
    await expect({ code: 'keep-apart' }, 422, 'alert-related-required');
    await expect({ code: 'keep-apart', relatedPrisonerId: p.id }, 422, 'alert-related-not-allowed');
    await expect({ code: 'escape-risk', relatedPrisonerId: q.id }, 422, 'alert-related-not-allowed');
    await expect({ code: 'keep-apart', relatedPrisonerId: elsewhere.id }, 404, 'not-found');
    await expect({ code: 'escape-risk', startsOn: day(), endsOn: day(-1) }, 422, 'alert-dates');
    await expect({ code: 'escape-risk', startsOn: '2025-02-30' }, 400, 'validation');
    await expect({ code: 'no-such-code' }, 422, 'alert-type-unknown');
    await expect({ code: 'intelligence-interest' }, 403, 'forbidden');
    assert.equal((await raise(officerB, p, { code: 'escape-risk' })).status, 404);
    const intelAnalyst = await t.signedIn(['intelligence_analyst'], { facilityIds: [facilityA] });
    assert.equal((await raise(intelAnalyst, p, { code: 'escape-risk' })).status, 403);
    assert.equal(await t.db.selectFrom('prisoner_alerts').select('id').where('prisoner_id', '=', p.id).executeTakeFirst(), undefined);

    const r = await raise(officer, p, { code: 'keep-apart', relatedPrisonerId: q.id, comment: 'Свидетель по делу', endsOn: day(30) });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const alert = r.body as PrisonerAlert;
    assert.equal(alert.status, 'active');
    assert.deepEqual(alert.relatedPrisoner, { id: q.id, visible: true, prisonNumber: q.prisonNumber, familyName: q.familyName, givenName: q.givenName });
    assert.equal(alert.raisedBy.length > 0, true);
    const events = await t.db.selectFrom('audit_events').select(['action', 'after']).where('entity_id', '=', p.id).where('action', '=', 'alert.raised').execute();
    assert.equal(events.length, 1);
    assert.equal((events[0]!.after as any).id, alert.id);
  });

  test('ending: with a reason and the version seen; the history keeps who raised and ended it', async () => {
    const p = await admitPrisoner(t, facilityA);
    const raised = (await raise(officer, p, { code: 'self-harm', comment: 'ACCT opened' })).body as PrisonerAlert;
    const upcoming = (await raise(officer, p, { code: 'medical', startsOn: day(5) })).body as PrisonerAlert;
    assert.equal(upcoming.status, 'upcoming');
    const stale = await officer.post(`/api/v1/alerts/${raised.id}/end`, { reason: 'reviewed', version: raised.version + 1 });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.code, 'edit-conflict');
    assert.equal((await officerB.post(`/api/v1/alerts/${raised.id}/end`, { reason: 'x', version: 1 })).status, 404);
    const ended = await officer.post(`/api/v1/alerts/${raised.id}/end`, { reason: 'risk reviewed and closed', version: raised.version });
    assert.equal(ended.status, 200, JSON.stringify(ended.body));
    assert.equal(ended.body.status, 'ended');
    assert.equal(ended.body.endsOn, day());
    assert.equal(ended.body.endReason, 'risk reviewed and closed');
    assert.ok(ended.body.endedBy);
    const again = await officer.post(`/api/v1/alerts/${raised.id}/end`, { reason: 'again', version: ended.body.version });
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'alert-already-ended');
    // An alert ended before it began keeps its start day and is not in force.
    const cancelled = await officer.post(`/api/v1/alerts/${upcoming.id}/end`, { reason: 'raised by mistake', version: upcoming.version });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    assert.equal(cancelled.body.endsOn, day(5));

    const list = await alertsOf(officer, p);
    assert.deepEqual(list.map((a) => [a.code, a.status]).sort(), [['medical', 'ended'], ['self-harm', 'ended']]);
    const current = (await raise(officer, p, { code: 'vulnerable' })).body as PrisonerAlert;
    assert.equal((await alertsOf(officer, p))[0]!.id, current.id, 'active alerts come before the history');
  });

  test('restricted codes: hidden from other roles, and reading them is audited', async () => {
    const p = await admitPrisoner(t, facilityA);
    const r = await raise(intelManager, p, { code: 'intelligence-interest', comment: 'recruiter' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal((await alertsOf(officer, p)).length, 0);
    assert.equal((await officer.post(`/api/v1/alerts/${r.body.id}/end`, { reason: 'x', version: 1 })).status, 404);
    const before = await t.db.selectFrom('audit_events').select('seq').where('entity_id', '=', p.id).where('action', '=', 'prisoner.restricted-alerts-viewed').execute();
    assert.equal(before.length, 0, 'an officer saw nothing restricted: nothing to audit');
    assert.equal((await alertsOf(intelManager, p)).length, 1);
    const after = await t.db.selectFrom('audit_events').select(['after', 'actor_roles']).where('entity_id', '=', p.id).where('action', '=', 'prisoner.restricted-alerts-viewed').execute();
    assert.equal(after.length, 1);
    assert.deepEqual((after[0]!.after as any).alertIds, [r.body.id]);
  });

  test('the bulk view per wing: alerts in force of everyone placed under it', async () => {
    const a = await admitPrisoner(t, facilityA, { familyName: 'Алиев' });
    const b = await admitPrisoner(t, facilityA, { familyName: 'Боев' });
    const c = await admitPrisoner(t, facilityA, { familyName: 'Валиев' });
    await house(a, cell1);
    await house(b, cell1);
    await house(c, cell2);
    const escape = (await raise(officer, a, { code: 'escape-risk' })).body as PrisonerAlert;
    const ended = (await raise(officer, b, { code: 'medical' })).body as PrisonerAlert;
    await officer.post(`/api/v1/alerts/${ended.id}/end`, { reason: 'recovered', version: ended.version });
    await raise(officer, b, { code: 'vulnerable', startsOn: day(3) });
    await raise(officer, c, { code: 'assaults-staff' });
    await raise(intelManager, a, { code: 'intelligence-interest' });

    const r = await officer.get(`/api/v1/locations/${wing1.id}/alerts`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const items = r.body.items as LocationAlert[];
    assert.deepEqual(items.map((i) => [i.prisoner.familyName, i.code]), [['Алиев', 'escape-risk']]);
    assert.equal(items[0]!.id, escape.id);
    assert.equal(items[0]!.prisoner.locationPath, cell1.path);
    // The landing and the cell give the same; the whole building gives both wings.
    assert.equal((await officer.get(`/api/v1/locations/${cell1.id}/alerts`)).body.items.length, 1);
    const building = (await officer.get(`/api/v1/locations/${wing1.parentId}/alerts`)).body.items as LocationAlert[];
    assert.deepEqual(building.map((i) => i.code).sort(), ['assaults-staff', 'escape-risk']);
    // Restricted codes appear only for their roles, and that read is audited.
    const forIntel = (await intelManager.get(`/api/v1/locations/${wing1.id}/alerts`)).body.items as LocationAlert[];
    assert.deepEqual(forIntel.map((i) => i.code).sort(), ['escape-risk', 'intelligence-interest']);
    const audited = await t.db.selectFrom('audit_events').select('action').where('entity_id', '=', wing1.id).where('action', '=', 'location.restricted-alerts-viewed').execute();
    assert.equal(audited.length, 1);
    assert.equal((await officerB.get(`/api/v1/locations/${wing1.id}/alerts`)).status, 404);
  });

  test('after all that, the audit chain still verifies', async () => {
    assert.ok((await verifyAuditChain(t.db)).ok);
  });
});
