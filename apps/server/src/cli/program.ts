import { Command, CommanderError } from 'commander';
import { loadConfig } from '../platform/config.ts';
import { auditCommands } from './audit-commands.ts';
import { backupCommands } from './backup-commands.ts';
import { dbCommands } from './db-commands.ts';
import { demoCommands } from './demo-commands.ts';
import { usersCommands } from './users-commands.ts';
import { importCommands } from './import-commands.ts';
import { devicesCommands } from './devices-commands.ts';
import { describeFailure, processIo, type Io } from './runtime.ts';

/** The `vigil` command line. Every command and group answers --help. */
export function buildProgram(io: Io): Command {
  const program = new Command('vigil')
    .description(
      'Vigil: prison security, records and high-risk prisoner management.\n' +
        'Uses the same settings as the server: DATABASE_URL (PostgreSQL), else the embedded database in VIGIL_DATA_DIR (default ./data), read from the environment or .env.',
    )
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .exitOverride();

  program
    .command('serve')
    .description('Start the server (as `npm start`): migrate, seed demo data on an empty development database, listen on PORT')
    .action(async () => {
      // Imported here: the HTTP stack takes seconds to load and no other command needs it.
      const { startServer } = await import('../server.ts');
      await startServer(loadConfig());
      // startServer keeps running until SIGINT/SIGTERM.
    });

  dbCommands(program, io);
  auditCommands(program, io);
  demoCommands(program, io);
  usersCommands(program, io);
  backupCommands(program, io);
  importCommands(program, io);
  devicesCommands(program, io);

  // Subcommands inherit the output and exit behaviour; groups without an action print their help.
  for (const command of program.commands) {
    command.configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) }).exitOverride().showHelpAfterError();
    for (const sub of command.commands) {
      sub.configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) }).exitOverride().showHelpAfterError();
    }
  }
  return program;
}

/** Runs one command line (without "node vigil") and returns the process exit code. */
export async function runCli(args: string[], io: Io = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(args, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version are "errors" with code 0; usage errors were already printed.
      return e.exitCode;
    }
    const { message, exitCode } = describeFailure(e);
    io.err(`vigil: ${message}`);
    return exitCode;
  }
}
