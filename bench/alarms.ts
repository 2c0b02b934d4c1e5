// `npm run bench -- alarms` (bench/README.md "alarms"): the alarm console's ingest under sustained
// load. For each store (PostgreSQL, then the embedded PGlite), the whole Vigil app takes device
// events from the local Mosquitto broker over MQTT at QoS 1 (each stored durably before its PUBACK)
// at BENCH_ALARMS_RATE events a second for BENCH_ALARMS_SECONDS, while a signed-in console client
// is connected over the real HTTP stream (/api/v1/alarms/stream); every key's publish→console
// latency is measured, and lost and duplicated events counted. Baselines in the same run: the
// broker's own loopback publish→subscribe latency, and a bulk COPY of the same rows.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import mqtt from 'mqtt';
import { sql } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import { buildApp } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { connectDatabase } from '../apps/server/src/platform/db/connect.ts';
import { migrate } from '../apps/server/src/platform/db/migrate.ts';
import { hashPassword } from '../apps/server/src/platform/auth/crypto.ts';
import { systemContext } from '../apps/server/src/platform/access/actor.ts';
import { Client, facilityBody } from '../apps/server/src/testing/harness.ts';
import { createScratchPostgresDatabase } from '../apps/server/src/testing/test-database.ts';

type Store = 'postgres' | 'pglite';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BROKER = process.env.VIGIL_MQTT_URL && process.env.VIGIL_MQTT_URL !== 'off' ? process.env.VIGIL_MQTT_URL : 'mqtt://127.0.0.1:1883';
const RATE = Number(process.env.BENCH_ALARMS_RATE ?? 5000);
const SECONDS = Number(process.env.BENCH_ALARMS_SECONDS ?? 30);
const DEVICES = 50;
const REPLAY_SHARE = 0.01;
const FLOOD = Number(process.env.BENCH_ALARMS_FLOOD ?? 50_000);
const GOAL = { eventsPerSecond: RATE, p99PublishToConsoleMs: 250 };
const PASSWORD = 'bench password bench password';
const SECRET = 'bench-secret-bench-secret-bench-secret';

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const percentile = (values: number[], p: number) => {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function freshStore(store: Store, adminUrl: string) {
  if (store === 'postgres') {
    const scratch = await createScratchPostgresDatabase(adminUrl, 'vigil_bench_alarms');
    return { database: await connectDatabase({ databaseUrl: scratch.url, dataDir: '' }), drop: scratch.drop };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-bench-alarms-'));
  return { database: await connectDatabase({ dataDir }), drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
}

/** The broker alone: one publisher, one subscriber, QoS 1, at the benchmark's rate for a few seconds. */
async function brokerLoopback(run: string) {
  const topic = `vigil-bench/loopback/${run}`;
  const sub = await mqtt.connectAsync(BROKER, { clientId: `vigil-bench-loop-sub-${run}` });
  const pub = await mqtt.connectAsync(BROKER, { clientId: `vigil-bench-loop-pub-${run}` });
  const latencies: number[] = [];
  sub.on('message', (_t, payload) => latencies.push(Date.now() - Number(payload.toString())));
  await sub.subscribeAsync(topic, { qos: 1 });
  const seconds = 5;
  const started = Date.now();
  let sent = 0;
  while (Date.now() - started < seconds * 1000) {
    const due = Math.floor(((Date.now() - started) / 1000) * RATE) - sent;
    for (let i = 0; i < due; i++, sent++) void pub.publishAsync(topic, String(Date.now()), { qos: 1 });
    await new Promise((r) => setTimeout(r, 10));
  }
  const until = Date.now() + 5000;
  while (latencies.length < sent && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  await pub.endAsync();
  await sub.endAsync();
  return { messages: sent, received: latencies.length, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), seconds };
}

/** The console client: the real HTTP stream, signed in; records when each key arrives. */
async function consoleClient(url: string, cookie: string) {
  const arrivals = new Map<string, number>();
  let duplicates = 0;
  let ready = false;
  let alarmsMessages = 0;
  const controller = new AbortController();
  const res = await fetch(`${url}/api/v1/alarms/stream?trace=1`, { headers: { cookie }, signal: controller.signal });
  if (res.status !== 200) throw new Error(`stream answered ${res.status}`);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const done = (async () => {
    for (;;) {
      const { value, done: end } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (end) return;
      const now = Date.now();
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event === 'ready') ready = true;
        if (event === 'alarms') alarmsMessages++;
        if (event === 'ingest' && data) {
          for (const key of (JSON.parse(data) as { keys?: string[] }).keys ?? []) {
            if (arrivals.has(key)) duplicates++;
            else arrivals.set(key, now);
          }
        }
      }
    }
  })();
  while (!ready) await new Promise((r) => setTimeout(r, 10));
  return { arrivals, duplicates: () => duplicates, alarmsMessages: () => alarmsMessages, close: async () => (controller.abort(), await done) };
}

function publisher(facility: string, devices: string[], rate: number, seconds: number, replayShare: number, run: string): Promise<{ sent: number; replays: number; seconds: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/alarms-publisher.ts'), BROKER, facility, devices.join(','), String(rate), String(seconds), String(replayShare), run], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`publisher exited ${code}`))));
  });
}

async function measureStore(store: Store, adminUrl: string, loopback: Awaited<ReturnType<typeof brokerLoopback>>) {
  const run = randomBytes(4).toString('hex');
  const { database, drop } = await freshStore(store, adminUrl);
  await migrate(database.db);
  const config = loadConfig({ NODE_ENV: 'development', VIGIL_SECRET: SECRET, VIGIL_DATA_DIR: 'memory://', VIGIL_WEB_DIST: '/nonexistent', VIGIL_SIGN_IN_RATE_LIMIT: '1000' });
  const { app, services } = await buildApp({ config, database, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  try {
    const system = systemContext('bench');
    const facilityCode = `BENCH-${store.toUpperCase()}-${run}`.slice(0, 40);
    const facilityId = (await services.facilities.create(system, facilityBody(facilityCode) as never)).id;
    const place = async (parentId: string | null, kind: string, code: string) =>
      (await services.locations.create(system, facilityId, { parentId, kind, code, name: code, baselineCapacity: null, operationalCapacity: null, sexDesignation: null, securityLevel: null, specialTypes: [] } as never)).id;
    const landing = await place(await place(await place(null, 'building', 'A'), 'wing', '1'), 'landing', '1');
    const devices: string[] = [];
    for (let i = 1; i <= DEVICES; i++) {
      const code = `DEV-${i}`;
      await services.alarms.registerDevice(system, { facilityId, locationId: landing, code, kind: 'door-contact', name: code });
      devices.push(code);
    }
    const user = await database.db
      .insertInto('users')
      .values({ staff_number: `bench-${run}`, username: `bench.${run}`, family_name: 'Бенчмарков', given_name: 'Тест', language: 'en', roles: ['senior_officer'], password_hash: await hashPassword(PASSWORD), must_change_password: false, mfa_secret: null, mfa_enabled: false })
      .returning('id')
      .executeTakeFirstOrThrow();
    await database.db.insertInto('user_facilities').values({ user_id: user.id, facility_id: facilityId }).execute();
    const client = new Client(url);
    await client.signIn({ username: `bench.${run}`, password: PASSWORD, totpSecret: null });

    const ingest = await services.alarms.connectMqtt({ url: BROKER, clientId: `vigil-bench-${store}-${run}`, topicFilter: `vigil/${facilityCode}/devices/+/events`, sessionExpirySeconds: 120, log: () => {} });
    await ingest.ready;
    const consoleStream = await consoleClient(url, client.cookie);

    // Sustained load.
    console.log(`${store}: ${RATE} events/s for ${SECONDS} s from ${DEVICES} devices…`);
    const loadAvgBefore = loadavg()[0];
    const published = await publisher(facilityCode, devices, RATE, SECONDS, REPLAY_SHARE, run);
    const deadline = Date.now() + 60_000;
    while (consoleStream.arrivals.size < published.sent && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await services.alarms.ingest.idle();
    const latencies: number[] = [];
    let first = Infinity;
    let last = 0;
    for (const [key, at] of consoleStream.arrivals) {
      const sentAt = Number(key.split('.')[2]);
      latencies.push(at - sentAt);
      first = Math.min(first, sentAt);
      last = Math.max(last, at);
    }
    const counts = await sql<{ rows: string; keys: string }>`select count(*) as rows, count(distinct event_key) as keys from alarm_device_events where facility_id = ${facilityId} and event_key like ${run + '.%'}`.execute(database.db);
    const stored = Number(counts.rows[0]!.keys);
    const rows = Number(counts.rows[0]!.rows);
    const alarms = await sql<{ n: string; events: string }>`select count(*) as n, coalesce(sum(event_count), 0) as events from alarms where facility_id = ${facilityId}`.execute(database.db);
    const stats = ingest.stats();
    const verdict = {
      eventsPerSecond: round(stored / ((last - first) / 1000)),
      p50PublishToConsoleMs: percentile(latencies, 50),
      p99PublishToConsoleMs: percentile(latencies, 99),
      maxPublishToConsoleMs: percentile(latencies, 100),
      lost: published.sent - stored,
      lostAtConsole: published.sent - consoleStream.arrivals.size,
      duplicated: rows - stored + consoleStream.duplicates(),
      pass: false,
    };
    verdict.pass = stored / ((last - first) / 1000) >= GOAL.eventsPerSecond * 0.98 && (verdict.p99PublishToConsoleMs ?? Infinity) < GOAL.p99PublishToConsoleMs && verdict.lost === 0 && verdict.duplicated === 0 && published.seconds >= 30;
    const sustained = {
      published: published.sent,
      replaysSent: published.replays,
      publishSeconds: round(published.seconds, 2),
      storedEvents: stored,
      eventRows: rows,
      consoleKeys: consoleStream.arrivals.size,
      consoleDuplicates: consoleStream.duplicates(),
      alarms: Number(alarms.rows[0]!.n),
      eventsFoldedIntoAlarms: Number(alarms.rows[0]!.events),
      mqttReceived: stats.received,
      mqttAcknowledgedAfterCommit: stats.acknowledged,
      loadAvgBefore,
      loadAvgAfter: loadavg()[0],
    };
    console.log(`${store}: ${verdict.eventsPerSecond} events/s, p99 ${verdict.p99PublishToConsoleMs} ms, lost ${verdict.lost}, duplicated ${verdict.duplicated}`);

    // A flood: FLOOD events in about one second; the console's list must still answer meanwhile.
    const floodRun = `${run}f`;
    const listTimes: number[] = [];
    let flooding = true;
    const probe = (async () => {
      while (flooding) {
        const t0 = Date.now();
        await client.get('/api/v1/alarms?limit=50');
        listTimes.push(Date.now() - t0);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const floodStarted = Date.now();
    const floodPublished = await publisher(facilityCode, devices.slice(0, 5), FLOOD, 1, 0, floodRun);
    const floodDeadline = Date.now() + 120_000;
    let floodStored = 0;
    while (Date.now() < floodDeadline) {
      floodStored = Number((await sql<{ n: string }>`select count(*) as n from alarm_device_events where facility_id = ${facilityId} and event_key like ${floodRun + '.%'}`.execute(database.db)).rows[0]!.n);
      if (floodStored >= floodPublished.sent) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const floodSeconds = (Date.now() - floodStarted) / 1000;
    flooding = false;
    await probe;
    const flood = {
      published: floodPublished.sent,
      publishSeconds: round(floodPublished.seconds, 2),
      stored: floodStored,
      lost: floodPublished.sent - floodStored,
      secondsToStoreAll: round(floodSeconds, 2),
      consoleListP99Ms: percentile(listTimes, 99),
      consoleListMaxMs: percentile(listTimes, 100),
    };
    console.log(`${store}: flood of ${flood.published}: stored ${flood.stored} in ${flood.secondsToStoreAll} s; console list p99 ${flood.consoleListP99Ms} ms`);
    await consoleStream.close();

    // Baseline: the same rows, bulk-loaded.
    const copyRows = Array.from({ length: stored }, (_, n) => ({ key: `copy-${run}-${n}`, type: n % 8 === 4 ? 'door-held' : 'state' }));
    const deviceId = (await database.db.selectFrom('alarm_devices').select('id').where('facility_id', '=', facilityId).executeTakeFirstOrThrow()).id;
    const t0 = performance.now();
    let method: string;
    if (store === 'postgres') {
      method = 'COPY alarm_device_events FROM STDIN (text format, pg-copy-streams)';
      const pgClient = await database.pool.connect();
      try {
        const now = new Date().toISOString();
        await pipeline(Readable.from(copyRows.map((r) => `${deviceId}\t${facilityId}\t${r.key}\t${r.type}\traised\t${now}\tmqtt\n`)), pgClient.query(copyFrom('copy alarm_device_events (device_id, facility_id, event_key, type, condition, occurred_at, channel) from stdin')));
      } finally {
        pgClient.release();
      }
    } else {
      method = 'INSERT INTO alarm_device_events SELECT … FROM jsonb_to_recordset($1), 5,000 rows a statement (PGlite does not take COPY FROM STDIN over its socket)';
      for (let i = 0; i < copyRows.length; i += 5000) {
        const chunk = copyRows.slice(i, i + 5000);
        await sql`insert into alarm_device_events (device_id, facility_id, event_key, type, condition, occurred_at, channel)
                  select ${deviceId}::uuid, ${facilityId}::uuid, r.key, r.type, 'raised', now(), 'mqtt' from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as r(key text, type text)`.execute(database.db);
      }
    }
    const copySeconds = (performance.now() - t0) / 1000;
    const baseline = { brokerLoopbackP99Ms: loopback.p99Ms, brokerLoopbackP50Ms: loopback.p50Ms, copyRowsPerSecond: round(stored / copySeconds), copyRows: stored, copySeconds: round(copySeconds, 3), copyMethod: method };
    return { verdict, baseline, sustained, flood };
  } finally {
    await app.close();
    await database.close();
    await drop();
  }
}

export async function runAlarmsBench() {
  const adminUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const stores = (process.env.BENCH_STORES?.split(',') as Store[] | undefined) ?? ['postgres', 'pglite'];
  const run = randomBytes(4).toString('hex');
  console.log(`broker loopback at ${RATE} messages/s…`);
  const loopback = await brokerLoopback(run);
  console.log(`broker loopback p99 ${loopback.p99Ms} ms`);
  const results: Record<string, Awaited<ReturnType<typeof measureStore>>> = {};
  for (const store of stores) results[store] = await measureStore(store, adminUrl, loopback);
  const parts = Object.values(results);
  const postgres = results.postgres;
  const embedded = results.pglite;
  const verdict = {
    eventsPerSecond: Math.min(...parts.map((p) => p.verdict.eventsPerSecond)),
    p99PublishToConsoleMs: Math.max(...parts.map((p) => p.verdict.p99PublishToConsoleMs ?? Infinity)),
    lost: parts.reduce((n, p) => n + p.verdict.lost, 0),
    duplicated: parts.reduce((n, p) => n + p.verdict.duplicated, 0),
    pass: parts.length === 2 && parts.every((p) => p.verdict.pass),
    note: 'The worst of PostgreSQL and the embedded store; each is reported separately below.',
  };
  const out = {
    benchmark: 'alarms',
    at: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? null, node: process.version },
    goal: { eventsPerSecond: GOAL.eventsPerSecond, sustainedSeconds: 30, p99PublishToConsoleMs: GOAL.p99PublishToConsoleMs, lost: 0, duplicated: 0 },
    settings: { broker: BROKER, rate: RATE, seconds: SECONDS, devices: DEVICES, replayShare: REPLAY_SHARE, flood: FLOOD, qos: 1, ack: 'PUBACK sent by Vigil after the batch holding the message committed' },
    verdict,
    baseline: { brokerLoopbackP99Ms: loopback.p99Ms, copyRowsPerSecond: postgres?.baseline.copyRowsPerSecond ?? embedded?.baseline.copyRowsPerSecond ?? null, loopback },
    postgres: postgres ?? null,
    embedded: embedded ?? null,
  };
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/alarms.json'), JSON.stringify(out, null, 2) + '\n');
  console.log(`\nalarms: ${verdict.eventsPerSecond} events/s, p99 ${verdict.p99PublishToConsoleMs} ms (goal < 250), lost ${verdict.lost}, duplicated ${verdict.duplicated}: ${verdict.pass ? 'PASS' : 'FAIL'}`);
}
