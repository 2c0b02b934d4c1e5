// `npm run bench -- import`: commit a 20,000-row prisoner register, on PGlite and on PostgreSQL.
//
// On each store: the register is uploaded and committed through the API as the import screen does
// it (the progress stream opened first, then POST …/commit, timed until the stream says finished),
// while an officer's requests are fired every 50 ms whatever happens to the ones before (so a stall
// shows in every request it holds up) and timed. Beside it, in the same run, the same prisoner rows
// go into the same table (prisoner_rows, under the prisoners view) the plainest fast way: COPY FROM
// STDIN on PostgreSQL (pg-copy-streams); on PGlite, whose socket server does not take COPY FROM
// STDIN ("protocol synchronization was lost"), multi-row INSERTs of 1,000 rows from one jsonb parameter each. That baseline runs in a
// transaction rolled back before the import.
import { cpus, loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { verifyAuditChain } from '../apps/server/src/platform/audit/audit.ts';
import { parseSpreadsheet } from '../apps/server/src/modules/imports/imports.parse.ts';
import { resolveMapping, suggestMapping } from '../apps/server/src/modules/imports/imports.mapping.ts';
import { checkRow } from '../apps/server/src/modules/imports/imports.rules.ts';
import { prepareAdmission, PRISONER_COLUMNS } from '../apps/server/src/modules/prisoners/admission-batches.ts';
import { register, setUpImportStore, type ImportStore, type Store } from './import-setup.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 20_000);
const SAMPLE_EVERY_MS = Number(process.env.BENCH_SAMPLE_MS ?? 50);
const TARGET = { pgliteSeconds: 60, postgresSeconds: 20, otherRequestsP99Ms: 1000 };
const RESULTS = fileURLToPath(new URL('./results/import.json', import.meta.url));
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The prisoners rows the import writes, made from the register by the import's own functions. */
async function prisonerRows(bytes: Buffer, facilityId: string) {
  const sheet = await parseSpreadsheet(bytes);
  const resolved = resolveMapping(sheet.headers, suggestMapping(sheet.headers));
  if (!('columns' in resolved)) throw new Error(`the register's headers do not map: ${resolved.problems.join(', ')}`);
  const now = new Date();
  return sheet.rows.map((r) => {
    const c = checkRow(r, resolved.columns, { today: now.toISOString().slice(0, 10), filename: 'bench.csv', sha256: '0'.repeat(64) });
    if (!c.file) throw new Error(`row ${r.line} of the register is invalid: ${JSON.stringify(c.issues)}`);
    const admission = { line: c.line, facilityId, facilityCode: 'BENCH-IMP', prisonNumber: c.prisonNumber!, file: c.file, admittedAt: new Date(`${c.admittedOn}T00:00:00Z`), reason: 'bench', location: null };
    return prepareAdmission(admission, now, now.toISOString().slice(0, 10)).prisoner;
  });
}

/** COPY's text format: tab-separated, \N for null, backslash escapes. */
function copyLine(row: Record<string, unknown>) {
  return `${PRISONER_COLUMNS.map(([c]) => {
    const v = row[c];
    if (v === null || v === undefined) return '\\N';
    const text = v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
    return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  }).join('\t')}\n`;
}

/** The same rows into the same table, the plainest fast way, timed; rolled back afterwards. */
async function baseline(s: ImportStore, rows: Record<string, unknown>[]) {
  const columns = PRISONER_COLUMNS.map(([c]) => c).join(', ');
  const client = await s.database.pool.connect();
  try {
    await client.query('begin');
    const started = performance.now();
    if (s.store === 'postgres') {
      await pipeline(Readable.from(rows.map(copyLine)), client.query(copyFrom(`copy prisoner_rows (${columns}) from stdin`)));
    } else {
      const types = PRISONER_COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ');
      for (let i = 0; i < rows.length; i += 1000) {
        await client.query(`insert into prisoner_rows (${columns}) select * from jsonb_to_recordset($1::jsonb) as r(${types})`, [JSON.stringify(rows.slice(i, i + 1000))]);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const { rows: [n] } = await client.query<{ n: string }>('select count(*) as n from prisoner_rows');
    if (Number(n!.n) !== rows.length) throw new Error(`baseline wrote ${n!.n} rows, not ${rows.length}`);
    return { method: s.store === 'postgres' ? 'COPY prisoner_rows FROM STDIN (text format, pg-copy-streams)' : 'INSERT INTO prisoner_rows SELECT * FROM jsonb_to_recordset($1), 1,000 rows a statement (PGlite does not take COPY FROM STDIN over its socket)', table: 'prisoner_rows (the table under the prisoners view)', seconds: round(seconds, 3) };
  } finally {
    await client.query('rollback');
    client.release();
  }
}

interface Sample {
  at: number;
  ms: number;
  status: number;
}

/** Fires a request every `everyMs` whatever the earlier ones are doing, until stopped; each is timed. */
function sampler(s: ImportStore, path: string, everyMs: number) {
  const samples: Sample[] = [];
  const pending = new Set<Promise<void>>();
  const fire = () => {
    const at = performance.now();
    const p = fetch(s.url + path, { headers: { cookie: s.officer.cookie } })
      .then(async (r) => {
        await r.arrayBuffer();
        samples.push({ at, ms: performance.now() - at, status: r.status });
      })
      .catch(() => void samples.push({ at, ms: performance.now() - at, status: 0 }))
      .finally(() => pending.delete(p));
    pending.add(p);
  };
  const timer = setInterval(fire, everyMs);
  const summary = (of: Sample[]) => {
    const ms = of.map((x) => x.ms).sort((a, b) => a - b);
    const pct = (q: number) => round(ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)] ?? 0, 1);
    return { requests: of.length, failed: of.filter((x) => x.status !== 200).length, p50Ms: pct(0.5), p99Ms: pct(0.99), maxMs: round(ms.at(-1) ?? 0, 1), over1sShare: round(ms.filter((x) => x >= 1000).length / Math.max(1, ms.length), 4) };
  };
  return {
    /** Stops firing, waits for the last answers; `committingFrom` splits the samples where every row had been written unseen. */
    async stop(committingFrom: number) {
      clearInterval(timer);
      await Promise.all(pending);
      return {
        endpoint: `GET ${path}`,
        ...summary(samples),
        whileStaging: summary(samples.filter((x) => x.at < committingFrom)),
        fromCommitOn: summary(samples.filter((x) => x.at >= committingFrom)),
      };
    },
  };
}

/** Opens the progress stream as the screen does; settles with the outcome when it says finished. */
async function followProgress(s: ImportStore, id: string) {
  const res = await fetch(`${s.url}/api/v1/imports/${id}/progress`, { headers: { cookie: s.admin.cookie } });
  if (res.status !== 200) throw new Error(`progress stream: ${res.status}`);
  let events = 0;
  let committingFrom: number | undefined;
  const finished = (async () => {
    let buffer = '';
    for await (const chunk of res.body!.pipeThrough(new TextDecoderStream())) {
      buffer += chunk;
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const data = buffer.slice(0, end).split('\n').find((l) => l.startsWith('data: '));
        buffer = buffer.slice(end + 2);
        if (!data) continue;
        const event = JSON.parse(data.slice(6)) as { type: string; status?: string; processed?: number; total?: number };
        events++;
        // Every row written unseen: the committing transaction and the per-prisoner events follow.
        if (event.type === 'progress' && event.processed === event.total) committingFrom ??= performance.now();
        if (event.type === 'finished') return { status: event.status!, events, committingFrom: committingFrom ?? performance.now() };
      }
    }
    throw new Error('the progress stream ended without finishing');
  })();
  return finished;
}

const count = async (s: ImportStore, table: 'prisoners' | 'prisoner_versions' | 'prisoner_search_terms' | 'placements' | 'audit_events') =>
  Number((await s.database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

async function measureStore(store: Store, adminUrl: string, bytes: Buffer) {
  console.log(`\n[${store}] fresh database, facility with 100 cells, an administrator and an officer…`);
  const s = await setUpImportStore(store, adminUrl);
  try {
    const plain = await baseline(s, await prisonerRows(bytes, s.facilityId));
    console.log(`[${store}] baseline: ${ROWS} prisoners rows in ${plain.seconds} s (${plain.method.split(' (')[0]})`);

    let started = performance.now();
    const up = await fetch(`${s.url}/api/v1/imports/prisoners?facilityId=${s.facilityId}&filename=bench-register.csv`, {
      method: 'POST',
      headers: { cookie: s.admin.cookie, 'x-csrf-token': s.admin.csrf, 'content-type': 'text/csv' },
      body: new Uint8Array(bytes),
    });
    const imp = (await up.json()) as { id: string; version: number; status: string; report: { invalid: number; rows: unknown[] } };
    const uploadSeconds = round((performance.now() - started) / 1000);
    if (up.status !== 201 || imp.status !== "validated") throw new Error(`upload: ${up.status} ${imp.status}: ${JSON.stringify(imp.report?.rows?.[0])}`);
    console.log(`[${store}] uploaded and checked in ${uploadSeconds} s; committing while an officer's requests are timed every ${SAMPLE_EVERY_MS} ms…`);

    const progress = followProgress(s, imp.id);
    const light = sampler(s, '/api/v1/auth/session', SAMPLE_EVERY_MS);
    // Less often: on an overloaded machine 20 queries a second more would measure the sampler itself.
    const database = sampler(s, '/api/v1/facilities', SAMPLE_EVERY_MS * 5);
    started = performance.now();
    const commit = await s.admin.post(`/api/v1/imports/${imp.id}/commit`, { version: imp.version });
    if (commit.status !== 202) throw new Error(`commit: ${commit.status} ${JSON.stringify(commit.body)}`);
    const outcome = await progress;
    const commitSeconds = round((performance.now() - started) / 1000);
    const committingSeconds = round((performance.now() - outcome.committingFrom) / 1000);
    const others = { light: await light.stop(outcome.committingFrom), database: await database.stop(outcome.committingFrom) };
    if (outcome.status !== 'committed') throw new Error(`the import ended ${outcome.status}`);

    const written = { prisoners: await count(s, 'prisoners'), versions: await count(s, 'prisoner_versions'), searchTerms: await count(s, 'prisoner_search_terms'), placements: await count(s, 'placements') };
    if (written.prisoners !== ROWS || written.versions !== ROWS || written.placements !== ROWS) throw new Error(`written: ${JSON.stringify(written)}`);
    const audit = await verifyAuditChain(s.database.db);
    if (!audit.ok) throw new Error(`the audit chain is broken at ${JSON.stringify(audit.firstBroken)}`);
    console.log(`[${store}] committed in ${commitSeconds} s, the last ${committingSeconds} s committing and writing each prisoner's audit and domain event (${outcome.events} progress events)`);
    console.log(`[${store}] other requests p99 ${others.light.p99Ms} ms (session; ${others.light.whileStaging.p99Ms} ms while staging), ${others.database.p99Ms} ms (facility list; ${others.database.whileStaging.p99Ms} ms while staging)`);
    return { store, database: s.database.describe, uploadSeconds, commitSeconds, commitAndAnnounceSeconds: committingSeconds, progressEvents: outcome.events, written, auditChain: { ok: audit.ok, events: audit.checked }, baseline: plain, ratioToBaseline: round(commitSeconds / plain.seconds, 1), otherRequests: others };
  } finally {
    await s.close();
  }
}

export async function runImportBench() {
  const adminUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const stores: Store[] = (process.env.BENCH_STORES?.split(',') as Store[] | undefined) ?? ['pglite', 'postgres'];
  const bytes = register(ROWS);
  const loadBefore = loadavg()[0]!;
  const results: Awaited<ReturnType<typeof measureStore>>[] = [];
  for (const store of stores) results.push(await measureStore(store, adminUrl, bytes));
  const loadAfter = loadavg()[0]!;

  const of = (store: Store) => results.find((r) => r.store === store);
  const pglite = of('pglite');
  const postgres = of('postgres');
  // The light endpoint is the measure; the prisoner list (which always reads the database) is reported beside it.
  const p99 = Math.max(...results.map((r) => r.otherRequests.light.p99Ms));
  const verdict = {
    rows: ROWS,
    pgliteSeconds: pglite?.commitSeconds ?? null,
    postgresSeconds: postgres?.commitSeconds ?? null,
    otherRequestsP99Ms: p99,
    otherRequestsEndpoint: 'GET /api/v1/auth/session as a signed-in officer, every 50 ms (worst store)',
    databaseRequestsP99Ms: Math.max(...results.map((r) => r.otherRequests.database.p99Ms)),
    pgliteRatioToBaseline: pglite?.ratioToBaseline ?? null,
    postgresRatioToBaseline: postgres?.ratioToBaseline ?? null,
    pass: !!pglite && !!postgres && pglite.commitSeconds < TARGET.pgliteSeconds && postgres.commitSeconds < TARGET.postgresSeconds && p99 < TARGET.otherRequestsP99Ms,
  };
  const report = {
    benchmark: 'import',
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, loadAverage1m: { before: loadBefore, after: loadAfter } },
    settings: { rows: ROWS, sampleEveryMs: SAMPLE_EVERY_MS, tools: ['pg-copy-streams (npm, devDependency) for the PostgreSQL baseline', 'a PostgreSQL server at TEST_DATABASE_URL'] },
    target: TARGET,
    verdict,
    results,
  };
  mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${ROWS} rows: PGlite ${verdict.pgliteSeconds} s (target < ${TARGET.pgliteSeconds}), PostgreSQL ${verdict.postgresSeconds} s (target < ${TARGET.postgresSeconds}), other requests p99 ${p99} ms (target < ${TARGET.otherRequestsP99Ms}): ${verdict.pass ? 'PASS' : 'FAIL'}`);
  if (loadBefore > cpus().length) console.log(`Note: the machine was busy (1-minute load ${loadBefore.toFixed(1)} on ${cpus().length} CPUs); the numbers are pessimistic.`);
  console.log('Results written to bench/results/import.json');
  return report;
}
