// `npm run bench -- search`: cross-script name search over 1,000,000 people on PostgreSQL.
//
// A fresh database (the real migrations) is loaded with generated people: Tajik, Uzbek and
// Russian names, recorded in Tajik Cyrillic, in Russian respelling or in Latin, most with a Latin
// form in one of several systems, and their search terms as the prisoners service writes them.
// A test set of variant spellings is built from the transliteration standards
// (apps/server/src/testing/transliteration-standards.ts): for 400 of the loaded people, their name
// as ICAO, GOST 7.79 A/B, BGN/PCGN, ALA-LC, ALA-LC Tajik or Russian respelling writes it, in
// either word order. Each query is run through
//   (a) searchPrisonerIds, the production search (name keys, pg_trgm on the key), over everyone
//       and, as an officer searches, within the person's facility without released prisoners;
//   (b) a plain pg_trgm search, `term % $1 order by similarity(term, $1) desc limit 20`, over every
//       name as written (name and Latin columns), with a GIN trigram index made by the benchmark;
// timed (top 20, one query at a time, in the client) and scored: recall@10 = the person is among
// the first ten. Results: bench/results/search.json. See bench/README.md.
import { cpus, loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { connectDatabase, type Database } from '../apps/server/src/platform/db/connect.ts';
import { migrate } from '../apps/server/src/platform/db/migrate.ts';
import type { DB } from '../apps/server/src/platform/db/schema.ts';
import { createScratchPostgresDatabase } from '../apps/server/src/testing/test-database.ts';
import { NAME_SEARCH, searchPrisonerIds, searchTermsFor } from '../apps/server/src/modules/prisoners/name-search.ts';
import { seededRandom, type Random } from '../apps/server/src/modules/demo/random.ts';
import { MISSING_DATA_MESSAGE, SYSTEMS, loadStandards, type Standards, type VariantPair } from '../apps/server/src/testing/transliteration-standards.ts';
import { makePerson, type Person } from './search-people.ts';

const PEOPLE = Number(process.env.BENCH_SEARCH_PEOPLE ?? 1_000_000);
const QUERIES = Number(process.env.BENCH_SEARCH_QUERIES ?? 400);
// The plain trigram search takes up to seconds a query at this size: it runs on every fourth query.
const PLAIN_EVERY = Number(process.env.BENCH_SEARCH_PLAIN_EVERY ?? 4);
const PLAIN_TIMEOUT_MS = 10_000;
const SEED = Number(process.env.BENCH_SEARCH_SEED ?? 20261122);
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const FACILITIES = 10;
const TOP = 20;
const TARGET = { p95BelowMs: 50, recallAt10AtLeast: 0.95 };
const RESULTS = fileURLToPath(new URL('./results/search.json', import.meta.url));

// ---------------------------------------------------------------------------------------------
// Loading.

const prisonNumber = (i: number) => `B${String(i).padStart(7, '0')}`;

async function load(db: Kysely<DB>, people: Person[], log: (s: string) => void) {
  const facilityIds: string[] = [];
  for (let f = 0; f < FACILITIES; f++) {
    const row = await db
      .insertInto('facilities')
      .values({ code: `BENCH-${f}`, name: `Исправительная колония № ${f + 1}`, country: 'TJ', region: 'Sughd', time_zone: 'Asia/Dushanbe', type: 'colony-strict', capacity: 200_000 })
      .returning('id')
      .executeTakeFirstOrThrow();
    facilityIds.push(row.id);
  }
  // Bulk load without the indexes, then rebuild them exactly as the migrations made them.
  const indexes = await sql<{ indexname: string; indexdef: string }>`
    select indexname, indexdef from pg_indexes
    where tablename in ('prisoners', 'prisoner_search_terms') and indexname not like '%_pkey'`.execute(db);
  for (const ix of indexes.rows) await sql`drop index ${sql.id(ix.indexname)}`.execute(db);

  // The load is the benchmark's own business: no need to wait for each batch to reach the disk.
  await sql`set synchronous_commit = off`.execute(db);
  const BATCH = 50_000;
  for (let start = 0; start < people.length; start += BATCH) {
    const batch = people.slice(start, start + BATCH);
    const col = <T>(f: (p: Person, i: number) => T) => batch.map((p, i) => f(p, start + i));
    await sql`
      insert into prisoners (id, prison_number, facility_id, state, family_name, given_name, patronymic,
        family_name_latin, given_name_latin, patronymic_latin, date_of_birth, sex, legal_status, security_category, admitted_at, file)
      select u.id, u.num, u.facility, u.state, u.family, u.given, u.pat, u.lfamily, u.lgiven, u.lpat,
        date '1960-01-01' + (u.n % 16000), u.sex, 'convicted', 'medium', now(), '{}'::jsonb
      from unnest(${col((p) => p.id)}::uuid[], ${col((_, i) => prisonNumber(i))}::text[], ${col((p) => facilityIds[p.facility]!)}::uuid[],
        ${col((p) => (p.released ? 'released' : 'in-custody'))}::text[], ${col((p) => p.family)}::text[], ${col((p) => p.given)}::text[],
        ${col((p) => p.patronymic)}::text[], ${col((p) => p.latin?.[0] ?? null)}::text[], ${col((p) => p.latin?.[1] ?? null)}::text[],
        ${col((p) => p.latin?.[2] ?? null)}::text[], ${col((_, i) => i)}::int[], ${col((p) => (p.female ? 'female' : 'male'))}::text[])
        as u(id, num, facility, state, family, given, pat, lfamily, lgiven, lpat, n, sex)`.execute(db);
    const terms = batch.flatMap((p, i) =>
      searchTermsFor({
        prisonNumber: prisonNumber(start + i),
        familyName: p.family,
        givenName: p.given,
        patronymic: p.patronymic,
        familyNameLatin: p.latin?.[0] ?? null,
        givenNameLatin: p.latin?.[1] ?? null,
        patronymicLatin: p.latin?.[2] ?? null,
        aliases: [],
        documentNumbers: [],
      }).map((t) => ({ ...t, prisonerId: p.id })),
    );
    await sql`
      insert into prisoner_search_terms (prisoner_id, kind, term, key)
      select * from unnest(${terms.map((t) => t.prisonerId)}::uuid[], ${terms.map((t) => t.kind)}::text[],
        ${terms.map((t) => t.term)}::text[], ${terms.map((t) => t.key)}::text[])`.execute(db);
    if ((start / BATCH) % 4 === 3) log(`  loaded ${start + batch.length} people`);
  }
  await sql`set maintenance_work_mem = '512MB'`.execute(db);
  for (const ix of indexes.rows) {
    const t0 = performance.now();
    await sql.raw(ix.indexdef).execute(db);
    log(`  index ${ix.indexname} rebuilt in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  return facilityIds;
}

// ---------------------------------------------------------------------------------------------
// Measuring.

interface Query {
  pair: VariantPair;
  person: Person;
  prisonerId: string;
}

/** A few hundred people recorded in Cyrillic, each searched for by one variant: systems and word orders in turn. */
function testSet(people: Person[], standards: Standards, r: Random): Query[] {
  const kinds = [...SYSTEMS.flatMap((s) => [`${s}:0`, `${s}:1`]), 'original:1'];
  const picked = new Set<number>();
  const out: Query[] = [];
  while (out.length < QUERIES) {
    const i = r.int(0, people.length - 1);
    const p = people[i]!;
    if (!p.cyrillic || p.released || picked.has(i)) continue;
    picked.add(i);
    const original = [p.family, p.given, p.patronymic].filter(Boolean).join(' ');
    const pairs = standards.variantPairs([original]);
    const want = kinds[out.length % kinds.length]!;
    const pair = pairs.find((x) => `${x.system}:${x.familyLast ? 1 : 0}` === want) ?? r.pick(pairs);
    out.push({ pair, person: p, prisonerId: p.id });
  }
  return out;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN;
};
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

interface MethodResult {
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  recallAt10: number;
  recallAt20: number;
  byVariant: Record<string, { queries: number; recallAt10: number }>;
  misses: { query: string; original: string; system: string; rank: number | null }[];
  slowest: { query: string; ms: number }[];
}

async function measure(
  name: string,
  queries: Query[],
  run: (q: string, person: Person) => Promise<string[]>,
  textOf: (q: Query) => string = (q) => q.pair.variant,
): Promise<MethodResult> {
  const times: number[] = [];
  const ranks: (number | null)[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    const ids = await run(textOf(q), q.person);
    times.push(performance.now() - t0);
    const rank = ids.indexOf(q.prisonerId);
    ranks.push(rank < 0 ? null : rank + 1);
  }
  const hit = (n: number) => ranks.filter((r) => r !== null && r <= n).length / queries.length;
  const byVariant: MethodResult['byVariant'] = {};
  queries.forEach((q, i) => {
    const k = `${q.pair.system}${q.pair.familyLast ? ' (family name last)' : ''}`;
    const v = (byVariant[k] ??= { queries: 0, recallAt10: 0 });
    v.queries++;
    if (ranks[i] !== null && ranks[i]! <= 10) v.recallAt10++;
  });
  for (const v of Object.values(byVariant)) v.recallAt10 = round(v.recallAt10 / v.queries, 3);
  const result = {
    latencyMs: { p50: round(quantile(times, 0.5)), p95: round(quantile(times, 0.95)), p99: round(quantile(times, 0.99)), max: round(Math.max(...times)) },
    recallAt10: round(hit(10), 4),
    recallAt20: round(hit(20), 4),
    byVariant,
    misses: queries
      .map((q, i) => ({ query: q.pair.variant, original: q.pair.original, system: q.pair.system, rank: ranks[i]! }))
      .filter((m) => m.rank === null || m.rank > 10)
      .slice(0, 25),
    slowest: queries
      .map((q, i) => ({ query: textOf(q), ms: round(times[i]!) }))
      .sort((x, y) => y.ms - x.ms)
      .slice(0, 5),
  };
  console.log(`  ${name}: p50 ${result.latencyMs.p50} ms, p95 ${result.latencyMs.p95} ms, p99 ${result.latencyMs.p99} ms; recall@10 ${result.recallAt10}`);
  return result;
}

export async function runSearchBench() {
  const standards = loadStandards();
  if (!standards) throw new Error(`search benchmark: ${MISSING_DATA_MESSAGE}; the test set is built from it`);
  const started = Date.now();
  const load1 = loadavg()[0]!;
  const log = (s: string) => console.log(`${s} (${((Date.now() - started) / 1000).toFixed(0)} s)`);

  // BENCH_SEARCH_DATABASE_URL: measure on a database an earlier run kept (BENCH_SEARCH_KEEP=1).
  const reuse = process.env.BENCH_SEARCH_DATABASE_URL;
  const scratch = reuse ? null : await createScratchPostgresDatabase(ADMIN_URL, 'vigil_bench_search');
  const url = reuse ?? scratch!.url;
  const database: Database = await connectDatabase({ databaseUrl: url, dataDir: '', poolSize: 2 });
  const db = database.db;
  try {
    const r = seededRandom(SEED);
    const people = Array.from({ length: PEOPLE }, () => makePerson(r, standards, FACILITIES));
    log(`generated ${PEOPLE} people`);
    if (reuse) {
      // The ids are random: take them from the kept database, in load order.
      const ids = await sql<{ id: string }>`select id from prisoners where prison_number like 'B%' order by prison_number`.execute(db);
      ids.rows.forEach((row, i) => (people[i]!.id = row.id));
    } else {
      await migrate(db);
      await load(db, people, log);
      log('loaded');
      await sql`vacuum analyze prisoners`.execute(db);
      await sql`vacuum analyze prisoner_search_terms`.execute(db);
    }
    // The plain search's data: every name as written, in the name columns and the Latin columns.
    // (prisoner_search_terms keeps one term per key, so its Latin forms are mostly left out.)
    if (!(await sql`select 1 from pg_class where relname = 'bench_plain_names'`.execute(db)).rows.length) {
      const t0 = performance.now();
      await sql`set maintenance_work_mem = '512MB'`.execute(db);
      await sql`
        create table bench_plain_names as
        select id as prisoner_id, concat_ws(' ', family_name, given_name, patronymic) as term from prisoners
        union all
        select id, concat_ws(' ', family_name_latin, given_name_latin, patronymic_latin) from prisoners where family_name_latin is not null`.execute(db);
      await sql`create index bench_plain_names_term_trgm on bench_plain_names using gin (term gin_trgm_ops)`.execute(db);
      await sql`vacuum analyze bench_plain_names`.execute(db);
      log(`plain search table and its trigram index built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    const facilityIds = (await sql<{ id: string }>`select id from facilities where code like 'BENCH-%' order by code`.execute(db)).rows.map((f) => f.id);
    const counts = await sql<{ kind: string; n: string }>`select kind, count(*) as n from prisoner_search_terms group by kind order by kind`.execute(db);
    const queries = testSet(people, standards, seededRandom(SEED + 1));

    const ours = (q: string) => searchPrisonerIds(db, { query: q, facilityIds: 'all', limit: TOP, includeReleased: true }).then((h) => h.map((x) => x.prisonerId));
    // A connection of its own, where a query that runs out of time counts as a miss.
    const plainClient = await database.pool.connect();
    await plainClient.query(`set statement_timeout = ${PLAIN_TIMEOUT_MS}`);
    const plain = (q: string) =>
      plainClient
        .query<{ prisoner_id: string }>('select prisoner_id from bench_plain_names where term % $1 order by similarity(term, $1) desc limit $2', [q, TOP])
        .then((r) => [...new Set(r.rows.map((x) => x.prisoner_id))])
        .catch((e: { code?: string }) => {
          if (e.code === '57014') return [] as string[];
          throw e;
        });
    // Warm the caches and plans of both, with queries outside the test set.
    for (const q of queries.slice(0, 40)) await ours(q.pair.original);
    for (const q of queries.slice(0, 5)) await plain(q.pair.original);
    log('measuring');
    const a = await measure('name-key search (searchPrisonerIds)', queries, ours);
    const b = await measure('plain pg_trgm on term', queries.filter((_, i) => i % PLAIN_EVERY === 0), plain);
    // Latency of shorter queries (recall means little: many people share a family name).
    const family = await measure('name-key search, family name only', queries, ours, (q) => q.person.family);
    const twoWords = await measure('name-key search, given and family name', queries, ours, (q) => `${q.person.given} ${q.person.family}`);
    // As an officer searches: one facility (the person's own), released prisoners left out.
    const scoped = await measure('name-key search, one facility', queries, (q, person) =>
      searchPrisonerIds(db, { query: q, facilityIds: [facilityIds[person.facility]!], limit: TOP }).then((h) => h.map((x) => x.prisonerId)),
    );
    plainClient.release();
    const version = await sql<{ version: string }>`select version()`.execute(db);

    const verdict = {
      p95Ms: a.latencyMs.p95,
      recallAt10: a.recallAt10,
      p95Ok: a.latencyMs.p95 < TARGET.p95BelowMs,
      recallOk: a.recallAt10 >= TARGET.recallAt10AtLeast,
      pass: a.latencyMs.p95 < TARGET.p95BelowMs && a.recallAt10 >= TARGET.recallAt10AtLeast,
    };
    const result = {
      benchmark: 'search',
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model.trim(),
        node: process.version,
        postgres: version.rows[0]?.version,
        loadAverage1m: { before: round(load1), after: round(loadavg()[0]!) },
      },
      settings: {
        people: PEOPLE,
        facilities: FACILITIES,
        searchTerms: Object.fromEntries(counts.rows.map((c) => [c.kind, Number(c.n)])),
        queries: queries.length,
        top: TOP,
        seed: SEED,
        nameSearch: NAME_SEARCH,
        plain: {
          query: 'select prisoner_id from bench_plain_names where term % $1 order by similarity(term, $1) desc limit 20',
          data: 'bench_plain_names: every name as written, from the name columns and from the Latin columns of prisoners',
          index: 'gin (term gin_trgm_ops), made by the benchmark',
          threshold: 'pg_trgm.similarity_threshold default (0.3)',
          queries: `every ${PLAIN_EVERY}th query of the test set`,
          timeoutMs: PLAIN_TIMEOUT_MS,
        },
        client: 'one connection, queries one after another, timed in the client (round trip included)',
      },
      target: TARGET,
      verdict,
      results: {
        nameKeySearch: a,
        plainTrigram: b,
        nameKeySearchOneFacility: scoped,
        latencyOnly: { familyNameOnly: family.latencyMs, givenAndFamilyName: twoWords.latencyMs },
      },
      totalSeconds: Math.round((Date.now() - started) / 1000),
    };
    mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
    writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
    console.log(
      `\nsearch: p95 ${verdict.p95Ms} ms (target < ${TARGET.p95BelowMs}), recall@10 ${verdict.recallAt10} (target ≥ ${TARGET.recallAt10AtLeast}); ` +
        `plain pg_trgm: p95 ${b.latencyMs.p95} ms, recall@10 ${b.recallAt10} → ${verdict.pass ? 'PASS' : 'FAIL'}\nwritten to bench/results/search.json`,
    );
  } finally {
    await database.close();
    if (scratch && process.env.BENCH_SEARCH_KEEP === '1') console.log(`kept ${scratch.url}`);
    else await scratch?.drop();
  }
}
