/**
 * Vigil's portable logical backup: gzip'd JSON lines, readable by any PostgreSQL that has run the
 * same migrations (PGlite or server), so a backup from one store restores to the other.
 *
 *   {"format":"vigil-backup","version":1,"createdAt":…,"store":…,"migrations":[…],"tables":[…]}
 *   {"$table":"facilities","columns":["id",…]}
 *   {…one row, as PostgreSQL's row_to_json wrote it…}
 *   {"$end":"facilities","rows":3}
 *   … every table in dependency order (parents first) …
 *   {"$complete":true,"rows":{"facilities":3,…},"auditHead":{"seq":"42","hash":"…"}}
 *
 * PostgreSQL writes each row (row_to_json) and reads it back (json_populate_recordset), so
 * timestamps keep their microseconds, bigints their digits and jsonb its values exactly.
 * A file without its closing line is truncated and is refused.
 */
export const BACKUP_FORMAT = 'vigil-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  store: string;
  /** Names of the migrations applied to the source; a restore target must have the same. */
  migrations: string[];
  tables: string[];
}

export interface TableStart {
  $table: string;
  columns: string[];
}

export interface TableEnd {
  $end: string;
  rows: number;
}

export interface BackupTrailer {
  $complete: true;
  rows: Record<string, number>;
  auditHead: { seq: string; hash: string };
}

/** A backup file that cannot be trusted: not ours, truncated, corrupt, or for another schema. */
export class BackupError extends Error {}

export function parseHeader(line: string | undefined): BackupHeader {
  let h: Partial<BackupHeader>;
  try {
    h = JSON.parse(line ?? '');
  } catch {
    throw new BackupError('this is not a Vigil backup (no header line)');
  }
  if (h?.format !== BACKUP_FORMAT) throw new BackupError('this is not a Vigil backup (wrong format marker)');
  if (h.version !== BACKUP_VERSION) throw new BackupError(`backup format version ${h.version} is not supported (this Vigil reads version ${BACKUP_VERSION})`);
  if (!Array.isArray(h.migrations) || !Array.isArray(h.tables)) throw new BackupError('the backup header is incomplete');
  return h as BackupHeader;
}

/** Why two migration lists differ, or null when they are the same. */
export function migrationMismatch(backup: readonly string[], target: readonly string[]): string | null {
  const missing = backup.filter((m) => !target.includes(m));
  const extra = target.filter((m) => !backup.includes(m));
  if (!missing.length && !extra.length) return null;
  const parts = [];
  if (missing.length) parts.push(`the backup has migrations this database lacks: ${missing.join(', ')}`);
  if (extra.length) parts.push(`this database has migrations the backup lacks: ${extra.join(', ')} (restore with the Vigil version that made the backup, then upgrade)`);
  return parts.join('; ');
}
