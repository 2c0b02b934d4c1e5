import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { createBackup } from '../platform/backup/backup-create.ts';
import { restoreBackup } from '../platform/backup/backup-restore.ts';
import { BackupError } from '../platform/backup/backup-format.ts';
import { CliFailure, operatorContext, withDatabase, type Io } from './runtime.ts';

const total = (rows: Record<string, number>) => Object.values(rows).reduce((a, b) => a + b, 0);

export function backupCommands(program: Command, io: Io) {
  const backup = program.command('backup').description('Portable backups (gzip’d JSON lines) that restore to PGlite or PostgreSQL');

  backup
    .command('create')
    .description('Write a backup of the whole database to FILE, from one consistent snapshot')
    .argument('<file>', 'file to write (e.g. vigil-2026-11-22.vigil.gz)')
    .action((file: string) =>
      withDatabase({ existing: true }, async (database) => {
        const r = await createBackup(database.db, file, { store: database.kind });
        io.out(`wrote ${file}: ${total(r.rows)} rows in ${Object.keys(r.rows).length} tables; audit trail at seq ${r.auditHead.seq}`);
      }),
    );

  backup
    .command('restore')
    .description('Restore FILE into this database in one transaction (refused if it holds data, unless --force)')
    .argument('<file>', 'a file written by `vigil backup create`')
    .option('--force', 'replace everything in a database that already holds data')
    .action((file: string, opts: { force?: boolean }) => {
      if (!existsSync(file)) throw new CliFailure(`no such file: ${file}`);
      return withDatabase({ migrate: true }, async (database) => {
        try {
          const r = await restoreBackup(database.db, file, { ctx: operatorContext(), force: !!opts.force });
          io.out(`restored ${total(r.rows)} rows from ${file} (made ${r.header.createdAt} on ${r.header.store})${r.replacedExisting ? ', replacing the data that was there' : ''}`);
          io.out(`audit trail verified: ${r.auditEventsVerified} events, plus one recording this restore`);
          io.out('everyone must sign in again.');
        } catch (e) {
          if (e instanceof BackupError) throw new CliFailure(`${e.message}; the database was not changed`);
          throw e;
        }
      });
    });
}
