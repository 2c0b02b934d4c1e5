import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { CaseNote, KeyWork, KeyWorkOverview, Prisoner, TimelineEntry, TimelinePage } from '@vigil/contracts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { factories } from '../../testing/factories.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { publish } from '../../platform/events/outbox.ts';
import type { NewDomainEvent } from '../../platform/events/event-types.ts';
import { addDays, localDay } from '../../platform/time/calendar.ts';

describe(`case notes, key work and the timeline over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let officer: Client;
  let psychologist: Client;
  let caseManager: Client;
  let otherOfficer: Client;
  let analyst: Client;
  let hq: Client;
  let facilityA: string;
  let officerId: string;
  let caseManagerId: string;
  let otherOfficerId: string;
  let p: Prisoner;
  let cellPath: string;
  const today = () => localDay(new Date(), 'Asia/Dushanbe');
  const auditCount = async (action: string, entityId: string) =>
    Number((await t.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).where('action', '=', action).where('entity_id', '=', entityId).executeTakeFirstOrThrow()).n);
  const idOf = async (c: Client) => ((await c.get('/api/v1/auth/session')).body as { user: { id: string } }).user.id;
  const session = (heldOn = today()) => ({ heldOn, durationMinutes: 30, place: 'Кабинет на этаже', summary: 'Обсудили свидания и работу.', mood: 'settled', engagement: 'engaged', concerns: '', followUp: 'Узнать о курсах' });
  const timeline = async (c: Client, prisonerId = p.id, query = '') => {
    await t.services.events.catchUp();
    const r = await c.get(`/api/v1/prisoners/${prisonerId}/timeline${query}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body as TimelinePage;
  };
  const emit = (event: NewDomainEvent) => t.db.transaction().execute((trx) => publish(trx, event));

  before(async () => {
    t = await startTestApp();
    const f = factories(t);
    const a = await f.facility('CN1', { timeZone: 'Asia/Dushanbe' });
    facilityA = a.id;
    const b = await f.facility('CN2');
    const scope = { facilityIds: [a.id] };
    officer = await f.signedIn(['officer'], scope);
    psychologist = await f.signedIn(['psychologist'], scope);
    caseManager = await f.signedIn(['case_manager'], scope);
    otherOfficer = await f.signedIn(['officer'], { facilityIds: [b.id] });
    analyst = await f.signedIn(['intelligence_analyst'], scope);
    hq = await f.signedIn(['hq_analyst'], { allFacilities: true });
    [officerId, caseManagerId, otherOfficerId] = await Promise.all([idOf(officer), idOf(caseManager), idOf(otherOfficer)]);
    const { landing } = await f.wing(a.id);
    const cell = await f.cell(landing);
    cellPath = cell.path;
    p = await f.prisoner(a.id);
    p = await f.placement(p, cell);
  });
  after(() => t.close());

  test('case-note types: a catalogue with names in every language', async () => {
    assert.equal((await t.client().get('/api/v1/casenote-types')).status, 401);
    assert.equal((await analyst.get('/api/v1/casenote-types')).status, 403);
    const r = await officer.get('/api/v1/casenote-types');
    assert.equal(r.status, 200);
    const codes = (r.body.items as { code: string; names: { tg: string }; defaultSensitivity: string }[]).map((i) => i.code);
    for (const code of ['general', 'key-work', 'behaviour-positive', 'behaviour-negative', 'welfare', 'family-contact', 'education-work', 'security-information', 'health-referral']) assert.ok(codes.includes(code), code);
  });

  test('notes: written and listed; sensitive ones only to those permitted, never edited', async () => {
    const url = `/api/v1/prisoners/${p.id}/casenotes`;
    const note = { type: 'welfare', sensitivity: 'normal', text: 'Жалуется на бессонницу.' };
    assert.equal((await t.client().post(url, note)).status, 401);
    assert.equal((await analyst.post(url, note)).status, 403, 'no casenotes.write');
    assert.equal((await officer.post(url, { ...note, text: '' })).status, 400);
    assert.equal((await officer.post(url, { ...note, sensitivity: 'secret' })).status, 400);
    assert.equal((await officer.post(url, { ...note, extra: 1 })).status, 400);
    const unknown = await officer.post(url, { ...note, type: 'gossip' });
    assert.equal(unknown.status, 422);
    assert.deepEqual(unknown.body.errors, [{ path: 'type', message: 'casenote-type-unknown' }]);
    const refusedSensitive = await officer.post(url, { ...note, sensitivity: 'sensitive' });
    assert.equal(refusedSensitive.status, 403);
    assert.equal(refusedSensitive.body.code, 'casenote-sensitive-forbidden');
    assert.equal((await otherOfficer.post(url, note)).status, 404, 'another facility');

    const written = await officer.post(url, note);
    assert.equal(written.status, 201, JSON.stringify(written.body));
    const plain = written.body as CaseNote;
    assert.equal(plain.type.names.tg, 'Некӯаҳволӣ');
    assert.equal(plain.author.id, officerId);
    const secret = (await psychologist.post(url, { type: 'security-information', sensitivity: 'sensitive', text: 'Говорит о давлении со стороны сокамерника.' })).body as CaseNote;
    assert.equal(secret.sensitivity, 'sensitive');

    const before = await auditCount('prisoner.casenotes-viewed', p.id);
    const seenByOfficer = (await officer.get(url)).body.items as CaseNote[];
    assert.deepEqual(seenByOfficer.map((n) => n.id), [plain.id], 'the officer sees neither the sensitive note nor that it exists');
    const seenByPsychologist = (await psychologist.get(url)).body.items as CaseNote[];
    assert.deepEqual(seenByPsychologist.map((n) => n.id), [secret.id, plain.id], 'newest first');
    assert.equal(await auditCount('prisoner.casenotes-viewed', p.id), before + 2, 'each read is audited');
    assert.equal((await analyst.get(url)).status, 403);
    assert.equal((await otherOfficer.get(url)).status, 404);

    // Corrections: a new note referring to the old one, once.
    assert.equal((await officer.post(url, { ...note, text: 'Исправление', corrects: secret.id })).body.code, 'casenote-correction-invalid', 'a note the writer cannot see is no note to correct');
    assert.equal((await psychologist.post(url, { ...note, text: 'Исправление', corrects: secret.id })).body.code, 'casenote-correction-sensitivity');
    const fixed = await officer.post(url, { ...note, text: 'Жалуется на бессонницу третью неделю.', corrects: plain.id });
    assert.equal(fixed.status, 201, JSON.stringify(fixed.body));
    assert.equal(fixed.body.corrects, plain.id);
    const again = await officer.post(url, { ...note, text: 'Ещё раз', corrects: plain.id });
    assert.equal(again.status, 422);
    assert.equal(again.body.code, 'casenote-correction-invalid');
    const listed = (await officer.get(url)).body.items as CaseNote[];
    assert.equal(listed.find((n) => n.id === plain.id)?.correctedBy, fixed.body.id);

    await assert.rejects(t.db.updateTable('case_notes').set({ body: 'changed' }).where('id', '=', plain.id).execute(), 'the database refuses an edit');
    await assert.rejects(t.db.deleteFrom('case_notes').where('id', '=', plain.id).execute());
    const events = await t.db.selectFrom('domain_events').select(['type', 'payload']).where('type', '=', 'casenote.recorded').execute();
    assert.equal(events.length, 3);
    const audited = await t.db.selectFrom('audit_events').select('after').where('action', '=', 'casenote.recorded').where('entity_id', '=', secret.id).executeTakeFirstOrThrow();
    assert.ok(!JSON.stringify(audited.after).includes('сокамерника'), 'the audit trail does not copy the text');
  });

  test('key worker: assigned from the facility’s staff, history kept, sessions recorded', async () => {
    const q = await factories(t).prisoner(facilityA);
    const base = `/api/v1/prisoners/${q.id}`;
    assert.equal((await t.client().get(`${base}/key-worker/candidates`)).status, 401);
    assert.equal((await analyst.get(`${base}/key-worker/candidates`)).status, 403);
    const candidates = (await officer.get(`${base}/key-worker/candidates`)).body.items as { id: string }[];
    assert.ok(candidates.some((c) => c.id === officerId) && candidates.some((c) => c.id === caseManagerId));
    assert.ok(!candidates.some((c) => c.id === otherOfficerId), 'staff of another facility are not offered');

    assert.equal((await officer.post(`${base}/key-work-sessions`, session())).body.code, 'keywork-no-key-worker');
    assert.equal((await t.client().post(`${base}/key-worker`, { staffId: officerId })).status, 401);
    assert.equal((await analyst.post(`${base}/key-worker`, { staffId: officerId })).status, 403);
    assert.equal((await officer.post(`${base}/key-worker`, { staffId: 'nobody' })).status, 400);
    const invalid = await officer.post(`${base}/key-worker`, { staffId: otherOfficerId });
    assert.equal(invalid.status, 422);
    assert.deepEqual(invalid.body.errors, [{ path: 'staffId', message: 'keyworker-invalid' }]);
    const assigned = await officer.post(`${base}/key-worker`, { staffId: officerId });
    assert.equal(assigned.status, 201, JSON.stringify(assigned.body));
    assert.equal(assigned.body.to, null);
    assert.equal((await officer.post(`${base}/key-worker`, { staffId: officerId })).body.code, 'keyworker-unchanged');

    assert.equal((await officer.post(`${base}/key-work-sessions`, { ...session(), mood: 'grumpy' })).status, 400);
    assert.equal((await officer.post(`${base}/key-work-sessions`, { ...session(), durationMinutes: 0 })).status, 400);
    assert.equal((await officer.post(`${base}/key-work-sessions`, session(addDays(today(), 2)))).body.code, 'keywork-date-future');
    const held = await officer.post(`${base}/key-work-sessions`, session());
    assert.equal(held.status, 201, JSON.stringify(held.body));
    assert.equal(held.body.heldBy.id, officerId);
    assert.equal(held.body.concerns, null);

    const reassigned = await caseManager.post(`${base}/key-worker`, { staffId: caseManagerId });
    assert.equal(reassigned.status, 201);
    const kw = (await officer.get(`${base}/key-work`)).body as KeyWork;
    assert.equal(kw.current?.staff.id, caseManagerId);
    assert.equal(kw.history.length, 2);
    assert.equal(kw.history.find((h) => h.staff.id === officerId)?.to, today(), 'the earlier one ended today');
    assert.equal(kw.sessions.length, 1);
    assert.equal(kw.overdue, false);
    assert.equal(kw.nextDueOn, addDays(today(), 14));
    assert.equal(await auditCount('prisoner.keywork-viewed', q.id), 1);
    assert.equal((await analyst.get(`${base}/key-work`)).status, 403);
    assert.equal((await otherOfficer.get(`${base}/key-work`)).status, 404);
  });

  test('the key-work screen: prisoners with no key worker, and sessions overdue', async () => {
    const f = factories(t);
    const none = await f.prisoner(facilityA, { familyName: 'Назаров', givenName: 'Бахтиёр' });
    const late = await f.prisoner(facilityA);
    assert.equal((await officer.post(`/api/v1/prisoners/${late.id}/key-worker`, { staffId: officerId })).status, 201);
    // The assignment began long ago: moved back, as if made a month before.
    await t.db.updateTable('key_worker_assignments').set({ from_on: addDays(today(), -30) }).where('prisoner_id', '=', late.id).execute();
    assert.equal((await officer.post(`/api/v1/prisoners/${late.id}/key-work-sessions`, session(addDays(today(), -20)))).status, 201);

    const url = `/api/v1/facilities/${facilityA}/key-work`;
    assert.equal((await t.client().get(url)).status, 401);
    assert.equal((await hq.get(url)).status, 403);
    assert.equal((await officer.get(`${url}?overdueDays=0`)).status, 400);
    assert.equal((await officer.get(`${url}?overdueDays=x`)).status, 400);
    assert.equal((await otherOfficer.get(url)).status, 404);
    const overview = (await officer.get(url)).body as KeyWorkOverview;
    assert.equal(overview.overdueDays, 14);
    assert.ok(overview.withoutKeyWorker.some((w) => w.prisonerId === none.id));
    assert.ok(!overview.withoutKeyWorker.some((w) => w.prisonerId === late.id));
    const overdue = overview.overdue.find((o) => o.prisonerId === late.id);
    assert.equal(overdue?.lastSessionOn, addDays(today(), -20));
    assert.equal(overdue?.dueOn, addDays(today(), -6));
    assert.equal(overdue?.keyWorker.id, officerId);
    const relaxed = (await officer.get(`${url}?overdueDays=30`)).body as KeyWorkOverview;
    assert.ok(!relaxed.overdue.some((o) => o.prisonerId === late.id));

    // Released: the key worker's assignment ends with the stay.
    await emit({ type: 'prisoner.released', entityId: late.id, facilityId: facilityA, payload: { prisonerId: late.id, movementId: crypto.randomUUID() } });
    await t.services.events.catchUp();
    const kw = (await officer.get(`/api/v1/prisoners/${late.id}/key-work`)).body as KeyWork;
    assert.equal(kw.current, null);
    assert.equal(kw.history[0]?.to, today());
  });

  test('the timeline: every event about the prisoner, as the reader may see it, newest first, paged', async () => {
    const planId = crypto.randomUUID();
    await emit({ type: 'plan.created', entityId: planId, facilityId: facilityA, payload: { planId, prisonerId: p.id } });
    const decisionId = crypto.randomUUID();
    await emit({ type: 'classification.decided', entityId: decisionId, facilityId: facilityA, payload: { decisionId, prisonerId: p.id, scheme: 'four-level', level: 'high', review: false } });
    const assessmentId = crypto.randomUUID();
    await emit({ type: 'assessment.approved', entityId: assessmentId, facilityId: facilityA, payload: { assessmentId, prisonerId: p.id, instrumentCode: 've-screening', judgement: 'moderate' } });
    // An event about a file that does not exist is passed over, and does not stop the timeline.
    await emit({ type: 'alert.raised', entityId: crypto.randomUUID(), facilityId: null, payload: { alertId: crypto.randomUUID(), prisonerId: crypto.randomUUID(), code: 'x' } });
    const alertId = crypto.randomUUID();
    await emit({ type: 'alert.raised', entityId: alertId, facilityId: facilityA, payload: { alertId, prisonerId: p.id, code: 'escape-risk' } });

    const url = `/api/v1/prisoners/${p.id}/timeline`;
    assert.equal((await t.client().get(url)).status, 401);
    assert.equal((await hq.get(url)).status, 403, 'no prisoners.read');
    assert.equal((await otherOfficer.get(url)).status, 404);
    assert.equal((await officer.get(`${url}?limit=0`)).status, 400);
    assert.equal((await officer.get(`${url}?cursor=nonsense`)).body.code, 'timeline-cursor-invalid');

    const types = (items: TimelineEntry[]) => items.map((e) => e.type);
    const seenByOfficer = (await timeline(officer)).items;
    const officerTypes = types(seenByOfficer);
    for (const type of ['prisoner.admitted', 'prisoner.moved', 'casenote.recorded', 'alert.raised']) assert.ok(officerTypes.includes(type), `${type} in ${officerTypes.join()}`);
    for (const type of ['plan.created', 'classification.decided', 'assessment.approved']) assert.ok(!officerTypes.includes(type), `an officer does not see ${type}`);
    assert.equal(seenByOfficer.filter((e) => e.type === 'casenote.recorded').length, 2, 'the two normal notes, not the sensitive one');
    assert.ok(seenByOfficer.every((e) => !e.details.sensitive));
    const times = seenByOfficer.map((e) => e.occurredAt);
    assert.deepEqual(times, [...times].sort().reverse(), 'newest first');
    assert.equal(seenByOfficer.find((e) => e.type === 'prisoner.moved')?.details.location, cellPath, 'the place by its path');
    assert.equal(seenByOfficer.find((e) => e.type === 'prisoner.admitted')?.details.facility !== undefined, true);
    assert.equal(seenByOfficer.find((e) => e.type === 'alert.raised')?.details.names?.en !== undefined, true, 'the alert type by name');

    const seenByManager = (await timeline(caseManager)).items;
    const managerTypes = types(seenByManager);
    assert.ok(managerTypes.includes('plan.created') && managerTypes.includes('classification.decided'), managerTypes.join());
    assert.equal(seenByManager.filter((e) => e.type === 'casenote.recorded').length, 3, 'with the sensitive note');
    const approved = seenByManager.find((e) => e.type === 'assessment.approved');
    assert.equal(approved?.details.level, 'moderate');
    assert.ok(approved?.details.levelNames?.ru, 'the judgement level by name');
    const category = seenByManager.find((e) => e.type === 'classification.decided')?.details;
    assert.equal(category?.level, 'high');
    assert.equal(category?.levelNames?.tg, 'Баланд', 'the level is named as the scheme names it');

    // Pages of two, back to back, give the whole timeline once.
    const all: TimelineEntry[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: TimelinePage = await timeline(caseManager, p.id, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      assert.ok(page.items.length <= 2);
      all.push(...page.items);
      cursor = page.next;
    }
    assert.deepEqual(all.map((e) => e.id), seenByManager.map((e) => e.id));

    // Delivered again (a restart), nothing is written twice.
    const count = async () => Number((await t.db.selectFrom('timeline_entries').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const n = await count();
    await t.db.deleteFrom('domain_events_handled').where('subscriber', '=', 'casenotes.timeline').execute();
    await t.services.events.catchUp();
    assert.equal(await count(), n);
  });

  test('the migration’s backfill of past events writes what the subscriber writes', async () => {
    await t.services.events.catchUp();
    const entries = () => t.db.selectFrom('timeline_entries').selectAll().orderBy('id').execute();
    const written = await entries();
    assert.ok(written.length > 10);
    await t.db.deleteFrom('timeline_entries').execute();
    const migration = readFileSync(new URL('../../../migrations/0020_casenotes.sql', import.meta.url), 'utf8');
    const block = /-- backfill:start\n([\s\S]*?)-- backfill:end/.exec(migration)![1]!;
    for (const statement of block.split(/;\s*\n/).filter((s) => s.trim())) await sql.raw(statement).execute(t.db);
    assert.deepEqual(await entries(), written);
  });

  test('after all that, the audit chain still verifies', async () => {
    assert.ok((await verifyAuditChain(t.db)).ok);
  });
});
