// Builds one store for the import benchmark: a fresh database, the whole Vigil app on it, a
// facility with 100 cells, a signed-in administrator (who imports) and a signed-in officer (whose
// requests are timed while the import runs), and the register itself.
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@vigil/contracts';
import { buildApp, type App } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { connectDatabase, type Database } from '../apps/server/src/platform/db/connect.ts';
import { migrate } from '../apps/server/src/platform/db/migrate.ts';
import { hashPassword, sealer } from '../apps/server/src/platform/auth/crypto.ts';
import { newTotpSecret } from '../apps/server/src/platform/auth/totp.ts';
import { systemContext } from '../apps/server/src/platform/access/actor.ts';
import { Client, facilityBody } from '../apps/server/src/testing/harness.ts';
import { createScratchPostgresDatabase } from '../apps/server/src/testing/test-database.ts';
import { randomPerson } from '../apps/server/src/modules/demo/names.ts';
import { seededRandom } from '../apps/server/src/modules/demo/random.ts';

export type Store = 'postgres' | 'pglite';

export interface ImportStore {
  store: Store;
  database: Database;
  app: App;
  url: string;
  facilityId: string;
  admin: Client;
  officer: Client;
  close(): Promise<void>;
}

const PASSWORD = 'bench password bench password';
const SECRET = 'bench-secret-bench-secret-bench-secret';
const CELLS = 100;
const CELL_CAPACITY = 3;

/** A fresh database: a new PostgreSQL database (dropped on close) or PGlite in a temporary folder, on disk as `npm start` runs it. */
async function freshStore(store: Store, adminUrl: string) {
  if (store === 'postgres') {
    const scratch = await createScratchPostgresDatabase(adminUrl, 'vigil_bench');
    return { database: await connectDatabase({ databaseUrl: scratch.url, dataDir: '' }), drop: scratch.drop };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-bench-'));
  return { database: await connectDatabase({ dataDir }), drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
}

export async function setUpImportStore(store: Store, adminUrl: string): Promise<ImportStore> {
  const { database, drop } = await freshStore(store, adminUrl);
  await migrate(database.db);
  const config = loadConfig({ NODE_ENV: 'development', VIGIL_SECRET: SECRET, VIGIL_DATA_DIR: 'memory://', VIGIL_WEB_DIST: '/nonexistent', VIGIL_SIGN_IN_RATE_LIMIT: '1000' });
  const { app, services } = await buildApp({ config, database, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const system = systemContext('bench');
  const facilityId = (await services.facilities.create(system, facilityBody('BENCH-IMP', { capacity: 30_000 }) as never)).id;
  const place = async (parentId: string | null, kind: string, code: string) =>
    (await services.locations.create(system, facilityId, { parentId, kind, code, name: code, baselineCapacity: null, operationalCapacity: null, sexDesignation: null, securityLevel: null, specialTypes: [] } as never)).id;
  const landing = await place(await place(await place(null, 'building', 'A'), 'wing', '1'), 'landing', '1');
  await services.locations.bulkCells(system, facilityId, {
    landingId: landing, prefix: '', firstNumber: 1, count: CELLS, digits: 3, baselineCapacity: CELL_CAPACITY, operationalCapacity: CELL_CAPACITY, sexDesignation: 'male', securityLevel: 'medium', specialTypes: [],
  } as never);

  const seal = sealer(SECRET);
  const signIn = async (username: string, roles: Role[]) => {
    const totpSecret = roles.includes('sysadmin') ? newTotpSecret() : null;
    const user = await database.db
      .insertInto('users')
      .values({
        staff_number: username, username, family_name: 'Бенчмарков', given_name: 'Тест', language: 'en', roles,
        password_hash: await hashPassword(PASSWORD), must_change_password: false,
        mfa_secret: totpSecret ? seal.seal(totpSecret) : null, mfa_enabled: !!totpSecret,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await database.db.insertInto('user_facilities').values({ user_id: user.id, facility_id: facilityId }).execute();
    const client = new Client(url);
    await client.signIn({ username, password: PASSWORD, totpSecret });
    return client;
  };
  const admin = await signIn('bench.admin', ['sysadmin']);
  const officer = await signIn('bench.officer', ['officer']);
  return {
    store, database, app, url, facilityId, admin, officer,
    async close() {
      await app.close();
      await database.close();
      await drop();
    },
  };
}

const HEADER = 'Номер;Фамилия;Имя;Отчество;Дата рождения;Пол;Статус;Статья;Начало срока;Срок;Дата поступления;Камера';

/**
 * A register of `rows` prisoners in Russian Excel's CSV dialect (semicolons, DD.MM.YYYY, BOM):
 * generated names of the region (fixed seed), men and women, convicted and untried; the first
 * 300 convicted men each name one of the 100 cells (three to a cell, its capacity).
 */
export function register(rows: number): Buffer {
  const random = seededRandom(20261203);
  const lines: string[] = [];
  let placed = 0;
  for (let i = 0; i < rows; i++) {
    const female = i % 10 === 9;
    const convicted = i % 3 !== 0;
    const p = randomPerson(random, female ? 'female' : 'male');
    const dob = `${String(1 + (i % 28)).padStart(2, '0')}.${String(1 + (i % 12)).padStart(2, '0')}.${1960 + (i % 45)}`;
    const cell = !female && convicted && placed < CELLS * CELL_CAPACITY ? `A-1-1-${String(1 + Math.floor(placed++ / CELL_CAPACITY)).padStart(3, '0')}` : '';
    lines.push([
      `BN-${String(i + 1).padStart(6, '0')}`, p.familyName, p.givenName, p.patronymic ?? '', dob, female ? 'ж' : 'м', convicted ? 'осуждённый' : 'подследственный',
      '244 ч.2', convicted ? '10.01.2024' : '', convicted ? '5 лет 6 мес' : '', '15.01.2024', cell,
    ].join(';'));
  }
  return Buffer.from(`\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`, 'utf8');
}
