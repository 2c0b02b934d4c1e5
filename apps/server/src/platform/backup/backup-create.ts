import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { readCatalog, type TableInfo } from './catalog.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader, type BackupTrailer } from './backup-format.ts';

const FETCH_ROWS = 1000;

// Ephemeral tables: a restored database starts with everyone signed out, and session hashes do not
// sit in backup files. Left out only while no other table references them.
const EPHEMERAL = new Set(['sessions']);

export interface BackupSummary {
  file: string;
  rows: Record<string, number>;
  auditHead: { seq: string; hash: string };
}

/** The rows of one table as JSON text, parents before children when it references itself. */
function rowsQuery(t: TableInfo) {
  const table = sql.table(t.name);
  if (!t.selfReference) return sql`select row_to_json(t)::text as j from ${table} t`;
  const fk = sql.ref(t.selfReference.column);
  const key = sql.ref(t.selfReference.references);
  return sql`with recursive tree(k, depth) as (
      select ${key}, 0 from ${table} where ${fk} is null
      union all
      select x.${key}, tree.depth + 1 from ${table} x join tree on x.${fk} = tree.k
    )
    select row_to_json(t)::text as j from ${table} t join tree on tree.k = t.${key} order by tree.depth`;
}

/**
 * Writes a backup of every table to `file`, from one consistent snapshot (a repeatable-read,
 * read-only transaction), so a backup taken while the server runs on PostgreSQL is coherent.
 * The file appears under its name only once complete.
 */
export async function createBackup(db: Kysely<DB>, file: string, opts: { store: string }): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const out = createWriteStream(partial, { mode: 0o600 });
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };

  try {
    const summary = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        const catalog = await readCatalog(trx);
        const tables = catalog.tables.filter((t) => !(EPHEMERAL.has(t.name) && !catalog.referenced.has(t.name)));
        const migrations = (await trx.selectFrom('schema_migrations').select('name').orderBy('name').execute()).map((m) => m.name);
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: new Date().toISOString(),
          store: opts.store,
          migrations,
          tables: tables.map((t) => t.name),
        };
        await write(JSON.stringify(header));
        const rows: Record<string, number> = {};
        for (const t of tables) rows[t.name] = await dumpTable(trx, t, write);
        const head = await sql<{ seq: string; hash: string }>`select seq::text as seq, hash from audit_head where id = 1`.execute(trx);
        const trailer: BackupTrailer = { $complete: true, rows, auditHead: head.rows[0] ?? { seq: '0', hash: '' } };
        await write(JSON.stringify(trailer));
        return { file, rows, auditHead: trailer.auditHead };
      });
    gzip.end();
    await finished(out);
    renameSync(partial, file);
    return summary;
  } catch (e) {
    gzip.destroy();
    out.destroy();
    rmSync(partial, { force: true });
    throw e;
  }
}

async function dumpTable(trx: Transaction<DB>, t: TableInfo, write: (line: string) => Promise<void>): Promise<number> {
  await write(JSON.stringify({ $table: t.name, columns: t.columns }));
  // A cursor keeps memory flat however large the table.
  await sql`declare vigil_backup no scroll cursor for ${rowsQuery(t)}`.execute(trx);
  let count = 0;
  for (;;) {
    const batch = await sql<{ j: string }>`fetch forward ${sql.lit(FETCH_ROWS)} from vigil_backup`.execute(trx);
    for (const r of batch.rows) await write(r.j);
    count += batch.rows.length;
    if (batch.rows.length < FETCH_ROWS) break;
  }
  await sql`close vigil_backup`.execute(trx);
  if (t.selfReference) {
    // Rows in a reference cycle are unreachable from a root; a backup without them would be wrong.
    const all = await sql<{ n: string }>`select count(*)::text as n from ${sql.table(t.name)}`.execute(trx);
    if (Number(all.rows[0]!.n) !== count) throw new Error(`backup of ${t.name}: ${count} of ${all.rows[0]!.n} rows reachable from a root`);
  }
  await write(JSON.stringify({ $end: t.name, rows: count }));
  return count;
}
