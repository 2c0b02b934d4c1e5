// The `vigil` command line: `npm run vigil -- <command>`, or apps/server/bin/vigil.mjs.
// See cli/program.ts for the commands and `vigil --help` for their use.
import { loadDotEnv } from './platform/config.ts';
import { runCli } from './cli/program.ts';

loadDotEnv();
const args = process.argv.slice(2);
const code = await runCli(args);
// `serve` keeps the process alive on its own; every other command is finished here.
if (args[0] !== 'serve' || code !== 0) process.exit(code);
