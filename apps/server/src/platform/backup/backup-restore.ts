import { createReadStream, existsSync } from 'node:fs';
import { basename } from 'node:path';
import { createGunzip } from 'node:zlib';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { RequestContext } from '../access/actor.ts';
import { appendAudit, verifyAuditChain } from '../audit/audit.ts';
import { ownedSequences, readCatalog } from './catalog.ts';
import { BackupError, migrationMismatch, parseHeader, type BackupHeader, type BackupTrailer, type TableEnd, type TableStart } from './backup-format.ts';

const INSERT_ROWS = 500;

export interface RestoreSummary {
  header: BackupHeader;
  rows: Record<string, number>;
  auditEventsVerified: number;
  /** True when --force replaced a database that already held data. */
  replacedExisting: boolean;
}

/** The lines of a gzip'd file; a truncated or damaged file surfaces as a BackupError. */
async function* linesOf(file: string): AsyncGenerator<string> {
  const gunzip = createGunzip();
  createReadStream(file).on('error', (e) => gunzip.destroy(e)).pipe(gunzip);
  gunzip.setEncoding('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<string>) {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop()!;
      yield* parts;
    }
  } catch (e) {
    throw new BackupError(`the backup file is truncated or corrupt (${(e as Error).message})`);
  }
  if (rest) yield rest;
}

/**
 * Reads the whole file through gunzip once before anything is restored. gzip's checksum sits at
 * the end of the stream, so a damaged byte in the middle would otherwise reach PostgreSQL as a
 * malformed row before gunzip noticed; this way damage is always named as damage.
 */
async function checkGzipIntegrity(file: string) {
  const gunzip = createGunzip();
  createReadStream(file).on('error', (e) => gunzip.destroy(e)).pipe(gunzip);
  try {
    for await (const _ of gunzip) void _;
  } catch (e) {
    throw new BackupError(`the backup file is truncated or corrupt (${(e as Error).message})`);
  }
}

/** Whether the database already holds anything worth keeping: any audited work, users or facilities. */
async function existingData(db: Kysely<DB>) {
  const r = await sql<{ seq: string; users: boolean; facilities: boolean; events: boolean }>`
    select (select seq::text from audit_head where id = 1) as seq,
           exists (select 1 from users) as users,
           exists (select 1 from facilities) as facilities,
           exists (select 1 from audit_events) as events`.execute(db);
  const row = r.rows[0]!;
  return { headSeq: row.seq ?? '0', any: (row.seq ?? '0') !== '0' || row.users || row.facilities || row.events };
}

/**
 * Restores a backup made by createBackup into a migrated database, all in one transaction: a
 * damaged file, a schema mismatch or an audit trail that does not verify leaves the target exactly
 * as it was. A database that already holds data is refused unless `force`, which replaces it
 * (recorded in the restored trail as backup.restored, with the head of the chain it replaced).
 */
export async function restoreBackup(db: Kysely<DB>, file: string, opts: { ctx: RequestContext; force?: boolean }): Promise<RestoreSummary> {
  if (!existsSync(file)) throw new BackupError(`no such file: ${file}`);
  await checkGzipIntegrity(file);
  const lines = linesOf(file);
  const first = await lines.next();
  const header = parseHeader(first.done ? undefined : first.value);

  const applied = (await db.selectFrom('schema_migrations').select('name').orderBy('name').execute()).map((m) => m.name);
  const mismatch = migrationMismatch(header.migrations, applied);
  if (mismatch) throw new BackupError(mismatch);
  const existing = await existingData(db);
  if (existing.any && !opts.force) {
    throw new BackupError(`the target database already holds data (audit trail at seq ${existing.headSeq}); restore into an empty database, or pass --force to replace everything in it`);
  }

  return db.transaction().execute(async (trx) => {
    const catalog = await readCatalog(trx);
    const targetColumns = new Map(catalog.tables.map((t) => [t.name, t.columns]));
    const unknown = header.tables.filter((t) => !targetColumns.has(t));
    if (unknown.length) throw new BackupError(`the backup has tables this database lacks: ${unknown.join(', ')}`);

    await emptyEveryTable(trx, catalog.tables.map((t) => t.name));
    const { rows, trailer } = await loadSections(trx, lines, header, targetColumns);

    for (const s of await ownedSequences(trx)) {
      await sql`select setval(${s.sequence}::regclass, coalesce((select max(${sql.ref(s.column)}) from ${sql.table(s.table)}), 0) + 1, false)`.execute(trx);
    }
    const head = await trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
    if (!head || String(head.seq) !== trailer.auditHead.seq || head.hash !== trailer.auditHead.hash) {
      throw new BackupError('the restored audit head does not match the one recorded in the backup');
    }
    const verified = await verifyAuditChain(trx);
    if (!verified.ok) {
      throw new BackupError(`the audit trail in the backup does not verify: broken at seq ${verified.firstBroken!.seq} (${verified.firstBroken!.reason}); nothing was restored`);
    }
    await appendAudit(trx, opts.ctx, {
      action: 'backup.restored',
      entityType: 'database',
      after: {
        file: basename(file),
        backupCreatedAt: header.createdAt,
        backupStore: header.store,
        rows,
        replacedExisting: existing.any,
        replacedAuditHeadSeq: existing.any ? existing.headSeq : null,
      },
    });
    return { header, rows, auditEventsVerified: verified.checked, replacedExisting: existing.any };
  });
}

/**
 * Empties every table in one statement. The audit trail's own guard refuses TRUNCATE, so it is
 * switched off for this statement only, inside the restore transaction: if anything later fails,
 * the rollback brings back both the rows and the guard.
 */
async function emptyEveryTable(trx: Transaction<DB>, tables: string[]) {
  await sql`alter table audit_events disable trigger user`.execute(trx);
  await sql`truncate ${sql.join(tables.map((t) => sql.table(t)))}`.execute(trx);
  await sql`alter table audit_events enable trigger user`.execute(trx);
  // The migration's genesis row of audit_head was just removed; the backup brings its own head.
}

async function loadSections(trx: Transaction<DB>, lines: AsyncGenerator<string>, header: BackupHeader, targetColumns: Map<string, string[]>) {
  const rows: Record<string, number> = {};
  let table: string | null = null;
  let batch: string[] = [];
  let count = 0;
  let lineNo = 1;
  let trailer: BackupTrailer | null = null;

  const flush = async () => {
    if (!batch.length || !table) return;
    const t = sql.table(table);
    try {
      await sql`insert into ${t} overriding system value select * from json_populate_recordset(null::${t}, ${`[${batch.join(',')}]`}::json)`.execute(trx);
    } catch (e) {
      throw new BackupError(`restoring ${table} failed near line ${lineNo}: ${(e as Error).message}`);
    }
    batch = [];
  };

  for await (const line of lines) {
    lineNo++;
    if (trailer) throw new BackupError(`the backup file has data after its closing line (line ${lineNo})`);
    if (!line.startsWith('{"$')) {
      if (!table) throw new BackupError(`the backup file is corrupt: a row outside any table at line ${lineNo}`);
      batch.push(line);
      count++;
      if (batch.length >= INSERT_ROWS) await flush();
      continue;
    }
    let marker: Partial<TableStart & TableEnd & BackupTrailer>;
    try {
      marker = JSON.parse(line);
    } catch {
      throw new BackupError(`the backup file is corrupt at line ${lineNo}`);
    }
    if (marker.$table !== undefined) {
      if (table) throw new BackupError(`the backup file is corrupt: ${marker.$table} starts before ${table} ends`);
      const expected = targetColumns.get(marker.$table);
      if (!expected || !header.tables.includes(marker.$table)) throw new BackupError(`the backup file names an unexpected table ${marker.$table}`);
      const given = marker.columns ?? [];
      if (given.length !== expected.length || !expected.every((c) => given.includes(c))) {
        throw new BackupError(`the columns of ${marker.$table} in the backup differ from this database's`);
      }
      table = marker.$table;
      count = 0;
    } else if (marker.$end !== undefined) {
      if (marker.$end !== table) throw new BackupError(`the backup file is corrupt: unexpected end of ${marker.$end}`);
      await flush();
      if (marker.rows !== count) throw new BackupError(`the backup of ${table} should hold ${marker.rows} rows but holds ${count}`);
      rows[table] = count;
      table = null;
    } else if (marker.$complete === true) {
      if (table) throw new BackupError(`the backup file is corrupt: it closes inside ${table}`);
      trailer = marker as BackupTrailer;
    } else {
      throw new BackupError(`the backup file is corrupt at line ${lineNo}`);
    }
  }
  if (!trailer) throw new BackupError('the backup file is truncated: it ends before its closing line');
  for (const t of header.tables) {
    if (rows[t] === undefined || rows[t] !== trailer.rows[t]) throw new BackupError(`the backup of ${t} is incomplete`);
  }
  return { rows, trailer };
}
