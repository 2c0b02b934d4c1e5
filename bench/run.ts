// `npm run bench -- <name>`: runs one benchmark and writes bench/results/<name>.json.
import { runAlarmsBench } from './alarms.ts';
import { runApiBench } from './api.ts';
import { runImportBench } from './import.ts';
import { runSearchBench } from './search.ts';
import { runWebBench } from './web.ts';

const BENCHMARKS: Record<string, { about: string; run: () => Promise<unknown> }> = {
  alarms: { about: 'MQTT device events at 5,000/s for 30 s stored before PUBACK, to a live console stream, on PostgreSQL and PGlite, vs broker loopback and COPY', run: runAlarmsBench },
  api: { about: 'authenticated location tree vs a bare route with the same SQL, on PostgreSQL and PGlite', run: runApiBench },
  import: { about: 'commit a 20,000-row prisoner register on PGlite and PostgreSQL vs a plain bulk load, timing other requests meanwhile', run: runImportBench },
  search: { about: 'cross-script name search over 1,000,000 people vs plain pg_trgm, on PostgreSQL', run: runSearchBench },
  web: { about: 'gzipped JavaScript a browser downloads for the sign-in page and the first screen (budget 250 KB each)', run: runWebBench },
};

const name = process.argv[2];
const bench = name ? BENCHMARKS[name] : undefined;
if (!bench) {
  console.log('usage: npm run bench -- <name>\n');
  for (const [n, b] of Object.entries(BENCHMARKS)) console.log(`  ${n.padEnd(6)} ${b.about}`);
  console.log('\nSee bench/README.md.');
  process.exit(name === undefined || name === '--help' || name === '-h' ? 0 : 2);
}
await bench.run();
// Pools and child processes are closed, but a stray keep-alive socket must not keep us waiting.
process.exit(0);
