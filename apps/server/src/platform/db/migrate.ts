import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));

// One arbitrary number for the advisory lock, so two servers starting at once migrate one at a time.
const MIGRATION_LOCK = 73_190_001;

interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

function migrationFiles(): MigrationFile[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => {
      const text = readFileSync(MIGRATIONS_DIR + name, 'utf8');
      return { name, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
    });
}

async function ensureTable(db: Kysely<DB>) {
  await sql`create table if not exists schema_migrations (
    name text primary key,
    checksum text not null,
    applied_at timestamptz not null default now()
  )`.execute(db);
}

export interface MigrationStatus {
  name: string;
  appliedAt: Date | null;
  changedSinceApplied: boolean;
}

export async function migrationStatus(db: Kysely<DB>): Promise<MigrationStatus[]> {
  await ensureTable(db);
  const applied = await db.selectFrom('schema_migrations').selectAll().execute();
  const byName = new Map(applied.map((a) => [a.name, a]));
  return migrationFiles().map((f) => {
    const a = byName.get(f.name);
    return { name: f.name, appliedAt: a?.applied_at ?? null, changedSinceApplied: !!a && a.checksum !== f.checksum };
  });
}

/** Applies every pending migration, each in its own transaction. Forward only. */
export async function migrate(db: Kysely<DB>): Promise<string[]> {
  await ensureTable(db);
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(conn);
    try {
      const done = new Set((await conn.selectFrom('schema_migrations').select('name').execute()).map((r) => r.name));
      const applied: string[] = [];
      for (const file of migrationFiles()) {
        if (done.has(file.name)) continue;
        await conn.transaction().execute(async (trx) => {
          await sql.raw(file.sql).execute(trx);
          await trx.insertInto('schema_migrations').values({ name: file.name, checksum: file.checksum }).execute();
        });
        applied.push(file.name);
      }
      return applied;
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(conn);
    }
  });
}
