import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { extractText, getDocumentProxy } from 'unpdf';
import { PrisonerFile, type Location, type LocationKind, type Prisoner } from '@vigil/contracts';
import { startTestApp, type Client, type TestApp } from '../../testing/harness.ts';
import { admitPrisoner } from '../../testing/prisoner-fixtures.ts';
import { systemContext } from '../../platform/access/actor.ts';
import { movePlacement } from './placements.repository.ts';
import { factories, type Factories, type PlaceFields } from '../../testing/factories.ts';

// A 3×4 dark blue PNG: enough to prove the photograph is embedded.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAMAAAAECAIAAADETxJQAAAAEElEQVR42mOQs6mAIAa8LADA0AnZjO0h/gAAAABJRU5ErkJggg==', 'base64');

/** The text a reader (or a search) gets out of the PDF, whitespace made single spaces. */
async function pdfText(bytes: ArrayBuffer): Promise<string> {
  // pdf.js takes (detaches) the buffer it is given: give it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(bytes.slice(0)));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

describe(`printable prisoner record over HTTP (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let t: TestApp;
  let factory: Factories;
  let facilityA: string;
  let facilityB: string;
  let prisoner: Prisoner;
  let governor: Client;
  let outsider: Client;
  let cell: Location;
  const system = systemContext('test');

  const get = (c: Client, path: string) => fetch(t.url + path, { headers: c.cookie ? { cookie: c.cookie } : {} });

  before(async () => {
    t = await startTestApp();
    factory = factories(t);
    facilityA = (await factory.facility('PDF-A', { name: 'СИЗО-2 Хуҷанд' })).id;
    facilityB = (await factory.facility('PDF-B')).id;
    const place = (parentId: string | null, kind: LocationKind, code: string, extra: PlaceFields = {}) => factory.place(facilityA, kind, parentId, { ...extra, code, name: `${kind} ${code}` });
    const landing = await place((await place((await place(null, 'building', 'A')).id, 'wing', '2')).id, 'landing', '1');
    cell = await place(landing.id, 'cell', '14', { baselineCapacity: 2, operationalCapacity: 2, sexDesignation: 'male', securityLevel: 'high' });

    const file = PrisonerFile.parse({
      identity: {
        familyName: 'Ҷӯраев',
        givenName: 'Ғаффор',
        patronymic: 'Қаҳҳорович',
        familyNameLatin: 'Juraev',
        givenNameLatin: 'Gaffor',
        dateOfBirth: '1988-03-21',
        placeOfBirth: 'Хуҷанд',
        sex: 'male',
        nationality: 'TJ',
        aliases: ['Ҷӯраев Ғ.'],
        languages: ['тоҷикӣ', 'русский'],
        documents: [{ kind: 'passport', number: '400123456', issuedBy: 'ШВКД Хуҷанд', country: 'TJ' }],
      },
      legal: {
        status: 'convicted',
        charges: [{ offence: 'Дуздӣ', article: '244', extremismRelated: false }],
        courtCases: [{ court: 'Суди шаҳри Хуҷанд', caseNumber: '1-245/2024' }],
        sentences: [{ court: 'Суди шаҳри Хуҷанд', startDate: '2024-01-10', years: 5, months: 0, days: 0, remandDays: 90 }],
        commitmentOrders: [{ kind: 'court-sentence', issuedBy: 'Суди шаҳри Хуҷанд', reference: 'Ҳ-77', issuedOn: '2024-01-10' }],
      },
      family: {
        children: [{ name: 'Зуҳро', age: 7, whereabouts: 'Хуҷанд', carer: 'Модараш' }],
        emergencyContact: { name: 'Ҷӯраева Малика', relationship: 'ҳамсар', phone: '+992 92 000 0000' },
      },
      admission: { visibleInjuries: 'Захми хурд дар даст', health: { substanceUse: true } },
      securityCategory: 'high',
    });
    prisoner = await t.db.transaction().execute((trx) =>
      t.services.prisoners.admit(trx, system, { facilityId: facilityA, prisonNumber: 'PDF-0001', file, admittedAt: new Date(), reason: 'қабул' }),
    );
    await t.services.prisoners.setPhoto(system, prisoner.id, PNG);
    await t.db.transaction().execute((trx) => movePlacement(trx, { prisonerId: prisoner.id, facilityId: facilityA, locationId: cell.id, reason: 'ҷойгиркунӣ', movedBy: 'test' }));
    // An alert everyone with alerts.read sees, one ended (not printed), and one restricted to intelligence.
    const other = await admitPrisoner(t, facilityB, { familyName: 'Каримов' });
    await t.db
      .insertInto('prisoner_alerts')
      .values([
        { prisoner_id: prisoner.id, code: 'self-harm', starts_on: '2024-02-01', raised_by: 'doctor.one', comment: 'Назорати ҳаррӯза' },
        { prisoner_id: prisoner.id, code: 'escape-risk', starts_on: '2024-01-01', ends_on: '2024-01-31', raised_by: 'x', ended_by: 'y', end_reason: 'r' },
        { prisoner_id: prisoner.id, code: 'intelligence-interest', starts_on: '2024-02-01', raised_by: 'intel.one', comment: 'maxfi' },
        { prisoner_id: prisoner.id, code: 'keep-apart', starts_on: '2024-02-01', raised_by: 'officer.one', related_prisoner_id: other.id },
      ])
      .execute();

    governor = await t.signedIn(['governor'], { facilityIds: [facilityA] });
    outsider = await t.signedIn(['governor'], { facilityIds: [facilityB] });
  });
  after(() => t.close());

  test('401 without a session, 403 without prisoners.read, 404 in another facility and for an unknown id', async () => {
    const path = `/api/v1/prisoners/${prisoner.id}/record.pdf`;
    assert.equal((await get(t.client(), path)).status, 401);
    const analyst = await t.signedIn(['hq_analyst'], { allFacilities: true });
    assert.equal((await get(analyst, path)).status, 403);
    const hidden = await get(outsider, path);
    assert.equal(hidden.status, 404);
    assert.equal(((await hidden.json()) as { code: string }).code, 'not-found');
    assert.equal((await get(governor, '/api/v1/prisoners/00000000-0000-4000-8000-000000000000/record.pdf')).status, 404);
  });

  test('in Tajik: a PDF whose text holds the Tajik labels and the name with ҷ ӯ ғ қ ҳ', async () => {
    assert.equal((await governor.put('/api/v1/auth/preferences', { language: 'tg' })).status, 200);
    const res = await get(governor, `/api/v1/prisoners/${prisoner.id}/record.pdf`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.equal(res.headers.get('content-disposition'), 'inline; filename="prisoner-PDF-0001.pdf"');
    assert.match(res.headers.get('cache-control') ?? '', /no-store/);
    const bytes = await res.arrayBuffer();
    assert.equal(Buffer.from(bytes.slice(0, 5)).toString('latin1'), '%PDF-');
    const text = await pdfText(bytes);
    for (const expected of [
      'Парвандаи шахсии маҳбус',
      'Ҷӯраев Ғаффор Қаҳҳорович',
      'Juraev Gaffor',
      'PDF-0001',
      'СИЗО-2 Хуҷанд',
      'Санаи таваллуд',
      'Ҷинс',
      'Мард',
      'Маҳкумшуда',
      'Тоҷикистон',
      'Шиноснома',
      'Айбдоркуниҳо ва ҷиноятҳо',
      'Суди шаҳри Хуҷанд',
      'Зуҳро',
      'Захми хурд дар даст',
      'Истеъмоли моддаҳои психоактивӣ',
      'Хавфи ба худ зарар расондан',
      'Назорати ҳаррӯза',
      'дар муассисаи дигар',
      'A-2-1-14',
      'Таърихи ҷойгиршавӣ',
      'ҷойгиркунӣ',
      'Версияи парванда 2',
    ]) {
      assert.ok(text.includes(expected), `the PDF text should contain "${expected}"`);
    }
    for (const letter of 'ғӣқӯҳҷ') assert.ok(text.includes(letter), `Tajik letter ${letter}`);
    // Ended alerts are history, not printed; restricted codes only for the roles they are for.
    assert.ok(!text.includes('Хавфи фирор'));
    assert.ok(!text.includes('Таваҷҷӯҳи оперативӣ') && !text.includes('maxfi'));
    // The photograph is embedded as an image.
    assert.ok(Buffer.from(bytes).includes(Buffer.from('/Subtype /Image')));
  });

  test('in English the labels change and the name stays in its own script; printing is audited', async () => {
    assert.equal((await governor.put('/api/v1/auth/preferences', { language: 'en' })).status, 200);
    const text = await pdfText(await (await get(governor, `/api/v1/prisoners/${prisoner.id}/record.pdf`)).arrayBuffer());
    assert.ok(text.includes('Prisoner record'));
    assert.ok(text.includes('Date of birth'));
    assert.ok(text.includes('Ҷӯраев Ғаффор Қаҳҳорович'));
    assert.ok(text.includes('Self-harm risk'));
    assert.ok(!text.includes('Парвандаи шахсии маҳбус'));

    const printed = await t.db
      .selectFrom('audit_events')
      .select(['entity_id', 'facility_id', 'actor_username', 'after'])
      .where('action', '=', 'prisoner.printed')
      .orderBy('seq')
      .execute();
    assert.equal(printed.length, 2);
    assert.ok(printed.every((e) => e.entity_id === prisoner.id && e.facility_id === facilityA && e.actor_username?.endsWith('governor')));
    assert.deepEqual(
      printed.map((e) => (e.after as { language: string }).language),
      ['tg', 'en'],
    );
  });

  test('intelligence staff see the restricted alert, and that is recorded with the print', async () => {
    const intel = await t.signedIn(['intelligence_analyst'], { facilityIds: [facilityA] });
    const res = await get(intel, `/api/v1/prisoners/${prisoner.id}/record.pdf`);
    assert.equal(res.status, 200);
    const text = await pdfText(await res.arrayBuffer());
    assert.ok(text.includes('Intelligence interest'));
    const last = await t.db.selectFrom('audit_events').select(['after']).where('action', '=', 'prisoner.printed').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.equal((last.after as { restrictedAlertIds: string[] }).restrictedAlertIds.length, 1);
  });
});
