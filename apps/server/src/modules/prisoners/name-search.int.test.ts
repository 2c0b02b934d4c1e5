import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { freshDatabase } from '../../testing/test-database.ts';
import { searchPrisonerIds, searchTermsFor, type PrisonerNames, type SearchOptions } from './name-search.ts';

type Person = Partial<PrisonerNames> & Pick<PrisonerNames, 'prisonNumber' | 'familyName' | 'givenName'> & { released?: boolean };

describe(`name search (${process.env.TEST_STORE ?? 'pglite'})`, () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let db: Kysely<DB>;
  let facilityA: string;
  let facilityB: string;
  const id: Record<string, string> = {};

  async function facility(code: string) {
    const row = await db
      .insertInto('facilities')
      .values({ code, name: `Колония ${code}`, country: 'TJ', region: 'Sughd', time_zone: 'Asia/Dushanbe', type: 'colony-strict', capacity: 100 })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function admit(label: string, facilityId: string, p: Person) {
    const names: PrisonerNames = {
      patronymic: null,
      familyNameLatin: null,
      givenNameLatin: null,
      patronymicLatin: null,
      aliases: [],
      documentNumbers: [],
      ...p,
    };
    const row = await db
      .insertInto('prisoners')
      .values({
        prison_number: p.prisonNumber,
        facility_id: facilityId,
        state: p.released ? 'released' : 'in-custody',
        family_name: names.familyName,
        given_name: names.givenName,
        patronymic: names.patronymic,
        family_name_latin: names.familyNameLatin,
        given_name_latin: names.givenNameLatin,
        patronymic_latin: names.patronymicLatin,
        date_of_birth: '1990-05-01',
        sex: 'male',
        legal_status: 'convicted',
        security_category: 'medium',
        admitted_at: new Date('2025-01-10T08:00:00Z'),
        released_at: p.released ? new Date('2026-01-10T08:00:00Z') : null,
        file: '{}',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('prisoner_search_terms')
      .values(searchTermsFor(names).map((t) => ({ ...t, prisoner_id: row.id })))
      .execute();
    id[label] = row.id;
  }

  const search = (query: string, opts: Partial<SearchOptions> = {}) =>
    searchPrisonerIds(db, { query, facilityIds: [facilityA], limit: 20, ...opts });
  /** Who comes first, by label. */
  const first = async (query: string, opts: Partial<SearchOptions> = {}) => {
    const hits = await search(query, opts);
    return Object.keys(id).find((label) => id[label] === hits[0]?.prisonerId);
  };
  const labels = async (query: string, opts: Partial<SearchOptions> = {}) =>
    (await search(query, opts)).map((h) => Object.keys(id).find((label) => id[label] === h.prisonerId));

  before(async () => {
    database = await freshDatabase();
    db = database.db;
    facilityA = await facility('NS-A');
    facilityB = await facility('NS-B');
    await admit('jamshed', facilityA, {
      prisonNumber: 'A-7001',
      familyName: 'Муҳаммадов',
      givenName: 'Ҷамшед',
      patronymic: 'Раҳимович',
      familyNameLatin: 'Mukhammadov',
      givenNameLatin: 'Dzhamshed',
      patronymicLatin: 'Rakhimovich',
      // A passport number typed with Cyrillic А and В.
      documentNumbers: ['АВ 1234567'],
    });
    await admit('jamshedInB', facilityB, { prisonNumber: 'B-7001', familyName: 'Муҳаммадов', givenName: 'Ҷамшед', patronymic: 'Раҳимович' });
    await admit('qurbon', facilityA, { prisonNumber: 'A-7002', familyName: 'Ғафуров', givenName: 'Қурбон', aliases: ['Курбон Каландаров'] });
    await admit('farrukh', facilityA, { prisonNumber: 'A-7003', familyName: 'Ҳасанов', givenName: 'Фаррух', patronymic: 'Ёрович', released: true });
    await admit('sergei', facilityA, { prisonNumber: 'A-7004', familyName: 'Иванов', givenName: 'Сергей', patronymic: 'Петрович' });
    await admit('zulfiya', facilityA, { prisonNumber: 'A-7005', familyName: 'Шарифӣ', givenName: 'Зулфия' });
    await admit('daler', facilityA, { prisonNumber: 'A-7006', familyName: 'Раҳмонов', givenName: 'Далер', patronymic: 'Абдуллоевич' });
    await admit('utkir', facilityA, { prisonNumber: 'A-7007', familyName: 'Тошматов', givenName: 'Ўткир', patronymic: 'Эргашевич' });
  });
  after(() => database.close());

  test('the issue: Муҳаммад, Мухаммад, Muhammad, Mukhammad and Mohammed find each other', async () => {
    for (const q of ['Муҳаммадов', 'Мухаммадов Джамшед', 'Muhammadov Jamshed', 'Mukhammadov Dzhamshed', 'Mohammedov Djamshed', 'MUHAMMADOV JAMSHED RAHIMOVICH']) {
      assert.deepEqual(await labels(q), ['jamshed'], q);
    }
    const hit = (await search('Mukhammadov Dzhamshed Rakhimovich'))[0]!;
    assert.equal(hit.score, 1);
    assert.ok(['Муҳаммадов Ҷамшед Раҳимович', 'Mukhammadov Dzhamshed Rakhimovich'].includes(hit.matched), hit.matched);
  });

  test('the issue: ҷ/дж/j, ғ/г/gh, қ/к/q, ҳ/х/h/kh, ӣ/и/i, ӯ/ў/у/u, ё/yo/e', async () => {
    for (const q of ['Джамшед Мухаммадов', 'Jamshed Muhammadov']) assert.equal(await first(q), 'jamshed', q);
    for (const q of ['Гафуров Курбон', 'Ghafurov Qurbon', 'Gafurov Kurbon', "G'afurov Qurbon"]) assert.equal(await first(q), 'qurbon', q);
    for (const q of ['Хасанов Фаррух Ёрович', 'Khasanov Farrukh Yorovich', 'Hasanov Farrukh Erovich']) {
      assert.equal(await first(q, { includeReleased: true }), 'farrukh', q);
    }
    for (const q of ['Шарифи Зулфия', 'Sharifi Zulfiya', 'Šarifī Zulfiâ']) assert.equal(await first(q), 'zulfiya', q);
    for (const q of ["Toshmatov O'tkir", 'Toshmatov Utkir Ergashevich', 'Тошматов Уткир']) assert.equal(await first(q), 'utkir', q);
  });

  test('the issue: reversed name order', async () => {
    assert.equal(await first('Sergei Petrovich Ivanov'), 'sergei');
    assert.equal(await first('Сергей Иванов'), 'sergei');
    assert.equal(await first('Zulfiya Sharifi'), 'zulfiya');
  });

  test('Tajik о for Russian а, a misspelt word, and an alias', async () => {
    assert.equal(await first('Рахманов Далер Абдуллаевич'), 'daler');
    assert.equal(await first('Rahmanov Daler'), 'daler');
    // A first letter mistyped: no name has every word, so the near misses are searched.
    assert.equal(await first('Muhammadov Jamshed Sahimovich'), 'jamshed');
    assert.equal(await first('Kalandarov Kurbon'), 'qurbon');
    const alias = (await search('Каландаров'))[0]!;
    assert.equal(alias.matched, 'Курбон Каландаров');
  });

  test('Jusufova (a passport spelling of Юсуфова) finds Юсуфова, not the men named Zhasur', async () => {
    const facilityR = await facility('NS-R');
    await admit('yusufova', facilityR, { prisonNumber: 'R-1', familyName: 'Юсуфова', givenName: 'Малика' });
    await admit('jasurKarimov', facilityR, { prisonNumber: 'R-2', familyName: 'Каримов', givenName: 'Жасур' });
    await admit('jasurNazarov', facilityR, { prisonNumber: 'R-3', familyName: 'Nazarov', givenName: 'Zhasur' });
    await admit('jasurov', facilityR, { prisonNumber: 'R-4', familyName: 'Жасуров', givenName: 'Фарҳод' });
    await admit('jasurova', facilityR, { prisonNumber: 'R-5', familyName: 'Жасурова', givenName: 'Нилуфар' });
    for (const q of ['Jusufova', 'Jusufova Malika', 'Yusufova', 'Юсуфова']) assert.equal(await first(q, { facilityIds: [facilityR] }), 'yusufova', q);
    // Ҷ and Ж are still j: Jasur finds the men named Жасур, and not Юсуфова first.
    assert.notEqual(await first('Jasur Karimov', { facilityIds: [facilityR] }), 'yusufova');
    assert.equal(await first('Jasur Karimov', { facilityIds: [facilityR] }), 'jasurKarimov');
  });

  test('names with the same key come in order of how close their spelling is to the query', async () => {
    const facilityS = await facility('NS-S');
    await admit('russian', facilityS, { prisonNumber: 'S-1', familyName: 'Мухаммадиев', givenName: 'Рустам' });
    await admit('tajik', facilityS, { prisonNumber: 'S-2', familyName: 'Муҳаммадиев', givenName: 'Рустам' });
    await admit('latin', facilityS, { prisonNumber: 'S-3', familyName: 'Mohammadiev', givenName: 'Rustam' });
    const inS = { facilityIds: [facilityS] };
    const hits = await search('Mukhammadiev Rustam', inS);
    assert.equal(new Set(hits.map((h) => h.score)).size, 1, 'one key, one score');
    assert.deepEqual(await labels('Mukhammadiev Rustam', inS), ['russian', 'tajik', 'latin']);
    assert.equal(await first('Muhammadiev Rustam', inS), 'tajik');
    assert.equal(await first('Mohammadiev Rustam', inS), 'latin');
    assert.equal(await first('Мухаммадиев Рустам', inS), 'russian');
    assert.equal(await first('Муҳаммадиев Рустам', inS), 'tajik');
  });

  test('numbers: prison numbers and documents, exactly or by prefix', async () => {
    for (const q of ['A-7001', 'a7001', 'A 7001', 'АВ1234567', 'ab 123 45 67']) {
      const hits = await search(q);
      assert.deepEqual(hits.map((h) => h.prisonerId), [id.jamshed], q);
      assert.equal(hits[0]!.score, 1, q);
    }
    // A prefix finds the series, without the released prisoner.
    assert.deepEqual(await labels('A-700'), ['jamshed', 'qurbon', 'sergei', 'zulfiya', 'daler', 'utkir']);
    assert.deepEqual(await labels('A-7004'), ['sergei']);
    assert.deepEqual(await labels('A7'), [], 'too short for a prefix, and no such number');
  });

  test('facility scope: all, some, none', async () => {
    assert.deepEqual((await labels('Muhammadov Jamshed', { facilityIds: 'all' })).sort(), ['jamshed', 'jamshedInB']);
    assert.deepEqual(await labels('Muhammadov Jamshed', { facilityIds: [facilityB] }), ['jamshedInB']);
    assert.deepEqual(await labels('Muhammadov Jamshed', { facilityIds: [] }), []);
    assert.deepEqual(await labels('B-7001'), []);
    assert.deepEqual(await labels('B-7001', { facilityIds: [facilityA, facilityB] }), ['jamshedInB']);
  });

  test('released prisoners are left out unless asked for', async () => {
    assert.deepEqual(await labels('Hasanov Farrukh'), []);
    assert.deepEqual(await labels('A-7003'), []);
    assert.deepEqual(await labels('Hasanov Farrukh', { includeReleased: true }), ['farrukh']);
    assert.deepEqual(await labels('A-7003', { includeReleased: true }), ['farrukh']);
  });

  test('nothing to look for: empty, punctuation, initials only; limit is kept', async () => {
    for (const q of ['', '   ', '—', 'Ф. А.']) assert.deepEqual(await search(q), [], JSON.stringify(q));
    assert.equal((await search('A-700', { limit: 2 })).length, 2);
  });

  test('searchTermsFor: the name, its Latin form when it spells differently, aliases and numbers', () => {
    const terms = searchTermsFor({
      prisonNumber: ' A-7001 ',
      familyName: 'Муҳаммадов',
      givenName: 'Ҷамшед',
      patronymic: 'Раҳимович',
      familyNameLatin: 'Mukhammadov',
      givenNameLatin: 'Dzhamshed',
      patronymicLatin: 'Rakhimovich',
      aliases: ['Джамик', 'Jamik', ''],
      documentNumbers: ['АВ 1234567', 'AB1234567', '7001'],
    });
    assert.deepEqual(terms, [
      // The Latin form has the same key as the Cyrillic name: it would add nothing.
      { kind: 'name', term: 'Муҳаммадов Ҷамшед Раҳимович', key: 'mahamadav jamxad rahimavic' },
      { kind: 'alias', term: 'Джамик', key: 'jamik' },
      { kind: 'number', term: 'A-7001', key: 'A7001' },
      { kind: 'number', term: 'АВ 1234567', key: 'AB1234567' },
      { kind: 'number', term: '7001', key: '7001' },
    ]);
    const latinOnly = searchTermsFor({ prisonNumber: 'X1', familyName: 'Ivanov', givenName: 'Sergei', patronymic: null, familyNameLatin: 'Ivanov', givenNameLatin: 'Sergey', patronymicLatin: null, aliases: [], documentNumbers: [] });
    assert.deepEqual(latinOnly.map((t) => t.term), ['Ivanov Sergei', 'X1']);
  });
});
