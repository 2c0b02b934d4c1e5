import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'kysely';
import type { Location, LocationKind } from '@vigil/contracts';
import { facilityBody, startTestApp, type Client, type TestApp } from './testing/harness.ts';
import { systemContext } from './platform/access/actor.ts';
import { verifyAuditChain } from './platform/audit/audit.ts';
import { admitPrisoner, prisonerFile } from './testing/prisoner-fixtures.ts';
import { factories, type Factories } from './testing/factories.ts';
import { localDay } from './platform/time/calendar.ts';

/**
 * Generated bad input thrown at every write endpoint (issue 2, "Bad input"): random JSON, wrong
 * types, unknown and missing fields, over-long strings, injection strings, NUL and other control
 * characters, malformed JSON. Whatever arrives, the server must answer below 500, say why in
 * problem+json, and leave no half-written rows behind a refusal.
 */

const RUNS_PER_ENDPOINT = 25;

/**
 * Tables a refused request may still change: the audit trail records refusals, sessions come and go,
 * and the event dispatcher delivers an earlier accepted write's events whenever it gets to them,
 * recording each delivery and what subscribers make of it (the timeline, reassessment triggers).
 */
// The alarm console's background job records escalations (and their actions) of alarms left unacknowledged.
const MAY_CHANGE = new Set(['audit_events', 'audit_head', 'sessions', 'domain_events_handled', 'timeline_entries', 'reassessment_triggers', 'alarm_escalations', 'alarm_actions']);

const INJECTIONS = [
  "'; DROP TABLE users;--",
  "Robert'); DELETE FROM locations WHERE ('1'='1",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{{7*7}}${7*7}',
  '../../etc/passwd',
  'a\u0000b',
  '\u0000',
  '\u0007\u001b[31m',
  '\ud800',
  '\u202e\u2066',
  'ғӣқӯҳҷ Ғ Ӣ Қ Ӯ Ҳ Ҷ',
  ' ',
  '',
];

interface Endpoint {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The route as registered, e.g. /api/v1/locations/:id */
  route: string;
  /** A concrete URL on the fixtures. */
  url: string;
  /** A body the endpoint would accept (or nearly): mutations of it reach the deeper checks. */
  valid: Record<string, unknown>;
  /** Endpoints that end or lock a session get a signed-in user of their own. */
  ownClient?: boolean;
  /**
   * Tables whose rows a refusal may update but never add to or remove from: a wrong password or
   * code is counted against the user (lockout), which is the point of refusing it.
   */
  countsFailures?: string[];
  anonymous?: boolean;
}

type Request = { json: unknown } | { raw: string; contentType: string };

const hostile = fc.oneof(
  fc.constantFrom<unknown>(...INJECTIONS),
  fc.string({ minLength: 201, maxLength: 3000 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.constantFrom<unknown>(-1, 0, 1e308, -1e308, 2 ** 31, Number.MAX_SAFE_INTEGER, 0.5, true, false, null),
  fc.double(),
  fc.uuid(),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
);

/** Values of the right type but nasty content: they pass validation and reach the services and SQL. */
const PRINTABLE_INJECTIONS = INJECTIONS.filter((s) => s.trim() !== '' && [...s].every((ch) => ch.codePointAt(0)! >= 0x20 && !/\p{Cs}/u.test(ch)));
function plausible(value: unknown): fc.Arbitrary<unknown> {
  if (typeof value === 'string') return fc.oneof(fc.constantFrom(...PRINTABLE_INJECTIONS), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }));
  if (typeof value === 'number') return fc.integer({ min: -10, max: 20000 });
  if (typeof value === 'boolean') return fc.boolean();
  if (Array.isArray(value)) return fc.array(value.length ? fc.constantFrom(...value) : fc.string({ maxLength: 12 }), { maxLength: 4 });
  return fc.oneof(fc.constant(null), fc.uuid());
}

function requests(valid: Record<string, unknown>): fc.Arbitrary<Request> {
  const anything = fc.jsonValue({ maxDepth: 3 }).map((json): Request => ({ json }));
  const unknownField = fc.tuple(fc.string({ minLength: 1, maxLength: 20 }), fc.jsonValue({ maxDepth: 2 })).map(([k, v]): Request => ({ json: { ...valid, [k]: v } }));
  const notJson = fc.string({ maxLength: 200 }).map((raw): Request => ({ raw: `{"${raw}`, contentType: 'application/json' }));
  const wrongType = fc.string({ maxLength: 200 }).map((raw): Request => ({ raw, contentType: 'text/plain' }));
  const keys = Object.keys(valid);
  if (keys.length === 0) return fc.oneof(anything, unknownField, notJson, wrongType);
  const key = fc.constantFrom(...keys);
  const plausibleField = key.chain((k) => plausible(valid[k]).map((v): Request => ({ json: { ...valid, [k]: v } })));
  return fc.oneof(
    { arbitrary: anything, weight: 1 },
    // One or two fields replaced by something hostile.
    { arbitrary: fc.tuple(key, hostile).map(([k, v]): Request => ({ json: { ...valid, [k]: v } })), weight: 2 },
    { arbitrary: fc.tuple(key, hostile, key, hostile).map(([k1, v1, k2, v2]): Request => ({ json: { ...valid, [k1]: v1, [k2]: v2 } })), weight: 1 },
    // One field of the right type with nasty content: this is what reaches the rules and the database.
    { arbitrary: plausibleField, weight: 4 },
    { arbitrary: unknownField, weight: 1 },
    // A required field left out.
    {
      arbitrary: key.map((k): Request => {
        const copy: Record<string, unknown> = { ...valid };
        delete copy[k];
        return { json: copy };
      }),
      weight: 1,
    },
    { arbitrary: notJson, weight: 1 },
    { arbitrary: wrongType, weight: 1 },
  );
}

const shape = (route: string) => route.replace(/:[A-Za-z]+|\{[A-Za-z]+\}/g, '{}');

describe(`every write endpoint survives generated bad input (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let factory: Factories;
  let admin: Client;
  let endpoints: Endpoint[];
  let tables: string[];

  /** Per table: its row count and a digest of every row, so an UPDATE shows as well as an INSERT. */
  async function snapshot(): Promise<Record<string, { rows: string; digest: string }>> {
    const selects = tables.map(
      (name) => sql`(select json_build_object('rows', count(*)::text, 'digest', md5(coalesce(string_agg(x::text, '|' order by x::text), ''))) from ${sql.table(name)} x) as ${sql.ref(name)}`,
    );
    const result = await sql<Record<string, { rows: string; digest: string }>>`select ${sql.join(selects)}`.execute(t.db);
    return result.rows[0]!;
  }

  /** What a refusal must leave unchanged: everything, except failure counters on the tables the endpoint names. */
  function unchangedPart(snap: Awaited<ReturnType<typeof snapshot>>, e: Endpoint) {
    return Object.fromEntries(Object.entries(snap).map(([table, v]) => [table, e.countsFailures?.includes(table) ? v.rows : v]));
  }

  async function send(client: Client, e: Endpoint, req: Request) {
    if ('json' in req) return client.request(e.method, e.url, JSON.stringify(req.json), { 'content-type': 'application/json' });
    return client.request(e.method, e.url, req.raw, { 'content-type': req.contentType });
  }

  before(async () => {
    t = await startTestApp();
    factory = factories(t);
    const system = systemContext('properties-test');
    const facility = await factory.facility('PROP-F');
    const target = await factory.facility('PROP-T');
    const place = (parentId: string | null, kind: LocationKind, code: string, cell = false) =>
      factory.place(facility.id, kind, parentId, { code, ...(cell && { baselineCapacity: 2 }) });
    const building = await place(null, 'building', 'A');
    const landing = await place((await place(building.id, 'wing', '1')).id, 'landing', '1');
    const cell: Location = await place(landing.id, 'cell', '01', true);
    const leaf = await place(landing.id, 'cell', '02', true);
    const inactive = await place(landing.id, 'cell', '03', true);
    await t.services.locations.deactivate(system, inactive.id, 'closed', 1);
    const victim = await t.createUser({ roles: ['officer'], facilityIds: [facility.id] });
    const other = await t.createUser({ roles: ['officer'], facilityIds: [facility.id] });
    await t.db.updateTable('users').set({ active: false, deactivation_reason: 'left' }).where('id', '=', other.id).execute();

    const prisoner = await admitPrisoner(t, facility.id);
    const intake = await factory.intake(facility.id, { familyName: 'Саидов', givenName: 'Умед' });
    const doomedIntake = await factory.intake(facility.id, { familyName: 'Каримов', givenName: 'Зафар' });
    // A register with a bad row (no such day): its commit is always refused, whatever the mapping.
    const register = await t.services.imports.upload(system, { facilityId: facility.id, filename: 'реестр.csv' }, Buffer.from('Номер;Фамилия;Имя;Дата рождения;Пол;Статус\nR-1;Саидов;Умед;31.02.1990;м;подследственный\n'));
    // Its own prisoner: the correction route above moves the first one's version on.
    const toHouse = await admitPrisoner(t, facility.id);
    const alert = await t.services.alerts.raise(system, toHouse.id, { code: 'self-harm', startsOn: '2026-01-01' });
    // Movements, release and counts: each endpoint gets prisoners and sessions of its own.
    const walker = await admitPrisoner(t, facility.id);
    const traveller = await admitPrisoner(t, facility.id);
    const absence = await t.services.movements.startAbsence(system, (await admitPrisoner(t, facility.id)).id, { kind: 'court', destination: 'Суд', reason: 'hearing', escort: null });
    const transferIn = await t.services.movements.startTransfer(system, (await admitPrisoner(t, facility.id)).id, { toFacilityId: target.id, reason: 'этап', escort: 'конвой 7' });
    const transferOff = await t.services.movements.startTransfer(system, (await admitPrisoner(t, facility.id)).id, { toFacilityId: target.id, reason: 'этап', escort: 'конвой 8' });
    const leaving = await admitPrisoner(t, facility.id);
    const item = await t.db.insertInto('property_items').values({ prisoner_id: leaving.id, description: 'Часы', quantity: 1, storage: 'stored', received_by: 'reception' }).returning('id').executeTakeFirstOrThrow();
    const countFacility = await factory.facility('PROP-C');
    const countPlace = (parentId: string | null, kind: LocationKind, code: string, isCell = false) =>
      factory.place(countFacility.id, kind, parentId, { code, ...(isCell && { baselineCapacity: 2 }) });
    const countBlock = await countPlace(null, 'building', 'A');
    const countWing1 = await countPlace(countBlock.id, 'wing', '1');
    const countWing2 = await countPlace(countBlock.id, 'wing', '2');
    await countPlace((await countPlace(countWing1.id, 'landing', '1')).id, 'cell', '101', true);
    await countPlace((await countPlace(countWing2.id, 'landing', '1')).id, 'cell', '101', true);
    const count = await t.services.counts.start(system, countFacility.id);
    await t.services.counts.record(system, count.id, countWing1.id, 5);

    // Every role that writes, so each write route reaches its checks rather than a 403.
    admin = await t.signedIn(['sysadmin', 'senior_officer', 'security_manager', 'governor', 'psychologist', 'case_manager'], { allFacilities: true });
    // Assessments: a draft the signed-in user rates, and one another psychologist rates (approving
    // or returning a draft is refused however the body looks).
    const assessed = await admitPrisoner(t, facility.id);
    const adminId = ((await admin.get('/api/v1/auth/session')).body as { user: { id: string } }).user.id;
    const psychologist = await t.createUser({ roles: ['psychologist'], facilityIds: [facility.id] });
    const draft = async (instrumentCode: string, assessorId: string) => {
      const res = await admin.post(`/api/v1/prisoners/${assessed.id}/assessments`, { instrumentCode, assessorId });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body as { id: string };
    };
    const ownDraft = await draft('needs-screening', adminId);
    const othersDraft = await draft('ve-screening', psychologist.id);
    // Handover: a prisoner to plan for, and one with an agreed plan to issue packages from.
    const releaseOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const plan = { plannedReleaseOn: releaseOn, accommodation: { kind: 'family-home', address: 'Кӯлоб', confirmed: true }, work: null, contacts: [{ name: 'Ҳакимова Ғунча', relationship: 'модар' }], supervisionConditions: ['ҳар ҳафта'], riskSummary: 'миёна', agencies: [], status: 'agreed' };
    const releasing = await admitPrisoner(t, facility.id);
    const handedOver = await admitPrisoner(t, facility.id);
    assert.equal((await admin.put(`/api/v1/prisoners/${handedOver.id}/release-plan`, plan)).status, 200);
    const profileNames = { en: 'Prop', ru: 'Проп', tg: 'Проп' };
    // Sentence plans: a plan with an objective on an approved assessment and an intervention under
    // it; a prisoner of its own for the new-plan route (a new plan supersedes the last).
    const planned = await admitPrisoner(t, facility.id);
    const planless = await admitPrisoner(t, facility.id);
    const planAssessment = await factory.approvedAssessment(planned);
    const sentencePlan = (await admin.post(`/api/v1/prisoners/${planned.id}/plans`, {})).body as { id: string };
    const objectiveBody = { text: 'Грамотность', targetOn: '2099-01-01', needs: [{ assessmentId: planAssessment.id, code: 'ED1' }] };
    const objective = (await admin.post(`/api/v1/plans/${sentencePlan.id}/objectives`, objectiveBody)).body as { id: string };
    const interventionBody = { description: 'Курс грамотности', kind: 'education', owner: { kind: 'agency', agency: 'Маркази таълимӣ' }, startsOn: '2026-01-01', endsOn: null };
    const intervention = (await admin.post(`/api/v1/plan-objectives/${objective.id}/interventions`, interventionBody)).body as { id: string };
    // Case notes and key work: a prisoner to write about, one to assign, one with a key worker for sessions.
    const noted = await admitPrisoner(t, facility.id);
    const keyless = await admitPrisoner(t, facility.id);
    const keyworked = await admitPrisoner(t, facility.id);
    assert.equal((await admin.post(`/api/v1/prisoners/${keyworked.id}/key-worker`, { staffId: victim.id })).status, 201);
    // Programmes: one with a place taken and one waiting, sessions every day at nine.
    const programme = await t.services.programmes.create(system, { facilityId: facility.id, kind: 'vocational', name: 'Столярная мастерская', capacity: 1, sessions: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '12:00' })), eligibility: [] });
    const learner = await t.services.programmes.enrol(system, programme.id, { prisonerId: (await admitPrisoner(t, facility.id)).id, waitingList: false });
    const queued = await t.services.programmes.enrol(system, programme.id, { prisonerId: (await admitPrisoner(t, facility.id)).id, waitingList: true });
    const programmeDay = new Date().toISOString().slice(0, 10);
    // Incidents: one open (reported by an officer, so the administrator may review it once resolved) and one resolved, with a notification and an action.
    const reporter = await t.signedIn(['officer'], { facilityIds: [facility.id] });
    const incidentBody = { facilityId: facility.id, type: 'fight', occurredAt: new Date(Date.now() - 3_600_000).toISOString(), summary: 'Драка на прогулке', people: [] };
    const openIncident = (await reporter.post('/api/v1/incidents', incidentBody)).body as { id: string; version: number };
    let resolvedIncident = (await reporter.post('/api/v1/incidents', incidentBody)).body as { id: string; version: number; notifications: { id: string }[]; actions: { id: string }[] };
    resolvedIncident = (await admin.post(`/api/v1/incidents/${resolvedIncident.id}/status`, { status: 'resolved', version: resolvedIncident.version })).body;
    resolvedIncident = (await admin.post(`/api/v1/incidents/${resolvedIncident.id}/actions`, { description: 'Инструктаж', ownerId: adminId, dueOn: '2099-01-01' })).body;
    // Use of force: a draft to save again and a submitted report to review (handcuffs, ended an hour ago).
    const forced = await admitPrisoner(t, facility.id);
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    const forceBody = {
      facilityId: facility.id,
      prisonerIds: [forced.id],
      startedAt: ago(120),
      endedAt: ago(60),
      reason: 'self-defence',
      account: 'Замахнулся на сотрудника',
      authorisedById: adminId,
      uses: [{ prisonerId: forced.id, technique: 'handcuffs', appliedAt: ago(118), removedAt: ago(70) }],
      medical: { by: 'Фельдшер', at: ago(50), findings: 'Без повреждений' },
    };
    // Written by an officer of the facility over HTTP (a report names its author, a real user).
    const forceReporter = await t.signedIn(['senior_officer'], { facilityIds: [facility.id] });
    const forceDraft = (await forceReporter.post('/api/v1/force-reports', { ...forceBody, submit: false })).body as { id: string };
    const forceSubmitted = (await forceReporter.post('/api/v1/force-reports', { ...forceBody, submit: true })).body as { id: string };
    assert.ok(forceDraft.id && forceSubmitted.id, 'use-of-force fixtures written');
    const forceNames = { en: 'Prop restraint', ru: 'Средство', tg: 'Восита' };
    // Observation: an hourly level (checks, reviews) and a constant one (handovers), and someone to put on watch.
    const observationDay = localDay(new Date(), 'Asia/Dushanbe');
    const observed = await t.services.observations.set(system, { prisonerId: (await admitPrisoner(t, facility.id)).id, level: 'hourly', reason: 'Угроза самоповреждения', reviewOn: observationDay });
    const watchedConstantly = await t.services.observations.set(system, { prisonerId: (await admitPrisoner(t, facility.id)).id, level: 'constant', reason: 'Попытка самоповреждения', reviewOn: observationDay });
    const toObserve = await admitPrisoner(t, facility.id);
    // Searches and evidence: a cell search with a loose find (to bag) and a bag the admin holds (for custody steps).
    const searchBody = { facilityId: facility.id, type: 'cell', basis: 'scheduled', reason: 'Плановый обыск', locationId: cell.id, searcherIds: [adminId], result: 'nothing-found' };
    const searched = (await admin.post('/api/v1/searches', searchBody)).body as { id: string };
    const looseFind = (await admin.post(`/api/v1/searches/${searched.id}/finds`, { category: 'drugs', description: 'Свёрток', quantity: 1 })).body as { id: string };
    const baggedFind = (await admin.post(`/api/v1/searches/${searched.id}/finds`, { category: 'phone-sim', description: 'Nokia', quantity: 1 })).body as { id: string };
    const evidenceBag = await admin.post(`/api/v1/searches/${searched.id}/bags`, { findIds: [baggedFind.id] });
    assert.equal(evidenceBag.status, 201, JSON.stringify(evidenceBag.body));
    // Movement control: a yard with a zone and one without, a keep-apart pair, a movement planned and one out.
    const yard = await factory.place(facility.id, 'yard', null);
    const bareYard = await factory.place(facility.id, 'yard', null);
    const zoneRules = { openWindows: [], escortedOnly: false, barredPrisonerIds: [], barredAlertCodes: [], barredCategories: [], note: null };
    const zone = await t.services.movementControl.createZone(system, facility.id, { locationId: yard.id, ...zoneRules });
    const apart = [await admitPrisoner(t, facility.id), await admitPrisoner(t, facility.id)];
    const keepApartBody = { prisonerIds: apart.map((p) => p.id), reason: 'Оперативные данные', source: 'intelligence' as const, startsOn: '2026-01-01', endsOn: null };
    const pair = await t.services.movementControl.createKeepApart(system, facility.id, keepApartBody);
    const inAnHour = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
    const moveBody = (prisonerId: string) => ({ prisonerId, purpose: 'exercise' as const, toLocationId: bareYard.id, plannedStart: inAnHour(1), plannedEnd: inAnHour(2) });
    const plannedMove = await t.services.movementControl.plan(system, moveBody((await admitPrisoner(t, facility.id)).id));
    const goingOut = await t.services.movementControl.plan(system, moveBody((await admitPrisoner(t, facility.id)).id));
    const outMove = await t.services.movementControl.out(system, goingOut.id, { version: goingOut.version });
    const mover = await admitPrisoner(t, facility.id);
    const regimeDay = localDay(new Date(), 'Asia/Dushanbe');
    const regimeRow = { prisonerId: mover.id, version: null, exerciseOfferedMinutes: 60, exerciseTakenMinutes: 0, breakfast: 'taken', lunch: 'refused', supper: 'taken', shower: 'not-offered', refusalReason: 'Плохое самочувствие' };
    // Alarms: a door contact on the cell and an alarm it raised.
    const alarmDevice = await t.services.alarms.registerDevice(system, { facilityId: facility.id, locationId: cell.id, code: 'PROP-1', kind: 'door-contact', name: 'Дари камера' });
    await t.services.alarms.webhook(facility.code, 'PROP-1', alarmDevice.token, { events: [{ id: 'prop-1', type: 'door-held', condition: 'raised' }] });
    const alarm = await t.db.selectFrom('alarms').select('id').where('device_id', '=', alarmDevice.id).executeTakeFirstOrThrow();
    const alarmNames = { en: 'Cell call', ru: 'Вызов из камеры', tg: 'Даъват аз камера' };
    const alarmTypeData = { names: alarmNames, priority: 'low', escalateAfterSeconds: 600, sop: [{ code: 'answer', text: alarmNames, mandatory: true }] };
    tables = (
      await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`.execute(t.db)
    ).rows.map((r) => r.name).filter((n) => !MAY_CHANGE.has(n));

    const { id, version, createdAt, updatedAt, active, deactivationReason, path, facilityId, ...cellFields } = cell;
    endpoints = [
      { method: 'POST', route: '/api/v1/auth/sign-in', url: '/api/v1/auth/sign-in', valid: { username: 'nobody.here', password: 'not the password' }, anonymous: true, countsFailures: ['users'] },
      { method: 'POST', route: '/api/v1/auth/mfa/verify', url: '/api/v1/auth/mfa/verify', valid: { code: '123456' }, ownClient: true, countsFailures: ['users'] },
      { method: 'POST', route: '/api/v1/auth/mfa/enrol/start', url: '/api/v1/auth/mfa/enrol/start', valid: {}, ownClient: true },
      { method: 'POST', route: '/api/v1/auth/mfa/enrol/confirm', url: '/api/v1/auth/mfa/enrol/confirm', valid: { code: '123456' }, ownClient: true, countsFailures: ['users'] },
      { method: 'POST', route: '/api/v1/auth/password', url: '/api/v1/auth/password', valid: { currentPassword: 'wrong password here', newPassword: 'a brand new long password' }, ownClient: true, countsFailures: ['users'] },
      { method: 'PUT', route: '/api/v1/auth/preferences', url: '/api/v1/auth/preferences', valid: { language: 'tg' } },
      { method: 'POST', route: '/api/v1/auth/sign-out', url: '/api/v1/auth/sign-out', valid: {}, ownClient: true },
      { method: 'POST', route: '/api/v1/auth/sign-out-everywhere', url: '/api/v1/auth/sign-out-everywhere', valid: {}, ownClient: true },
      { method: 'POST', route: '/api/v1/auth/facility', url: '/api/v1/auth/facility', valid: { facilityId: facility.id } },
      { method: 'POST', route: '/api/v1/facilities', url: '/api/v1/facilities', valid: facilityBody('PROP-NEW') },
      { method: 'PUT', route: '/api/v1/facilities/:id', url: `/api/v1/facilities/${target.id}`, valid: { ...facilityBody('PROP-T'), version: 1 } },
      { method: 'POST', route: '/api/v1/facilities/:id/deactivate', url: `/api/v1/facilities/${target.id}/deactivate`, valid: { reason: 'closed', version: 1 } },
      { method: 'POST', route: '/api/v1/facilities/:facilityId/locations', url: `/api/v1/facilities/${facility.id}/locations`, valid: { parentId: landing.id, kind: 'cell', code: '50', name: 'Камера 50', baselineCapacity: 2, operationalCapacity: 3, sexDesignation: 'male', securityLevel: 'high', specialTypes: [] } },
      { method: 'PUT', route: '/api/v1/locations/:id', url: `/api/v1/locations/${cell.id}`, valid: { ...cellFields, version: 1 } },
      { method: 'POST', route: '/api/v1/locations/:id/deactivate', url: `/api/v1/locations/${leaf.id}/deactivate`, valid: { reason: 'ремонт', version: 1 } },
      { method: 'POST', route: '/api/v1/locations/:id/reactivate', url: `/api/v1/locations/${inactive.id}/reactivate`, valid: { version: 2 } },
      { method: 'POST', route: '/api/v1/facilities/:facilityId/locations/bulk-cells', url: `/api/v1/facilities/${facility.id}/locations/bulk-cells`, valid: { landingId: landing.id, prefix: 'B', firstNumber: 1, count: 5, digits: 2, baselineCapacity: 2, operationalCapacity: 2, sexDesignation: 'male', securityLevel: 'high', specialTypes: [] } },
      { method: 'POST', route: '/api/v1/users', url: '/api/v1/users', valid: { staffNumber: 'P-100', username: 'prop.user', familyName: 'Қодиров', givenName: 'Фаррух', language: 'tg', roles: ['officer'], facilityIds: [facility.id], temporaryPassword: 'temporary password 1' } },
      { method: 'PUT', route: '/api/v1/users/:id', url: `/api/v1/users/${victim.id}`, valid: { staffNumber: 'P-200', familyName: 'Иванов', givenName: 'Сергей', language: 'ru', roles: ['officer'], facilityIds: [facility.id], version: 1 } },
      { method: 'POST', route: '/api/v1/users/:id/deactivate', url: `/api/v1/users/${victim.id}/deactivate`, valid: { reason: 'left the service', version: 1 } },
      { method: 'POST', route: '/api/v1/users/:id/reactivate', url: `/api/v1/users/${other.id}/reactivate`, valid: { version: 1 } },
      { method: 'POST', route: '/api/v1/users/:id/reset-password', url: `/api/v1/users/${victim.id}/reset-password`, valid: { temporaryPassword: 'another temporary password' } },
      { method: 'POST', route: '/api/v1/users/:id/reset-mfa', url: `/api/v1/users/${victim.id}/reset-mfa`, valid: {} },
      { method: 'PUT', route: '/api/v1/prisoners/:id', url: `/api/v1/prisoners/${prisoner.id}`, valid: { file: prisonerFile(), reason: 'spelling', version: 1 } },
      { method: 'PUT', route: '/api/v1/prisoners/:id/photo', url: `/api/v1/prisoners/${prisoner.id}/photo`, valid: {} },
      { method: 'POST', route: '/api/v1/facilities/:facilityId/intakes', url: `/api/v1/facilities/${facility.id}/intakes`, valid: { familyName: 'Ҷӯраев', givenName: 'Комрон', expectedOn: '2026-12-01', arrivingFrom: 'СИЗО-1' } },
      { method: 'PUT', route: '/api/v1/intakes/:id', url: `/api/v1/intakes/${intake.id}`, valid: { data: { identity: { familyName: 'Саидов', givenName: 'Умед', dateOfBirth: '1991-02-03', sex: 'male' }, securityCategory: 'high' }, version: 1 } },
      { method: 'POST', route: '/api/v1/intakes/:id/complete', url: `/api/v1/intakes/${intake.id}/complete`, valid: { version: 1, prisonNumber: 'PN-100' } },
      { method: 'POST', route: '/api/v1/intakes/:id/dismiss-matches', url: `/api/v1/intakes/${intake.id}/dismiss-matches`, valid: { reason: 'a different person', version: 1 } },
      { method: 'POST', route: '/api/v1/intakes/:id/cancel', url: `/api/v1/intakes/${doomedIntake.id}/cancel`, valid: { reason: 'wrong person', version: 1 } },
      { method: 'POST', route: '/api/v1/prisoners/:id/allocate', url: `/api/v1/prisoners/${toHouse.id}/allocate`, valid: { locationId: cell.id, reason: 'arrival', version: 1 } },
      { method: 'POST', route: '/api/v1/alert-types', url: '/api/v1/alert-types', valid: { code: 'prop-code', names: { en: 'Property', ru: 'Свойство', tg: 'Хосият' }, source: 'Property test' } },
      { method: 'PUT', route: '/api/v1/alert-types/:code', url: '/api/v1/alert-types/medical', valid: { names: { en: 'Medical', ru: 'Медицинское', tg: 'Тиббӣ' }, needsRelatedPrisoner: false, blocksCellSharing: false, restrictedTo: [], active: true, version: 1, source: 'Property test' } },
      { method: 'POST', route: '/api/v1/prisoners/:id/alerts', url: `/api/v1/prisoners/${toHouse.id}/alerts`, valid: { code: 'escape-risk', startsOn: '2026-01-01', comment: 'на этапе' } },
      { method: 'POST', route: '/api/v1/alerts/:id/end', url: `/api/v1/alerts/${alert.id}/end`, valid: { reason: 'reviewed', version: 1 } },
      { method: 'POST', route: '/api/v1/prisoners/:id/absences', url: `/api/v1/prisoners/${walker.id}/absences`, valid: { kind: 'court', destination: 'Суди ноҳияи Сино', reason: 'hearing', escort: 'конвой 3' } },
      { method: 'POST', route: '/api/v1/movements/:id/return', url: `/api/v1/movements/${absence.id}/return`, valid: {} },
      { method: 'POST', route: '/api/v1/prisoners/:id/transfers', url: `/api/v1/prisoners/${traveller.id}/transfers`, valid: { toFacilityId: target.id, reason: 'колония', escort: 'конвой 7' } },
      { method: 'POST', route: '/api/v1/movements/:id/receive', url: `/api/v1/movements/${transferIn.id}/receive`, valid: {} },
      { method: 'POST', route: '/api/v1/movements/:id/cancel', url: `/api/v1/movements/${transferOff.id}/cancel`, valid: { reason: 'convoy did not come' } },
      { method: 'POST', route: '/api/v1/prisoners/:id/property/return', url: `/api/v1/prisoners/${leaving.id}/property/return`, valid: { itemIds: [item.id] } },
      { method: 'POST', route: '/api/v1/prisoners/:id/release', url: `/api/v1/prisoners/${leaving.id}/release`, valid: { basis: 'court-order', orderReference: 'Суд 4-112/2026', notifications: { family: true, police: false, probation: false }, version: leaving.version } },
      { method: 'POST', route: '/api/v1/facilities/:facilityId/counts', url: `/api/v1/facilities/${target.id}/counts`, valid: {} },
      { method: 'PUT', route: '/api/v1/counts/:id/entries/:locationId', url: `/api/v1/counts/${count.id}/entries/${countWing2.id}`, valid: { counted: 0 } },
      { method: 'POST', route: '/api/v1/counts/:id/entries/:locationId/resolve', url: `/api/v1/counts/${count.id}/entries/${countWing1.id}/resolve`, valid: { resolution: 'recount', counted: 0, reason: 'recounted' } },
      { method: 'POST', route: '/api/v1/counts/:id/close', url: `/api/v1/counts/${count.id}/close`, valid: {} },
      { method: 'POST', route: '/api/v1/imports/prisoners', url: `/api/v1/imports/prisoners?facilityId=${facility.id}&filename=register.csv`, valid: {} },
      { method: 'POST', route: '/api/v1/imports/:id/dry-run', url: `/api/v1/imports/${register.id}/dry-run`, valid: { mapping: register.mapping, version: 1 } },
      { method: 'POST', route: '/api/v1/assessment-instruments', url: '/api/v1/assessment-instruments', valid: { definition: { code: 'prop-tool' }, source: 'Property test' } },
      { method: 'POST', route: '/api/v1/prisoners/:id/assessments', url: `/api/v1/prisoners/${assessed.id}/assessments`, valid: { instrumentCode: 'needs-screening', assessorId: adminId } },
      { method: 'PUT', route: '/api/v1/assessments/:id', url: `/api/v1/assessments/${ownDraft.id}`, valid: { version: 1, ratings: { ED1: { level: 'some', evidence: 'интервью', source: 'prisoner' } }, formulation: null, judgement: null } },
      { method: 'POST', route: '/api/v1/assessments/:id/submit', url: `/api/v1/assessments/${ownDraft.id}/submit`, valid: { version: 1 } },
      { method: 'POST', route: '/api/v1/assessments/:id/approve', url: `/api/v1/assessments/${othersDraft.id}/approve`, valid: { version: 1 } },
      { method: 'POST', route: '/api/v1/assessments/:id/return', url: `/api/v1/assessments/${othersDraft.id}/return`, valid: { version: 1, reason: 'evidence missing' } },
      { method: 'POST', route: '/api/v1/handover-profiles', url: '/api/v1/handover-profiles', valid: { code: 'prop-profile', names: profileNames, kind: 'other', language: 'tg', sections: ['identity'], source: 'Property test' } },
      { method: 'PUT', route: '/api/v1/handover-profiles/:code', url: '/api/v1/handover-profiles/police', valid: { names: profileNames, kind: 'police', language: 'tg', sections: ['identity', 'risk-summary'], active: true, version: 1, source: 'Property test' } },
      { method: 'PUT', route: '/api/v1/prisoners/:id/release-plan', url: `/api/v1/prisoners/${releasing.id}/release-plan`, valid: plan },
      { method: 'POST', route: '/api/v1/prisoners/:id/handovers', url: `/api/v1/prisoners/${handedOver.id}/handovers`, valid: { profileCode: 'police', agency: { name: 'ШВКД', contact: null, country: 'TJ' } } },
      { method: 'POST', route: '/api/v1/prisoners/:id/plans', url: `/api/v1/prisoners/${planless.id}/plans`, valid: { nextReviewOn: '2099-01-01' } },
      { method: 'POST', route: '/api/v1/plans/:id/objectives', url: `/api/v1/plans/${sentencePlan.id}/objectives`, valid: objectiveBody },
      { method: 'PUT', route: '/api/v1/plan-objectives/:id', url: `/api/v1/plan-objectives/${objective.id}`, valid: { version: 1, text: 'Грамотность', targetOn: '2099-01-01', status: 'open' } },
      { method: 'POST', route: '/api/v1/plan-objectives/:id/interventions', url: `/api/v1/plan-objectives/${objective.id}/interventions`, valid: interventionBody },
      { method: 'PUT', route: '/api/v1/plan-interventions/:id', url: `/api/v1/plan-interventions/${intervention.id}`, valid: { ...interventionBody, version: 1, status: 'planned' } },
      { method: 'POST', route: '/api/v1/plans/:id/reviews', url: `/api/v1/plans/${sentencePlan.id}/reviews`, valid: { heldOn: '2026-01-01', participants: [{ name: 'Раҳимов А.', role: 'мудир', agency: null }], outcome: 'Пешрафт', nextReviewOn: '2099-01-01', prisonerComments: null } },
      { method: 'POST', route: '/api/v1/plans/:id/notes', url: `/api/v1/plans/${sentencePlan.id}/notes`, valid: { kind: 'prisoner', text: 'Мехоҳам кор кунам' } },
      { method: 'POST', route: '/api/v1/prisoners/:id/casenotes', url: `/api/v1/prisoners/${noted.id}/casenotes`, valid: { type: 'welfare', sensitivity: 'normal', text: 'Жалоб нет' } },
      { method: 'POST', route: '/api/v1/prisoners/:id/key-worker', url: `/api/v1/prisoners/${keyless.id}/key-worker`, valid: { staffId: adminId } },
      { method: 'POST', route: '/api/v1/prisoners/:id/key-work-sessions', url: `/api/v1/prisoners/${keyworked.id}/key-work-sessions`, valid: { heldOn: '2026-01-05', durationMinutes: 30, place: 'Камера', summary: 'Беседа', mood: 'settled', engagement: 'engaged' } },
      { method: 'POST', route: '/api/v1/category-schemes', url: '/api/v1/category-schemes', valid: { definition: { code: 'prop-scheme', levels: [] }, source: 'Property test' } },
      { method: 'POST', route: '/api/v1/prisoners/:id/classification/suggestion', url: `/api/v1/prisoners/${assessed.id}/classification/suggestion`, valid: { inputs: { escapeHistory: 'attempt', violenceInCustody: 'none', offenceTypes: ['drugs'] } } },
      {
        method: 'POST',
        route: '/api/v1/prisoners/:id/classification/decisions',
        url: `/api/v1/prisoners/${assessed.id}/classification/decisions`,
        valid: { inputs: { escapeHistory: 'none', violenceInCustody: 'minor', offenceTypes: [] }, level: 'high', overrideReason: 'угроза побега', representations: { informed: true, heard: true, heardOn: '2026-01-05', text: 'возражает' }, nextReviewOn: '2099-01-01' },
      },
      { method: 'POST', route: '/api/v1/programmes', url: '/api/v1/programmes', valid: { facilityId: facility.id, kind: 'education', name: 'Грамота', capacity: 10, hoursPerWeek: 3, sessions: [{ weekday: 1, start: '14:00', end: '15:30' }], eligibility: [{ kind: 'legal-status', status: 'convicted' }] } },
      { method: 'PUT', route: '/api/v1/programmes/:id', url: `/api/v1/programmes/${programme.id}`, valid: { kind: 'vocational', name: 'Столярная мастерская', capacity: 2, sessions: [], eligibility: [], active: true, version: 1 } },
      { method: 'POST', route: '/api/v1/programmes/:id/enrolments', url: `/api/v1/programmes/${programme.id}/enrolments`, valid: { prisonerId: assessed.id, waitingList: true } },
      { method: 'POST', route: '/api/v1/programme-enrolments/:id/admit', url: `/api/v1/programme-enrolments/${queued.id}/admit`, valid: { version: 1 } },
      { method: 'POST', route: '/api/v1/programme-enrolments/:id/end', url: `/api/v1/programme-enrolments/${learner.id}/end`, valid: { version: 1, outcome: 'withdrawn', reason: 'переведён' } },
      { method: 'PUT', route: '/api/v1/programmes/:id/register', url: `/api/v1/programmes/${programme.id}/register`, valid: { date: programmeDay, start: '09:00', version: null, marks: [{ enrolmentId: learner.id, mark: 'absent', absenceReason: 'ill' }] } },
      { method: 'POST', route: '/api/v1/incident-types', url: '/api/v1/incident-types', valid: { code: 'prop-type', names: profileNames, serious: false, defaultSeverity: '3', notifications: [{ recipient: 'police', withinHours: 2 }], source: 'Property test' } },
      { method: 'PUT', route: '/api/v1/incident-types/:code', url: '/api/v1/incident-types/other', valid: { names: profileNames, serious: false, defaultSeverity: '4', notifications: [], active: true, version: 1, source: 'Property test' } },
      { method: 'POST', route: '/api/v1/incidents', url: '/api/v1/incidents', valid: { ...incidentBody, people: [{ kind: 'visitor', name: 'Раҳимова З.', role: 'witness', injury: 'minor' }] } },
      { method: 'POST', route: '/api/v1/incidents/:id/status', url: `/api/v1/incidents/${openIncident.id}/status`, valid: { status: 'contained', version: openIncident.version } },
      { method: 'POST', route: '/api/v1/incidents/:id/people', url: `/api/v1/incidents/${openIncident.id}/people`, valid: { kind: 'other', name: 'Водитель', role: 'witness', injury: 'none' } },
      { method: 'POST', route: '/api/v1/incidents/:id/decisions', url: `/api/v1/incidents/${openIncident.id}/decisions`, valid: { decision: 'Развести по камерам', rationale: 'Риск повторения' } },
      { method: 'POST', route: '/api/v1/incident-notifications/:id/done', url: `/api/v1/incident-notifications/${resolvedIncident.notifications[0]!.id}/done`, valid: { notifiedAt: new Date().toISOString(), method: 'phone', contact: 'Дежурный', reference: 'N-1', version: 1 } },
      { method: 'POST', route: '/api/v1/incidents/:id/review', url: `/api/v1/incidents/${resolvedIncident.id}/review`, valid: { outcome: 'satisfactory', comments: 'Без замечаний', version: resolvedIncident.version } },
      { method: 'PUT', route: '/api/v1/incidents/:id/debrief', url: `/api/v1/incidents/${resolvedIncident.id}/debrief`, valid: { heldOn: localDay(new Date(), 'Asia/Dushanbe'), participants: 'Смена', summary: 'Разбор', lessons: 'Уроки', version: resolvedIncident.version } },
      { method: 'POST', route: '/api/v1/incidents/:id/actions', url: `/api/v1/incidents/${openIncident.id}/actions`, valid: { description: 'Проверить камеру', ownerId: adminId, dueOn: '2099-01-01' } },
      { method: 'POST', route: '/api/v1/incident-actions/:id/done', url: `/api/v1/incident-actions/${resolvedIncident.actions[0]!.id}/done`, valid: { note: 'Сделано', version: 1 } },
      { method: 'POST', route: '/api/v1/incidents/:id/links', url: `/api/v1/incidents/${openIncident.id}/links`, valid: { kind: 'alarm', targetId: 'alarm-17', label: 'Тревога, корпус А' } },
      { method: 'POST', route: '/api/v1/force-techniques', url: '/api/v1/force-techniques', valid: { code: 'prop-restraint', names: forceNames, kind: 'restraint', allowed: false, source: 'Property test' } },
      { method: 'PUT', route: '/api/v1/force-techniques/:code', url: '/api/v1/force-techniques/handcuffs', valid: { names: forceNames, kind: 'restraint', allowed: true, maxDurationMinutes: 240, reviewIntervalMinutes: 30, refusedFor: ['pregnant'], version: 1, source: 'Property test' } },
      { method: 'PUT', route: '/api/v1/force-settings', url: '/api/v1/force-settings', valid: { reportDueHours: 24, version: 1, source: 'Property test' } },
      { method: 'POST', route: '/api/v1/force-reports', url: '/api/v1/force-reports', valid: { ...forceBody, submit: true } },
      { method: 'PUT', route: '/api/v1/force-reports/:id', url: `/api/v1/force-reports/${forceDraft.id}`, valid: { ...forceBody, submit: false, version: 1 } },
      { method: 'POST', route: '/api/v1/force-reports/:id/review', url: `/api/v1/force-reports/${forceSubmitted.id}/review`, valid: { version: 1, outcome: 'justified', findings: 'Соразмерно' } },
      { method: 'POST', route: '/api/v1/searches', url: '/api/v1/searches', valid: searchBody },
      { method: 'POST', route: '/api/v1/searches/:id/finds', url: `/api/v1/searches/${searched.id}/finds`, valid: { category: 'cash', description: 'Сомони', quantity: 10 } },
      { method: 'POST', route: '/api/v1/finds/:id/photos', url: `/api/v1/finds/${looseFind.id}/photos`, valid: { contentType: 'image/png', data: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==' } },
      { method: 'POST', route: '/api/v1/searches/:id/bags', url: `/api/v1/searches/${searched.id}/bags`, valid: { findIds: [looseFind.id], seal: 'A-1' } },
      { method: 'PUT', route: '/api/v1/search-schedules/:id', url: `/api/v1/search-schedules/${countWing1.id}`, valid: { periodDays: 14, version: null } },
      { method: 'POST', route: '/api/v1/evidence-bags/:id/custody', url: `/api/v1/evidence-bags/${evidenceBag.body.id}/custody`, valid: { kind: 'police-handover', externalParty: 'Следователь', reference: 'КУСП-1', version: 1 } },
      { method: 'POST', route: '/api/v1/facilities/:facilityId/zones', url: `/api/v1/facilities/${facility.id}/zones`, valid: { locationId: bareYard.id, ...zoneRules, openWindows: [{ start: '08:00', end: '12:00' }] } },
      { method: 'PUT', route: '/api/v1/zones/:id', url: `/api/v1/zones/${zone.id}`, valid: { ...zoneRules, escortedOnly: true, active: true, version: zone.version } },
      { method: 'POST', route: '/api/v1/facilities/:facilityId/keep-apart', url: `/api/v1/facilities/${facility.id}/keep-apart`, valid: keepApartBody },
      { method: 'POST', route: '/api/v1/keep-apart/:id/end', url: `/api/v1/keep-apart/${pair.id}/end`, valid: { reason: 'Переведён', version: pair.version } },
      { method: 'POST', route: '/api/v1/internal-movements', url: '/api/v1/internal-movements', valid: moveBody(mover.id) },
      { method: 'POST', route: '/api/v1/internal-movements/:id/out', url: `/api/v1/internal-movements/${plannedMove.id}/out`, valid: { version: plannedMove.version } },
      { method: 'POST', route: '/api/v1/internal-movements/:id/back', url: `/api/v1/internal-movements/${outMove.id}/back`, valid: { version: outMove.version } },
      { method: 'POST', route: '/api/v1/internal-movements/:id/cancel', url: `/api/v1/internal-movements/${plannedMove.id}/cancel`, valid: { reason: 'Карантин', version: plannedMove.version } },
      { method: 'PUT', route: '/api/v1/regime/sheet', url: '/api/v1/regime/sheet', valid: { facilityId: facility.id, date: regimeDay, rows: [regimeRow] } },
      { method: 'POST', route: '/api/v1/imports/:id/commit', url: `/api/v1/imports/${register.id}/commit`, valid: { version: 1 } },
      { method: 'POST', route: '/api/v1/observations', url: '/api/v1/observations', valid: { prisonerId: toObserve.id, level: 'half-hourly', reason: 'Высокий риск', reviewOn: observationDay } },
      { method: 'POST', route: '/api/v1/observation-levels/:id/review', url: `/api/v1/observation-levels/${observed.id}/review`, valid: { version: 1, outcome: 'continue', reason: 'Продолжить', reviewOn: observationDay } },
      { method: 'POST', route: '/api/v1/observation-levels/:id/checks', url: `/api/v1/observation-levels/${observed.id}/checks`, valid: { activity: 'sitting', signOfLife: 'movement', note: 'Читает' } },
      { method: 'POST', route: '/api/v1/observation-levels/:id/handovers', url: `/api/v1/observation-levels/${watchedConstantly.id}/handovers`, valid: { note: 'Принял пост' } },
      { method: 'POST', route: '/api/v1/alarm-types', url: '/api/v1/alarm-types', valid: { code: 'cell-call', data: alarmTypeData, source: 'Приказ № 1' } },
      { method: 'PUT', route: '/api/v1/alarm-types/:code', url: '/api/v1/alarm-types/device-fault', valid: { data: alarmTypeData, version: 1, source: 'Приказ № 2' } },
      { method: 'POST', route: '/api/v1/alarm-devices', url: '/api/v1/alarm-devices', valid: { facilityId: facility.id, locationId: cell.id, code: 'PROP-2', kind: 'duress-button', name: 'Тугмаи хатар' } },
      { method: 'PUT', route: '/api/v1/alarm-devices/:id', url: `/api/v1/alarm-devices/${alarmDevice.id}`, valid: { locationId: cell.id, name: 'Дари камера', active: true, version: 1 } },
      { method: 'POST', route: '/api/v1/alarm-devices/:id/token', url: `/api/v1/alarm-devices/${alarmDevice.id}/token`, valid: { version: 1 } },
      { method: 'POST', route: '/api/v1/ingest/devices/:facility/:code/events', url: `/api/v1/ingest/devices/${facility.code}/PROP-1/events`, valid: { events: [{ id: 'prop-2', type: 'door-held' }] }, anonymous: true },
      { method: 'POST', route: '/api/v1/alarms/:id/acknowledge', url: `/api/v1/alarms/${alarm.id}/acknowledge`, valid: { version: 1 } },
      { method: 'POST', route: '/api/v1/alarms/:id/start', url: `/api/v1/alarms/${alarm.id}/start`, valid: { version: 2 } },
      { method: 'POST', route: '/api/v1/alarms/:id/steps/:position/complete', url: `/api/v1/alarms/${alarm.id}/steps/1/complete`, valid: { version: 2, note: 'на месте' } },
      { method: 'POST', route: '/api/v1/alarms/:id/shelve', url: `/api/v1/alarms/${alarm.id}/shelve`, valid: { version: 2, minutes: 10, reason: 'ремонт' } },
      { method: 'POST', route: '/api/v1/alarms/:id/resolve', url: `/api/v1/alarms/${alarm.id}/resolve`, valid: { version: 2, resolution: 'Дверь закрыта' } },
    ];
  });
  after(() => t.close());

  test('the list covers every write route the app has', async (ctx) => {
    const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const registered = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.keys(methods).filter((m) => m !== 'get' && m !== 'head').map((m) => `${m.toUpperCase()} ${shape(path)}`),
    );
    const covered = new Set(endpoints.map((e) => `${e.method} ${shape(e.route)}`));
    const missing = registered.filter((r) => !covered.has(r));
    assert.deepEqual(missing, [], 'write routes without generated bad input: add them to the list above');
    // Listed routes another module has not registered (yet) are reported, not failed on.
    const absent = [...covered].filter((c) => !registered.includes(c));
    if (absent.length) ctx.diagnostic(`listed but not registered: ${absent.join(', ')}`);
    assert.ok(registered.length >= 20, `${registered.length} write routes`);
  });

  test('no 5xx, problem+json on every refusal, and nothing written by a refused request', async (ctx) => {
    const registered = new Set(
      Object.entries((t.app.swagger() as { paths: Record<string, Record<string, unknown>> }).paths).flatMap(([p, ms]) => Object.keys(ms).map((m) => `${m.toUpperCase()} ${shape(p)}`)),
    );
    for (const e of endpoints) {
      if (!registered.has(`${e.method} ${shape(e.route)}`)) continue;
      const client = e.anonymous ? t.client() : e.ownClient ? await t.signedIn(['sysadmin'], { allFacilities: true }) : admin;
      const seen = new Map<string, number>();
      let last = await snapshot();
      await ctx.test(`${e.method} ${e.route}`, async (sub) => {
        await fc.assert(
          fc.asyncProperty(requests(e.valid), async (req) => {
            const res = await send(client, e, req);
            assert.ok(res.status < 500, `${res.status} ${JSON.stringify(res.body)}`);
            const outcome = `${res.status}${res.status >= 400 ? ` ${res.body.code}` : ''}`;
            seen.set(outcome, (seen.get(outcome) ?? 0) + 1);
            if (res.status >= 400) {
              assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
              assert.equal(res.body.status, res.status);
              assert.equal(typeof res.body.code, 'string');
              assert.equal(typeof res.body.title, 'string');
            }
            // Each request's "after" is the next one's "before": one count query per request.
            const now = await snapshot();
            if (res.status >= 400) assert.deepEqual(unchangedPart(now, e), unchangedPart(last, e), `refused with ${res.body.code} but rows changed`);
            last = now;
          }),
          { numRuns: RUNS_PER_ENDPOINT, endOnFailure: true },
        );
        sub.diagnostic([...seen].map(([k, n]) => `${k} ×${n}`).join(', '));
      });
    }
  });

  test('an oversized body is refused with 413 and a problem', async () => {
    const big = { ...facilityBody('BIG'), name: 'x'.repeat(t.config.bodyLimitBytes + 1) };
    const res = await admin.post('/api/v1/facilities', big);
    assert.equal(res.status, 413);
    assert.equal(res.body.code, 'payload-too-large');
  });

  test('after all that, the audit chain still verifies', async () => {
    const result = await verifyAuditChain(t.db);
    assert.ok(result.ok, JSON.stringify(result.firstBroken));
  });
});
