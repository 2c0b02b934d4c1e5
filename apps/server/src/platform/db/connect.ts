import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';
import { startPglite } from './pglite-process.ts';
import { TableWrites } from './table-writes.ts';
import { listenForWrites } from './write-listener.ts';

// int8 (counts, audit sequence numbers) stays a string as pg returns it; numeric likewise.
// timestamptz arrives as JS Date. A calendar `date` (birth, sentence, release dates) stays the
// 'YYYY-MM-DD' string it is: turning it into a Date at local midnight shifts it across time zones.
const DATE_OID = 1082;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === DATE_OID ? (value: string) => value : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export type StoreKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  pool: pg.Pool;
  kind: StoreKind;
  /** The writes this process makes, per table, for caches of what was read (`ReadCache`). */
  writes: TableWrites;
  /** Human-readable target, without credentials. */
  describe: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  databaseUrl?: string;
  dataDir: string;
  poolSize?: number;
  /**
   * PostgreSQL: hear what other processes write, so this one's caches stay exact (a server).
   * Off for short commands, which keep no caches worth it; they still announce their writes.
   */
  listen?: boolean;
}

// An idle pooled connection that drops (server restart, shutdown) must not crash the process:
// the next query opens a new one, and a query in flight gets its own error.
function logIdleClientError(err: Error) {
  console.error(`vigil: database connection lost while idle: ${err.message}`);
}

export async function connectDatabase(opts: ConnectOptions): Promise<Database> {
  const writes = new TableWrites();
  // PGlite is one process (its data folder is locked): nobody else writes, nothing to announce.
  const announce = Boolean(opts.databaseUrl);
  const dialect = (pool: pg.Pool) => new PostgresDialect({ pool, onCreateConnection: async (connection) => writes.watch(connection, { announce }) });
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10, types });
    pool.on('error', logIdleClientError);
    const db = new Kysely<DB>({ dialect: dialect(pool) });
    const listener = opts.listen === false ? null : await listenForWrites(opts.databaseUrl, writes, (m) => console.error(m));
    const url = new URL(opts.databaseUrl);
    return {
      db,
      pool,
      kind: 'postgres',
      writes,
      describe: `postgres://${url.hostname}:${url.port || 5432}${url.pathname}`,
      async close() {
        await listener?.close();
        await db.destroy();
      },
    };
  }
  const child = await startPglite(opts.dataDir);
  const pool = new pg.Pool({
    host: child.socketDir,
    port: 5432,
    user: 'postgres',
    database: 'postgres',
    // PGlite has one session: statements from two pooled connections interleave on it and break
    // each other's extended-protocol state ("portal does not exist"; electric-sql/pglite#1046).
    // One connection, and requests queue for it.
    max: 1,
    types,
  });
  pool.on('error', logIdleClientError);
  const db = new Kysely<DB>({ dialect: dialect(pool) });
  return {
    db,
    pool,
    kind: 'pglite',
    writes,
    describe: opts.dataDir === 'memory://' ? 'embedded (in memory)' : `embedded (${opts.dataDir})`,
    async close() {
      await db.destroy();
      await child.stop();
    },
  };
}
