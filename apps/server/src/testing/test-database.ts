import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectDatabase, type Database } from '../platform/db/connect.ts';
import { migrate } from '../platform/db/migrate.ts';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database
 * on the PostgreSQL server at TEST_DATABASE_URL when TEST_STORE=postgres. Dropped on close.
 */
export async function freshDatabase(): Promise<Database & { store: 'pglite' | 'postgres' }> {
  if (process.env.TEST_STORE === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('TEST_STORE=postgres needs TEST_DATABASE_URL');
    const scratch = await createScratchPostgresDatabase(adminUrl, 'vigil_t');
    const database = await connectDatabase({ databaseUrl: scratch.url, dataDir: '' });
    await migrate(database.db);
    return {
      ...database,
      store: 'postgres',
      async close() {
        await database.close();
        await scratch.drop();
      },
    };
  }
  const database = await connectDatabase({ dataDir: 'memory://' });
  await migrate(database.db);
  return { ...database, store: 'pglite' };
}

/** A new, empty database on the server at `adminUrl` (for tests and benchmarks), and how to drop it. */
export async function createScratchPostgresDatabase(adminUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // C.UTF-8, not C: a plain C locale breaks lower()/ILIKE on Cyrillic.
  await admin.query(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const again = new pg.Client({ connectionString: adminUrl });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}
