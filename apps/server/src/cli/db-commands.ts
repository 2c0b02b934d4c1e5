import type { Command } from 'commander';
import { migrate, migrationStatus } from '../platform/db/migrate.ts';
import { withDatabase, type Io } from './runtime.ts';

export function dbCommands(program: Command, io: Io) {
  const db = program.command('db').description('Database schema: apply and list migrations');

  db.command('migrate')
    .description('Apply every pending migration (forward only; each in its own transaction)')
    .action(() =>
      withDatabase({}, async (database) => {
        const applied = await migrate(database.db);
        io.out(applied.length ? `applied ${applied.length}: ${applied.join(', ')}` : 'up to date: no pending migrations');
        io.out(`database: ${database.describe}`);
      }),
    );

  db.command('status')
    .description('List migrations, applied (with the time) or pending')
    .action(() =>
      withDatabase({}, async (database) => {
        const status = await migrationStatus(database.db);
        for (const m of status) {
          const state = m.appliedAt ? `applied ${m.appliedAt.toISOString()}` : 'pending';
          io.out(`${state.padEnd(33)} ${m.name}${m.changedSinceApplied ? '  (file changed since it was applied!)' : ''}`);
        }
        const pending = status.filter((m) => !m.appliedAt).length;
        io.out(`${status.length - pending} applied, ${pending} pending (${database.describe})`);
      }),
    );
}
