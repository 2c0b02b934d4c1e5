// Builds one store for the API benchmark: a fresh database, the whole Vigil app on it, a
// facility with about a thousand places (created through the API, as an administrator would)
// and a signed-in officer assigned to that facility.
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp, type App } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { connectDatabase, type Database } from '../apps/server/src/platform/db/connect.ts';
import { migrate } from '../apps/server/src/platform/db/migrate.ts';
import { hashPassword } from '../apps/server/src/platform/auth/crypto.ts';
import { Client } from '../apps/server/src/testing/harness.ts';
import { createScratchPostgresDatabase } from '../apps/server/src/testing/test-database.ts';

export type Store = 'postgres' | 'pglite';

export interface BenchStore {
  store: Store;
  database: Database;
  app: App;
  url: string;
  facilityId: string;
  locationCount: number;
  /** The officer's session cookie ("vigil_session=…"). */
  cookie: string;
  /** Options for a second pool of the same kind on the same database. */
  poolOptions: pg.PoolConfig;
  close(): Promise<void>;
}

const PASSWORD = 'bench password bench password';

/** Fresh database: a new PostgreSQL database (dropped on close) or PGlite in a temporary folder. */
async function freshStore(store: Store, adminUrl: string) {
  if (store === 'postgres') {
    const scratch = await createScratchPostgresDatabase(adminUrl, 'vigil_bench');
    const database = await connectDatabase({ databaseUrl: scratch.url, dataDir: '' });
    return { database, drop: scratch.drop };
  }
  // On disk, as `npm start` runs it.
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-bench-'));
  const database = await connectDatabase({ dataDir });
  return { database, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
}

/** 2 buildings × 4 wings × 4 landings × 30 cells: 1,002 places. */
const SHAPE = { buildings: 2, wings: 4, landings: 4, cellsPerLanding: 30 };

async function seedLocations(client: Client, facilityId: string): Promise<number> {
  const base = `/api/v1/facilities/${facilityId}/locations`;
  const create = async (parentId: string | null, kind: string, code: string, name: string) => {
    const r = await client.post(base, { parentId, kind, code, name });
    if (r.status !== 201) throw new Error(`creating ${kind} ${code}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.id as string;
  };
  let count = 0;
  for (let b = 1; b <= SHAPE.buildings; b++) {
    const building = await create(null, 'building', String.fromCharCode(64 + b), `Корпус ${b}`);
    count++;
    for (let w = 1; w <= SHAPE.wings; w++) {
      const wing = await create(building, 'wing', String(w), `Крыло ${w}`);
      count++;
      for (let l = 1; l <= SHAPE.landings; l++) {
        const landing = await create(wing, 'landing', String(l), `Этаж ${l}`);
        count++;
        const cells = await client.post(`${base}/bulk-cells`, {
          landingId: landing,
          firstNumber: 1,
          count: SHAPE.cellsPerLanding,
          digits: 2,
          baselineCapacity: 2,
          operationalCapacity: 3,
          sexDesignation: 'male',
          securityLevel: 'medium',
        });
        if (cells.status !== 201) throw new Error(`bulk cells: ${cells.status} ${JSON.stringify(cells.body)}`);
        count += cells.body.items.length;
      }
    }
  }
  return count;
}

export async function setUpStore(store: Store, adminUrl: string): Promise<BenchStore> {
  const { database, drop } = await freshStore(store, adminUrl);
  await migrate(database.db);
  const config = loadConfig({
    NODE_ENV: 'development',
    VIGIL_SECRET: 'bench-secret-bench-secret-bench-secret',
    VIGIL_DATA_DIR: 'memory://', // unused: the database is connected above and the secret is given
    VIGIL_WEB_DIST: '/nonexistent',
    VIGIL_SIGN_IN_RATE_LIMIT: '1000',
  });
  // No request logging on either server: the comparison is about the API's own work.
  const { app } = await buildApp({ config, database, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const facility = await database.db
    .insertInto('facilities')
    .values({ code: 'BENCH-1', name: 'Исправительная колония № 1', country: 'TJ', region: 'Sughd', time_zone: 'Asia/Dushanbe', type: 'colony-strict', capacity: 3000 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const signIn = async (username: string, roles: string[]) => {
    const user = await database.db
      .insertInto('users')
      .values({
        staff_number: username,
        username,
        family_name: 'Бенчмарков',
        given_name: 'Тест',
        language: 'en',
        roles,
        password_hash: await hashPassword(PASSWORD),
        must_change_password: false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await database.db.insertInto('user_facilities').values({ user_id: user.id, facility_id: facility.id }).execute();
    const client = new Client(url);
    await client.signIn({ username, password: PASSWORD, totpSecret: null });
    return client;
  };
  // A security manager may manage places without MFA; the officer only reads them.
  const manager = await signIn('bench.manager', ['security_manager']);
  const locationCount = await seedLocations(manager, facility.id);
  const officer = await signIn('bench.officer', ['officer']);
  // PGlite has no autovacuum; give both planners fresh statistics after the bulk load.
  await sql`vacuum analyze`.execute(database.db);

  return {
    store,
    database,
    app,
    url,
    facilityId: facility.id,
    locationCount,
    cookie: officer.cookie,
    poolOptions: { ...(database.pool as unknown as { options: pg.PoolConfig }).options },
    async close() {
      await app.close();
      await database.close();
      await drop();
    },
  };
}
