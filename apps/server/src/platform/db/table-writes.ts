import { AsyncLocalStorage } from 'node:async_hooks';
import { CompiledQuery, type DatabaseConnection, type QueryResult } from 'kysely';

/** Statements that write a table, and the table (Kysely quotes names; raw SQL may not). */
const WRITE = /\b(?:insert\s+into|update|delete\s+from|truncate(?:\s+table)?)\s+"?([a-z_][a-z0-9_]*)"?/gi;
/** Statements after which nothing read before can be trusted (schema changes, restores). */
const WRITES_EVERYTHING = /^\s*(?:alter|drop|create|copy)\b/i;
const BEGIN = /^\s*(?:begin|start\s+transaction)\b/i;
const END = /^\s*(?:commit|rollback)\b/i;
const COMMIT = /^\s*commit\b/i;
const EVERYTHING = '*';

/** The PostgreSQL channel on which processes sharing a database tell each other what they wrote. */
export const WRITES_CHANNEL = 'vigil_writes';

/** Tells every process listening on the database which tables were written (write-listener.ts). */
const announcement = (tables: readonly string[]) => CompiledQuery.raw(`select pg_notify('${WRITES_CHANNEL}', $1)`, [[...new Set(tables)].join(',')]);

/** The tables one SQL statement writes; `*` when it may change any of them. */
export function tablesWritten(sql: string): string[] {
  if (WRITES_EVERYTHING.test(sql)) return [EVERYTHING];
  return [...sql.matchAll(WRITE)].map((m) => m[1]!.toLowerCase());
}

/**
 * Counts, per table, the writes this process has made, so that an in-memory copy of something
 * read from those tables can tell it is stale: a copy is good while the counts it was read under
 * have not moved (see `ReadCache`).
 *
 * A write is counted twice: when its statement runs, and again when its transaction ends. A read
 * that starts between the two sees the old rows (the transaction has not committed), so the
 * second count is what makes the copy it took stale.
 *
 * With `announce` (PostgreSQL), the tables are also announced to the other processes on the
 * database: inside the transaction, just before its commit, so PostgreSQL delivers the notice
 * when (and only if) the write is committed. Those processes count them on arrival
 * (`listenForWrites`). Caches keep a short lifetime as the bound for a notice that never came.
 */
export class TableWrites {
  /** Off: every cache reads through to the database (the API benchmark measures both ways). */
  caching = true;
  private readonly counts = new Map<string, number>();
  private readonly quiet = new AsyncLocalStorage<true>();

  /** Where the given tables stand now; equal stamps mean no write to any of them in between. */
  stamp(tables: readonly string[]): string {
    return [EVERYTHING, ...tables].map((t) => this.counts.get(t) ?? 0).join('.');
  }

  count(tables: readonly string[]): void {
    for (const t of tables) this.counts.set(t, (this.counts.get(t) ?? 0) + 1);
  }

  /**
   * Runs `fn` without counting its writes: for writes that change nothing any cache holds, such
   * as the once-a-minute note of a session's last activity.
   */
  unobserved<T>(fn: () => Promise<T>): Promise<T> {
    return this.quiet.run(true, fn);
  }

  /** Watches every statement a database connection runs (Kysely's `onCreateConnection`). */
  watch(connection: DatabaseConnection, opts: { announce: boolean }): void {
    const run = connection.executeQuery.bind(connection);
    // Tables written in the connection's open transaction, counted again when it ends.
    let inTransaction = false;
    const pending = new Set<string>();
    connection.executeQuery = async <R>(query: CompiledQuery): Promise<QueryResult<R>> => {
      const sql = query.sql;
      const written = this.quiet.getStore() ? [] : tablesWritten(sql);
      this.count(written);
      if (opts.announce && pending.size && COMMIT.test(sql)) await run(announcement([...pending]));
      try {
        const result = await run<R>(query);
        if (opts.announce && written.length && !inTransaction) await run(announcement(written));
        return result;
      } finally {
        if (BEGIN.test(sql)) inTransaction = true;
        else if (END.test(sql)) {
          inTransaction = false;
          this.count([...pending]);
          pending.clear();
        } else if (inTransaction) for (const t of written) pending.add(t);
        else this.count(written);
      }
    };
  }
}
