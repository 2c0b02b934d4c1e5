import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { FacilityPopulation, Location, LocationKind, OccupancyStatistics, PlaceOccupancy, PopulationStatistics } from '@vigil/contracts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { admitPrisoner, type PrisonerShape } from '../../testing/prisoner-fixtures.ts';
import { systemContext } from '../../platform/access/actor.ts';
import { endPlacement, movePlacement } from '../prisoners/placements.repository.ts';
import { ageOn, localDay } from '../../platform/time/calendar.ts';
import { ageBand } from './statistics.rules.ts';
import { parseCsv as parseCsvRecords } from '../imports/imports.csv.ts';
import { factories, type Factories, type PlaceFields } from '../../testing/factories.ts';

// The test facilities are in Dushanbe: ages are counted on its local day.
const today = () => localDay(new Date(), 'Asia/Dushanbe');

const cell = (baseline: number, operational: number): PlaceFields => ({ baselineCapacity: baseline, operationalCapacity: operational, sexDesignation: 'male', securityLevel: 'medium' });

/** A birth date `years` years before today, moved by `days` (a day later: the birthday is tomorrow). */
function bornYearsAgo(years: number, days = 0): string {
  const d = new Date(`${today()}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Comma-separated text as rows of cells, read with the import's RFC 4180 reader. */
const parseCsv = (text: string): string[][] => parseCsvRecords(text, { maxRecords: 1_000_000, maxColumns: 1000 }, ',').map((r) => r.cells);

describe(`statistics over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let factory: Factories;
  let governorA: Client;
  let hq: Client;
  let officer: Client;
  let facilityA: string;
  let facilityB: string;
  let wing: Location;
  let landing: Location;
  let cell1: Location;
  let cell2: Location;
  let basement: Location;
  const system = systemContext('test');
  /** The age bands the people below should land in, counted by the pure rule. */
  const expectedBands = new Map<string, number>();

  const place = (facilityId: string, parentId: string | null, kind: LocationKind, code: string, extra: PlaceFields = {}, name = `${kind} ${code}`) =>
    factory.place(facilityId, kind, parentId, { ...extra, code, name });

  async function held(facilityId: string, shape: PrisonerShape, where: { cell?: Location; nationality?: string | null; state?: 'temporarily-absent' | 'in-transit' | 'released' } = {}) {
    const p = await admitPrisoner(t, facilityId, shape);
    await t.db.transaction().execute(async (trx) => {
      if (where.cell) await movePlacement(trx, { prisonerId: p.id, facilityId, locationId: where.cell.id, reason: 'allocated', movedBy: 'test' });
      if (where.nationality !== undefined) await trx.updateTable('prisoners').set({ nationality: where.nationality }).where('id', '=', p.id).execute();
      // A temporary absence keeps the cell (the bed is theirs); transit and release leave it.
      if (where.state === 'in-transit' || where.state === 'released') await endPlacement(trx, p.id);
      if (where.state) {
        await trx
          .updateTable('prisoners')
          .set({ state: where.state, released_at: where.state === 'released' ? new Date() : null })
          .where('id', '=', p.id)
          .execute();
      }
    });
    if (facilityId === facilityA && where.state !== 'released') {
      const band = ageBand(ageOn(shape.dateOfBirth ?? '1990-04-12', today()));
      expectedBands.set(band, (expectedBands.get(band) ?? 0) + 1);
    }
    return p;
  }

  before(async () => {
    t = await startTestApp();
    factory = factories(t);
    facilityA = (await factory.facility('STAT-A')).id;
    // A facility name a spreadsheet would run as a formula: the exports must neutralise it.
    facilityB = (await factory.facility('STAT-B', { name: '=HYPERLINK("http://evil.example","click")' })).id;

    const building = await place(facilityA, null, 'building', 'A');
    wing = await place(facilityA, building.id, 'wing', '1');
    landing = await place(facilityA, wing.id, 'landing', '1');
    cell1 = await place(facilityA, landing.id, 'cell', '2', cell(2, 3));
    cell2 = await place(facilityA, landing.id, 'cell', '10', cell(1, 1));
    const spare = await place(facilityA, landing.id, 'cell', '11', cell(4, 4));
    await t.services.locations.deactivate(system, spare.id, 'repairs', spare.version);
    // A code and a name that start like formulas ("-1" for a basement level; "+" a careless name).
    basement = await place(facilityA, null, 'segregation-unit', '-1', {}, '+Подвал');
    const basementCell = await place(facilityA, basement.id, 'cell', '1', cell(2, 2));
    // A place without cells is not residential and is left out.
    await place(facilityA, null, 'yard', 'Y');

    // Facility A: eight held (one absent at court, one in transit), one released.
    await held(facilityA, { dateOfBirth: bornYearsAgo(16), legalStatus: 'untried' }, { cell: cell1, nationality: 'TJ' });
    await held(facilityA, { dateOfBirth: bornYearsAgo(18) }, { cell: cell1, nationality: 'UZ' });
    await held(facilityA, { dateOfBirth: bornYearsAgo(21, 1), extremismRelated: true }, { cell: cell1, nationality: 'TJ', state: 'temporarily-absent' });
    await held(facilityA, { dateOfBirth: bornYearsAgo(21) }, { cell: cell1, nationality: 'AF' });
    await held(facilityA, { dateOfBirth: bornYearsAgo(45), sex: 'female', legalStatus: 'untried' }, { cell: cell2, nationality: 'TJ' });
    await held(facilityA, { dateOfBirth: bornYearsAgo(65) }, { cell: basementCell, nationality: null });
    await held(facilityA, { dateOfBirth: bornYearsAgo(33), extremismRelated: true }, { nationality: 'TJ' });
    await held(facilityA, { dateOfBirth: bornYearsAgo(50) }, { nationality: 'TJ', state: 'in-transit' });
    await held(facilityA, { dateOfBirth: bornYearsAgo(40) }, { nationality: 'TJ', state: 'released' });
    // Facility B: one person, and a name a spreadsheet would run, written straight to the database.
    const b = await held(facilityB, { familyName: 'Каримов' }, { nationality: 'TJ' });
    await t.db.updateTable('prisoners').set({ family_name: '=cmd|\' /C calc\'!A0', given_name: '@SUM(1+1)' }).where('id', '=', b.id).execute();

    governorA = await t.signedIn(['governor'], { facilityIds: [facilityA] });
    hq = await t.signedIn(['hq_analyst'], { allFacilities: true });
    officer = await t.signedIn(['officer'], { facilityIds: [facilityA] });
  });
  after(() => t.close());

  const rawGet = async (c: Client, path: string) => fetch(t.url + path, { headers: { cookie: c.cookie } });

  test('401 without a session, 403 without statistics.read, 404 for a facility out of scope', async () => {
    assert.equal((await t.client().get('/api/v1/statistics/population')).status, 401);
    const denied = await officer.get('/api/v1/statistics/population');
    assert.equal(denied.status, 403);
    assert.equal(denied.body.code, 'forbidden');
    const other = await governorA.get(`/api/v1/statistics/population?facilityId=${facilityB}`);
    assert.equal(other.status, 404);
    assert.equal(other.body.code, 'not-found');
    assert.equal((await governorA.get(`/api/v1/statistics/occupancy.csv?facilityId=${facilityB}`)).status, 404);
    assert.equal((await governorA.get('/api/v1/statistics/population?facilityId=not-a-uuid')).status, 400);
  });

  test('population: everyone not released, by state, legal status, sex, age band, nationality and flag', async () => {
    const r = await governorA.get<PopulationStatistics>('/api/v1/statistics/population');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.asOf, today());
    // Scope: the governor of A sees A only.
    assert.deepEqual(r.body.facilities.map((f) => f.facilityCode), ['STAT-A']);
    const a = r.body.facilities[0]!;
    assert.equal(a.total, 8);
    assert.equal(a.inCustody, 6);
    assert.equal(a.temporarilyAbsent, 1);
    assert.equal(a.inTransit, 1);
    assert.deepEqual(a.byLegalStatus, { untried: 2, convicted: 6 });
    assert.deepEqual(a.bySex, { male: 7, female: 1 });
    // Birthdays on the day count: 18 today is 18–20; 21 tomorrow is still 18–20.
    assert.deepEqual(a.byAgeBand, { 'under-18': 1, '18-20': 2, '21-29': 1, '30-39': 1, '40-49': 1, '50-59': 1, '60-plus': 1 });
    assert.deepEqual(a.byAgeBand, { 'under-18': 0, '18-20': 0, '21-29': 0, '30-39': 0, '40-49': 0, '50-59': 0, '60-plus': 0, ...Object.fromEntries(expectedBands) });
    assert.equal(a.foreignNationals, 2);
    assert.equal(a.nationalityUnknown, 1);
    assert.equal(a.extremismRelated, 2);
    const { facilityId: _id, facilityCode: _code, facilityName: _name, ...counts } = a;
    assert.deepEqual(r.body.total, counts);

    const all = await hq.get<PopulationStatistics>('/api/v1/statistics/population');
    assert.deepEqual(all.body.facilities.map((f) => f.facilityCode).filter((c) => c.startsWith('STAT-')), ['STAT-A', 'STAT-B']);
    const b = all.body.facilities.find((f) => f.facilityCode === 'STAT-B') as FacilityPopulation;
    assert.equal(b.total, 1);
    assert.equal(all.body.total.total, all.body.facilities.reduce((s, f) => s + f.total, 0));
    const onlyB = await hq.get<PopulationStatistics>(`/api/v1/statistics/population?facilityId=${facilityB}`);
    assert.deepEqual(onlyB.body.facilities.map((f) => f.facilityCode), ['STAT-B']);
    assert.equal(onlyB.body.total.total, 1);
  });

  test('occupancy: capacity of active cells, people placed now, percentage of baseline, overcrowding', async () => {
    const r = await governorA.get<OccupancyStatistics>('/api/v1/statistics/occupancy');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.facilities.length, 1);
    const a = r.body.facilities[0]!;
    const row = (path: string) => a.places.find((p) => p.path === path) as PlaceOccupancy;
    // Tree order, numbered codes in number order; the yard has no cells and is left out.
    assert.deepEqual(
      a.places.map((p) => [p.path, p.depth]),
      [['-1', 0], ['-1-1', 1], ['A', 0], ['A-1', 1], ['A-1-1', 2], ['A-1-1-2', 3], ['A-1-1-10', 3]],
    );
    // Paths are those location_path() gives everywhere else.
    for (const p of a.places) {
      const r = await sql<{ path: string }>`select location_path(${p.locationId}::uuid) as path`.execute(t.db);
      assert.equal(p.path, r.rows[0]!.path);
    }
    // Cell 2: four placed (one at court keeps the bed) against 2 baseline / 3 operational.
    assert.deepEqual(
      (({ cells, baselineCapacity, operationalCapacity, occupants, temporarilyAbsent, occupancyPercent, overcrowded }) => ({ cells, baselineCapacity, operationalCapacity, occupants, temporarilyAbsent, occupancyPercent, overcrowded }))(row('A-1-1-2')),
      { cells: 1, baselineCapacity: 2, operationalCapacity: 3, occupants: 4, temporarilyAbsent: 1, occupancyPercent: 200, overcrowded: true },
    );
    assert.equal(row('A-1-1-10').overcrowded, false);
    assert.equal(row('A-1-1-10').occupancyPercent, 100);
    // The wing adds up its active cells (the cell under repair adds no capacity).
    for (const path of ['A', 'A-1', 'A-1-1']) {
      const w = row(path);
      assert.deepEqual([w.cells, w.baselineCapacity, w.operationalCapacity, w.occupants, w.overcrowded], [2, 3, 4, 5, true], path);
      assert.equal(w.occupancyPercent, 166.7);
    }
    assert.equal(row('A-1').locationId, wing.id);
    assert.equal(row('A-1-1').parentId, wing.id);
    assert.equal(row('A-1-1').locationId, landing.id);
    assert.equal(row('-1').name, '+Подвал');
    assert.equal(row('-1').locationId, basement.id);
    // The facility: 5 + 1 in cells, one in reception; the person in transit is in none.
    assert.deepEqual([a.baselineCapacity, a.operationalCapacity, a.occupants, a.unallocated, a.overcrowded], [5, 6, 6, 1, false]);
    assert.equal(a.occupancyPercent, 120);
    assert.ok(a.places.every((p) => p.locationId !== cell1.id || p.occupants === 4));
    assert.ok(a.places.some((p) => p.locationId === cell2.id));
  });

  test('CSV export: localized headers, the same numbers, formula-like text neutralised, and audited', async () => {
    assert.equal((await hq.put('/api/v1/auth/preferences', { language: 'tg' })).status, 200);
    const res = await rawGet(hq, '/api/v1/statistics/population.csv');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="vigil-population-\d{4}-\d{2}-\d{2}\.csv"/);
    const bytes = Buffer.from(await res.arrayBuffer());
    // The byte-order mark makes Excel read the file as UTF-8 (Cyrillic and Tajik headers).
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const rows = parseCsv(text);
    assert.equal(rows[0]![0], 'Рамзи муассиса');
    assert.ok(rows[0]!.includes('Марбут ба ифротгароӣ'));
    assert.ok(rows[0]!.includes('То 18-сола'));
    const a = rows.find((r) => r[0] === 'STAT-A')!;
    assert.deepEqual(a.slice(2, 10), ['8', '6', '1', '1', '2', '6', '7', '1']);
    const b = rows.find((r) => r[0] === 'STAT-B')!;
    assert.equal(b[1], '\'=HYPERLINK("http://evil.example","click")');
    assert.equal(rows.at(-1)![0], 'Ҳамагӣ');
    // No cell a spreadsheet would run, and no prisoner name in an aggregate report.
    for (const r of rows) for (const c of r) assert.doesNotMatch(c, /^[=+\-@\t\r]/, `cell ${c}`);
    assert.ok(!text.includes('cmd|') && !text.includes('SUM(1+1)'));

    const occ = parseCsv(await (await rawGet(hq, `/api/v1/statistics/occupancy.csv?facilityId=${facilityA}`)).text());
    assert.equal(occ[0]![1], 'Ҷой');
    assert.equal(occ[1]![2], 'Тамоми муассиса');
    const basementRow = occ.find((r) => r[1] === "'-1")!;
    assert.ok(basementRow, 'the path "-1" is written neutralised');
    assert.equal(basementRow[3], "'+Подвал");
    const cellRow = occ.find((r) => r[1] === 'A-1-1-2')!;
    assert.deepEqual(cellRow.slice(2, 11), ['Камера', 'cell 2', '1', '2', '3', '4', '1', '200', 'Ҳа']);
    for (const r of occ) for (const c of r) assert.doesNotMatch(c, /^[=+\-@\t\r]/, `cell ${c}`);

    const exported = await t.db
      .selectFrom('audit_events')
      .select(['action', 'entity_id', 'facility_id', 'actor_username', 'after'])
      .where('action', '=', 'statistics.exported')
      .orderBy('seq')
      .execute();
    assert.deepEqual(exported.map((e) => [e.entity_id, (e.after as { format: string }).format, e.facility_id]), [
      ['population', 'csv', null],
      ['occupancy', 'csv', facilityA],
    ]);
  });

  test('XLSX export parses back with the same numbers, numbers as numbers and text as neutralised text', async () => {
    assert.equal((await hq.put('/api/v1/auth/preferences', { language: 'ru' })).status, 200);
    const res = await rawGet(hq, '/api/v1/statistics/population.xlsx');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0]!;
    assert.equal(sheet.name, 'Численность');
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    assert.equal(values(1)[0], 'Код учреждения');
    const json = (await hq.get<PopulationStatistics>('/api/v1/statistics/population')).body;
    for (let n = 2; n <= sheet.rowCount; n++) {
      const v = values(n);
      for (const c of v) {
        if (typeof c === 'string') assert.doesNotMatch(c, /^[=+\-@]/);
        else assert.ok(c === undefined || c === null || typeof c === 'number', `cell ${JSON.stringify(c)} is a value, never a formula`);
      }
      const f = json.facilities.find((x) => x.facilityCode === v[0]);
      const counts = f ?? (v[0] === 'Итого' ? json.total : null);
      assert.ok(counts, `row ${n}: ${String(v[0])}`);
      assert.deepEqual(v.slice(2, 10), [counts.total, counts.inCustody, counts.temporarilyAbsent, counts.inTransit, counts.byLegalStatus.untried, counts.byLegalStatus.convicted, counts.bySex.male, counts.bySex.female]);
    }
    const bRow = values(json.facilities.findIndex((f) => f.facilityCode === 'STAT-B') + 2);
    assert.equal(bRow[1], '\'=HYPERLINK("http://evil.example","click")');

    const occ = new ExcelJS.Workbook();
    await occ.xlsx.load(await (await rawGet(governorA, '/api/v1/statistics/occupancy.xlsx')).arrayBuffer());
    const rows = occ.worksheets[0]!.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    const cellRow = rows.find((r) => r[1] === 'A-1-1-2')!;
    assert.deepEqual(cellRow.slice(4, 10), [1, 2, 3, 4, 1, 200]);
    assert.ok(rows.some((r) => r[1] === "'-1"));
  });
});
