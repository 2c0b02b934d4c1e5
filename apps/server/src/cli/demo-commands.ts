import type { Command } from 'commander';
import { DemoAlreadySeededError, seedDemo } from '../modules/demo/demo.service.ts';
import { DEMO_PRISONER_TARGET } from '../modules/demo/demo.prisoners.ts';
import { CliFailure, withDatabase, type Io } from './runtime.ts';

export function demoCommands(program: Command, io: Io) {
  const demo = program.command('demo').description('Demonstration data');

  demo
    .command('seed')
    .description('Create the demo facilities, location trees, staff of every role and prisoners (same --seed, same data)')
    .option('--seed <n>', 'seed for the generator', '1')
    .option('--prisoners <n>', 'about how many prisoners to house in the cells', String(DEMO_PRISONER_TARGET))
    .action((opts: { seed: string; prisoners: string }) => {
      const seed = Number(opts.seed);
      if (!Number.isInteger(seed) || seed < 0) throw new CliFailure(`--seed must be a whole number, got "${opts.seed}"`);
      const prisoners = Number(opts.prisoners);
      if (!Number.isInteger(prisoners) || prisoners < 0 || prisoners > 20_000) throw new CliFailure(`--prisoners must be a whole number up to 20000, got "${opts.prisoners}"`);
      return withDatabase({ migrate: true }, async (database) => {
        try {
          const logins = await seedDemo(database.db, { seed, prisoners });
          io.out(`demo data seeded (seed ${seed}). Sign in as any of:`);
          for (const l of logins.users) io.out(`  ${l.username.padEnd(14)} ${l.roles.join(', ')}`);
          io.out(`password for all: ${logins.password}`);
        } catch (e) {
          if (e instanceof DemoAlreadySeededError) throw new CliFailure(e.message);
          throw e;
        }
      });
    });
}
