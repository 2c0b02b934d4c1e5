import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Intake, IntakeData } from '@vigil/contracts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { factories, type Factories } from '../../testing/factories.ts';

const order = { kind: 'court-detention-order', issuedBy: 'Суди ноҳияи Сино', reference: '1-77/2026', issuedOn: '2026-01-10', validUntil: null };

const fullData = (identity: Record<string, unknown>): IntakeData => ({
  identity: { familyName: 'Муҳаммадиев', givenName: 'Ҷамшед', familyNameLatin: 'Muhammadiev', givenNameLatin: 'Jamshed', dateOfBirth: '1988-03-21', sex: 'male', aliases: [], documents: [{ kind: 'passport', number: 'A 0123456', issuedBy: null, country: 'TJ', expiresOn: null }], languages: ['tg', 'ru'], ...identity },
  legal: { status: 'untried', charges: [{ offence: 'Participation in an extremist organisation', article: '307.3', extremismRelated: true }] },
  admission: { visibleInjuries: 'Bruise on the left forearm', illTreatmentComplaint: null },
  securityCategory: 'high',
  property: [{ description: 'Wristwatch', quantity: 1, storage: 'stored', sealNumber: 'S-1' }, { description: 'Shirt', quantity: 2, storage: 'in-cell', sealNumber: null }],
  propertySignedOff: true,
  search: { searchedBy: 'officer on duty', findings: null },
  familyNotification: { notified: true, whom: 'wife', how: 'telephone', declinedByPrisoner: false },
  rights: { language: 'tg', acknowledged: true },
});

describe(`reception over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let factory: Factories;
  let officer: Client;
  let otherOfficer: Client;
  let facilityA: string;
  let facilityB: string;
  const count = async (table: 'prisoners' | 'property_items' | 'placements') => Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  async function newIntake(client: Client, facilityId: string, familyName = 'Муҳаммадиев', givenName = 'Ҷамшед'): Promise<Intake> {
    const r = await client.post(`/api/v1/facilities/${facilityId}/intakes`, { familyName, givenName, expectedOn: '2026-11-23', arrivingFrom: 'ИВС Душанбе' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body;
  }

  before(async () => {
    t = await startTestApp();
    factory = factories(t);
    // Facility A lets reception type a number (with a reason); B numbers every file from its pattern.
    facilityA = (await factory.facility('REC-A', { prisonNumberEditable: true })).id;
    facilityB = (await factory.facility('REC-B')).id;
    officer = await t.signedIn(['officer'], { facilityIds: [facilityA] });
    otherOfficer = await t.signedIn(['officer'], { facilityIds: [facilityB] });
  });
  after(() => t.close());

  test('an expected arrival is listed, and what is missing is named', async () => {
    const intake = await newIntake(officer, facilityA);
    assert.equal(intake.status, 'expected');
    assert.ok(intake.missing.some((m) => m.path === 'commitmentOrder' && m.code === 'commitment-order-required'));
    const list = await officer.get(`/api/v1/facilities/${facilityA}/intakes`);
    assert.ok(list.body.items.some((i: Intake) => i.id === intake.id));
    // Another facility's officer sees neither the list nor the intake.
    assert.equal((await otherOfficer.get(`/api/v1/facilities/${facilityA}/intakes`)).status, 404);
    assert.equal((await otherOfficer.get(`/api/v1/intakes/${intake.id}`)).status, 404);
  });

  test('completion without a commitment order is refused (Mandela Rule 7) and writes nothing', async () => {
    const intake = await newIntake(officer, facilityA);
    const { commitmentOrder: _none, ...withoutOrder } = fullData({});
    const saved = await officer.put(`/api/v1/intakes/${intake.id}`, { data: withoutOrder, version: intake.version });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.deepEqual(saved.body.missing, [{ path: 'commitmentOrder', code: 'commitment-order-required' }]);
    const before = await count('prisoners');
    const refused = await officer.post(`/api/v1/intakes/${intake.id}/complete`, { version: saved.body.version, prisonNumber: 'A-0001', prisonNumberReason: 'number on the escort papers' });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.code, 'commitment-order-required');
    assert.match(refused.headers.get('content-type') ?? '', /problem\+json/);
    assert.equal(await count('prisoners'), before);
    assert.equal((await officer.get(`/api/v1/intakes/${intake.id}`)).body.status, 'in-progress');

    // An expired remand order is no better.
    const expired = await officer.put(`/api/v1/intakes/${intake.id}`, { data: { ...withoutOrder, commitmentOrder: { ...order, validUntil: '2026-02-01' } }, version: saved.body.version });
    const again = await officer.post(`/api/v1/intakes/${intake.id}/complete`, { version: expired.body.version, prisonNumber: 'A-0001', prisonNumberReason: 'number on the escort papers' });
    assert.equal(again.body.code, 'commitment-order-expired');
  });

  test('a complete intake opens the file, records property and places the prisoner in reception', async () => {
    const intake = await newIntake(officer, facilityA);
    const saved = await officer.put(`/api/v1/intakes/${intake.id}`, { data: { ...fullData({}), commitmentOrder: order }, version: intake.version });
    assert.deepEqual(saved.body.missing, []);
    const [prisoners, property, placements] = [await count('prisoners'), await count('property_items'), await count('placements')];
    const done = await officer.post(`/api/v1/intakes/${intake.id}/complete`, { version: saved.body.version, prisonNumber: 'A-1001', prisonNumberReason: 'number on the escort papers' });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.intake.status, 'completed');
    const p = done.body.prisoner;
    assert.equal(p.prisonNumber, 'A-1001');
    assert.equal(p.facilityId, facilityA);
    assert.equal(p.location, null, 'in reception, not yet in a cell');
    assert.equal(p.extremismRelated, true);
    assert.deepEqual(p.separation, { sex: 'male', legalStatus: 'untried', ageGroup: 'adult' });
    assert.deepEqual(p.file.legal.commitmentOrders, [order]);
    assert.equal(await count('prisoners'), prisoners + 1);
    assert.equal(await count('property_items'), property + 2);
    assert.equal(await count('placements'), placements + 1);
    // A completed intake cannot be completed or changed again.
    assert.equal((await officer.post(`/api/v1/intakes/${intake.id}/complete`, { version: done.body.intake.version, prisonNumber: 'A-1002', prisonNumberReason: 'number on the escort papers' })).body.code, 'intake-closed');
    assert.equal((await verifyAuditChain(t.db)).ok, true);
  });

  test('a match in the officer’s own facility shows the file as reception needs it', async () => {
    const intake = await newIntake(officer, facilityA);
    await officer.put(`/api/v1/intakes/${intake.id}`, { data: fullData({ documents: [] }), version: intake.version });
    const known = (await officer.get(`/api/v1/intakes/${intake.id}/matches`)).body.items.find((m: { prisonNumber: string }) => m.prisonNumber === 'A-1001');
    assert.ok(known);
    assert.deepEqual(known.details, { legalStatus: 'untried', securityCategory: 'high', location: null });
    assert.equal(known.contact, null);
  });

  test('the same person arriving elsewhere under another spelling is found, and linked rather than duplicated', async () => {
    const intake = await newIntake(otherOfficer, facilityB, 'Mukhammadiev', 'Dzhamshed');
    const saved = await otherOfficer.put(`/api/v1/intakes/${intake.id}`, {
      data: { ...fullData({ familyName: 'Мухаммадиев', givenName: 'Джамшед', familyNameLatin: 'Mukhammadiev', givenNameLatin: 'Dzhamshed', documents: [] }), commitmentOrder: order },
      version: intake.version,
    });
    const matches = await otherOfficer.get(`/api/v1/intakes/${intake.id}/matches`);
    assert.equal(matches.status, 200);
    const known = matches.body.items.find((m: { prisonNumber: string }) => m.prisonNumber === 'A-1001');
    assert.ok(known, `the earlier file is offered: ${JSON.stringify(matches.body.items)}`);
    assert.ok(known.reasons.includes('same-date-of-birth'));
    // Held in another facility: reception learns only that the person is known there and whom to ask.
    assert.equal(known.facilityCode, 'REC-A');
    assert.ok(known.facilityName);
    assert.equal(known.details, null);
    assert.deepEqual(known.contact, { kind: 'records-office' });
    for (const hidden of ['legalStatus', 'securityCategory', 'location', 'hasPhoto']) assert.equal(hidden in known, false, `${hidden} stays in its facility`);
    const audited = await t.db.selectFrom('audit_events').select(['action', 'after']).where('entity_id', '=', intake.id).where('action', '=', 'intake.matches-checked').execute();
    assert.equal(audited.length, 1);
    assert.deepEqual((audited[0]!.after as { matches: string[] }).matches, matches.body.items.map((m: { id: string }) => m.id));

    // Still held in facility A: re-admitting them is refused.
    const held = await otherOfficer.post(`/api/v1/intakes/${intake.id}/complete`, { version: saved.body.version, existingPrisonerId: known.id });
    assert.equal(held.status, 409);
    assert.equal(held.body.code, 'prisoner-still-held');

    // Once released, the earlier file is re-opened in facility B: no second file.
    await t.db.updateTable('prisoners').set({ state: 'released', released_at: new Date() }).where('id', '=', known.id).execute();
    const before = await count('prisoners');
    const linked = await otherOfficer.post(`/api/v1/intakes/${intake.id}/complete`, { version: saved.body.version, existingPrisonerId: known.id });
    assert.equal(linked.status, 200, JSON.stringify(linked.body));
    assert.equal(linked.body.prisoner.id, known.id);
    assert.equal(linked.body.prisoner.facilityId, facilityB);
    assert.equal(linked.body.intake.linkedExisting, true);
    assert.equal(await count('prisoners'), before);
    const versions = await otherOfficer.get(`/api/v1/prisoners/${known.id}/versions`);
    assert.deepEqual(versions.body.items.map((v: { version: number }) => v.version), [2, 1]);
  });

  test('impossible dates and a taken prison number are refused with a clear code', async () => {
    const future = await newIntake(officer, facilityA, 'Саидов', 'Умед');
    const saved = await officer.put(`/api/v1/intakes/${future.id}`, { data: { ...fullData({ familyName: 'Саидов', givenName: 'Умед', dateOfBirth: '2090-01-01', documents: [] }), commitmentOrder: order }, version: future.version });
    const r = await officer.post(`/api/v1/intakes/${future.id}/complete`, { version: saved.body.version, prisonNumber: 'A-2001', prisonNumberReason: 'number on the escort papers' });
    assert.equal(r.status, 422);
    assert.equal(r.body.code, 'birth-in-future');

    const fixed = await officer.put(`/api/v1/intakes/${future.id}`, { data: { ...saved.body.data, identity: { ...saved.body.data.identity, dateOfBirth: '1990-01-01' } }, version: saved.body.version });
    const taken = await officer.post(`/api/v1/intakes/${future.id}/complete`, { version: fixed.body.version, prisonNumber: 'a-1001', prisonNumberReason: 'number on the escort papers' });
    assert.equal(taken.status, 409);
    assert.equal(taken.body.code, 'duplicate-prison-number');

    const badDate = await officer.put(`/api/v1/intakes/${future.id}`, { data: { identity: { dateOfBirth: '1990-02-31' } }, version: fixed.body.version });
    assert.equal(badDate.status, 400);
  });

  test('an intake is cancelled with a reason; stale versions conflict', async () => {
    const intake = await newIntake(officer, facilityA, 'Қодиров', 'Суҳроб');
    assert.equal((await officer.post(`/api/v1/intakes/${intake.id}/cancel`, { reason: 'sent to another facility', version: intake.version + 1 })).status, 409);
    const r = await officer.post(`/api/v1/intakes/${intake.id}/cancel`, { reason: 'sent to another facility', version: intake.version });
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'cancelled');
    assert.equal((await officer.get(`/api/v1/facilities/${facilityA}/intakes?status=cancelled`)).body.items.length, 1);
  });

  test('an expected arrival born in the future is refused, as on the file', async () => {
    const r = await officer.post(`/api/v1/facilities/${facilityA}/intakes`, { familyName: 'Саидов', givenName: 'Умед', dateOfBirth: '2090-01-01', expectedOn: null });
    assert.equal(r.status, 422);
    assert.equal(r.body.code, 'birth-in-future');
    assert.deepEqual(r.body.errors, [{ path: 'dateOfBirth', message: 'birth-in-future' }]);
  });

  test('"none of these" past a likely duplicate needs a reason, and the decision is audited with the candidates shown', async () => {
    const intake = await newIntake(officer, facilityA);
    const saved = await officer.put(`/api/v1/intakes/${intake.id}`, { data: { ...fullData({ documents: [] }), commitmentOrder: order }, version: intake.version });
    const shown = (await officer.get(`/api/v1/intakes/${intake.id}/matches`)).body.items.map((m: { id: string }) => m.id);
    assert.ok(shown.length > 0, 'the earlier file is a likely duplicate');

    // Skipping the decision (a browser that never asks) does not open a second file.
    const before = await count('prisoners');
    const skipped = await officer.post(`/api/v1/intakes/${intake.id}/complete`, { version: saved.body.version });
    assert.equal(skipped.status, 422);
    assert.equal(skipped.body.code, 'duplicates-not-decided');
    assert.equal(await count('prisoners'), before);

    assert.equal((await officer.post(`/api/v1/intakes/${intake.id}/dismiss-matches`, { reason: '  ', version: saved.body.version })).status, 400);
    const reason = 'Different father’s name and place of birth on the passport';
    const dismissed = await officer.post(`/api/v1/intakes/${intake.id}/dismiss-matches`, { reason, version: saved.body.version });
    assert.equal(dismissed.status, 200, JSON.stringify(dismissed.body));
    assert.deepEqual(dismissed.body.duplicateDecision.candidates, shown);
    assert.equal(dismissed.body.duplicateDecision.reason, reason);
    const audited = await t.db.selectFrom('audit_events').select(['after']).where('entity_id', '=', intake.id).where('action', '=', 'intake.duplicates-dismissed').execute();
    assert.deepEqual(audited.map((a) => a.after), [{ candidates: shown, reason }]);

    const done = await officer.post(`/api/v1/intakes/${intake.id}/complete`, { version: dismissed.body.version });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.intake.linkedExisting, false);
    assert.equal((await verifyAuditChain(t.db)).ok, true);
  });

  test('a new file is numbered from the facility pattern; typing another number needs the setting and a reason', async () => {
    const year = new Date().getUTCFullYear();
    const complete = async (client: Client, facilityId: string, familyName: string, extra: Record<string, unknown> = {}) => {
      const intake = await newIntake(client, facilityId, familyName, 'Фирӯз');
      const saved = await client.put(`/api/v1/intakes/${intake.id}`, { data: { ...fullData({ familyName, givenName: 'Фирӯз', familyNameLatin: null, givenNameLatin: null, dateOfBirth: '1979-06-02', documents: [] }), commitmentOrder: order }, version: intake.version });
      return client.post(`/api/v1/intakes/${intake.id}/complete`, { version: saved.body.version, ...extra });
    };
    const pending = await newIntake(otherOfficer, facilityB, 'Раҳимов', 'Фирӯз');
    const proposed = await otherOfficer.get(`/api/v1/intakes/${pending.id}/prison-number`);
    assert.deepEqual(proposed.body, { prisonNumber: `REC-B-${year}-00001`, pattern: '{facility}-{year}-{seq:5}', editable: false });
    const first = await complete(otherOfficer, facilityB, 'Раҳимов');
    assert.equal(first.body.prisoner?.prisonNumber, `REC-B-${year}-00001`, JSON.stringify(first.body));

    // Facility B does not allow a typed number, with or without a reason.
    const typed = await complete(otherOfficer, facilityB, 'Назаров', { prisonNumber: 'B-77', prisonNumberReason: 'old number' });
    assert.equal(typed.status, 403);
    assert.equal(typed.body.code, 'prison-number-not-editable');
    // Facility A does, with a reason, and says so in the audit trail.
    const noReason = await complete(officer, facilityA, 'Назаров', { prisonNumber: 'A-77' });
    assert.equal(noReason.body.code, 'prison-number-reason-required');
    const withReason = await complete(officer, facilityA, 'Назаров', { prisonNumber: 'A-77', prisonNumberReason: 'number on the transfer order' });
    assert.equal(withReason.status, 200, JSON.stringify(withReason.body));
    const overrides = await t.db.selectFrom('audit_events').select('after').where('action', '=', 'intake.prison-number-overridden').execute();
    assert.deepEqual(
      overrides.map((o) => o.after).find((a) => (a as { prisonNumber: string }).prisonNumber === 'A-77'),
      { prisonNumber: 'A-77', reason: 'number on the transfer order', pattern: '{facility}-{year}-{seq:5}' },
    );

    // The pattern is a facility setting for those who manage facilities, and must hold a sequence.
    const admin = await t.signedIn(['sysadmin'], { allFacilities: true });
    const facility = (await admin.get(`/api/v1/facilities/${facilityB}`)).body;
    const { id: _id, active: _a, deactivationReason: _d, createdAt: _c, updatedAt: _u, ...fields } = facility;
    assert.equal((await admin.put(`/api/v1/facilities/${facilityB}`, { ...fields, prisonNumberPattern: '{facility}/{year}' })).status, 400);
    assert.equal((await otherOfficer.put(`/api/v1/facilities/${facilityB}`, { ...fields, prisonNumberPattern: 'B{year}-{seq:3}' })).status, 403);
    const changed = await admin.put(`/api/v1/facilities/${facilityB}`, { ...fields, prisonNumberPattern: 'B{year}-{seq:3}' });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    const second = await complete(otherOfficer, facilityB, 'Шарипов');
    assert.equal(second.body.prisoner?.prisonNumber, `B${year}-002`, 'the sequence goes on; a number is never given twice');

    // Concurrent receptions queue on the counter row: every number is taken once.
    const { receptionRepository } = await import('./reception.repository.ts');
    const repo = receptionRepository(t.db);
    const taken = await Promise.all(Array.from({ length: 8 }, () => t.db.transaction().execute((trx) => repo.takeSequence(trx, facilityB, year))));
    assert.deepEqual([...taken].sort((a, b) => a - b), [3, 4, 5, 6, 7, 8, 9, 10]);
  });

  test('an expected arrival with a date of birth in the future is refused', async () => {
    const r = await officer.post(`/api/v1/facilities/${facilityA}/intakes`, { familyName: 'Саидов', givenName: 'Умед', dateOfBirth: '2090-01-01' });
    assert.equal(r.status, 422);
    assert.equal(r.body.code, 'birth-in-future');
  });

  test('people without reception duties cannot receive', async () => {
    const psychologist = await t.signedIn(['psychologist'], { facilityIds: [facilityA] });
    assert.equal((await psychologist.post(`/api/v1/facilities/${facilityA}/intakes`, { familyName: 'X', givenName: 'Y' })).status, 403);
  });
});
