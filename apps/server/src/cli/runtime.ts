import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { ZodError } from 'zod';
import { PROBLEMS } from '@vigil/contracts';
import { ConfigError, loadConfig, type Config } from '../platform/config.ts';
import { connectDatabase, type Database } from '../platform/db/connect.ts';
import { migrate } from '../platform/db/migrate.ts';
import { DataFolderLockedError } from '../platform/db/pglite-process.ts';
import { systemContext, type RequestContext } from '../platform/access/actor.ts';
import { Problem, problemFromDatabase } from '../platform/errors.ts';

/** Where a command writes: stdout for results, stderr for diagnostics. Tests capture both. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** A failure the operator can act on: printed as "vigil: message", exit code 1 unless told. */
export class CliFailure extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

/** Writes from the CLI are audited as the operating-system user who ran the command. */
export function operatorContext(): RequestContext {
  let name = 'unknown';
  try {
    name = userInfo().username;
  } catch {
    /* no passwd entry (some containers) */
  }
  return systemContext(`cli:${name}`);
}

/**
 * Opens the database the server would use (DATABASE_URL, else the embedded one in VIGIL_DATA_DIR),
 * runs `fn`, and always closes it, which also releases the embedded data folder's lock.
 * `existing`: refuse an embedded folder that holds no database yet (commands that only read).
 */
export async function withDatabase<T>(opts: { migrate?: boolean; existing?: boolean }, fn: (database: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  // Opening an empty folder creates a new, empty database: "ok: 0 events verified" about the
  // wrong folder would be worse than no answer.
  if (opts.existing && !config.databaseUrl && !existsSync(join(config.dataDir, 'PG_VERSION'))) {
    throw new CliFailure(`there is no database in ${config.dataDir}; set VIGIL_DATA_DIR to the folder the server uses, or DATABASE_URL`);
  }
  const database = await connectDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2, listen: false });
  try {
    if (opts.migrate) await migrate(database.db);
    return await fn(database, config);
  } finally {
    await database.close();
  }
}

/** The ids of the facilities with these codes; a code that names none stops the command. */
export async function facilityIdsFor(db: Database['db'], codes: readonly string[]): Promise<string[]> {
  if (!codes.length) return [];
  const rows = await db.selectFrom('facilities').select(['id', 'code']).where('code', 'in', codes).execute();
  const missing = codes.filter((c) => !rows.some((r) => r.code === c));
  if (missing.length) throw new CliFailure(`no facility with code ${missing.join(', ')}`);
  return rows.map((r) => r.id);
}

/** The message and exit code for anything a command throws (2: configuration or a locked data folder). */
export function describeFailure(e: unknown): { message: string; exitCode: number } {
  if (e instanceof CliFailure) return { message: e.message, exitCode: e.exitCode };
  if (e instanceof ConfigError) return { message: e.message, exitCode: 2 };
  if (e instanceof DataFolderLockedError) {
    return { message: `${e.message}. Stop the Vigil server using it first (or point DATABASE_URL at PostgreSQL); nothing was changed.`, exitCode: 2 };
  }
  if (e instanceof ZodError) {
    return { message: e.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '), exitCode: 1 };
  }
  const problem = e instanceof Problem ? e : problemFromDatabase(e);
  if (problem) {
    const errors = problem.errors?.map((x) => ` ${x.path}: ${x.message}`).join(';') ?? '';
    return { message: `${PROBLEMS[problem.code].en}${problem.detail && problem.detail !== problem.code ? ` (${problem.detail})` : ''}${errors}`, exitCode: 1 };
  }
  return { message: e instanceof Error ? e.message : String(e), exitCode: 1 };
}
