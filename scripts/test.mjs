#!/usr/bin/env node
// `npm test`: everything CI checks, in order, with one summary line at the end.
//
//   typecheck → lint → unit tests → integration tests on PGlite → (CI: both again on Node 24) →
//   integration tests on PostgreSQL
//   (when TEST_DATABASE_URL is set) → web build → browser journeys
//
// Each `node --test` run reports TAP; its `# pass / # fail / # cancelled / # skipped` totals are
// added up. Typecheck, lint and build count as one test each. The last line of output is always
// `N passed, N failed, N skipped`, and the exit code is non-zero when anything failed.
// Full logs of every step are kept in test-results/<step>.log.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SECOND_NODE_MAJOR, secondNode } from './second-node.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const logDir = join(root, 'test-results');
mkdirSync(logDir, { recursive: true });

// Two cores and ~800 MB per embedded database: never more than two test files at once.
const CONCURRENCY = process.env.VIGIL_TEST_CONCURRENCY ?? '2';
// A step that hangs must not hang CI for ever.
const STEP_TIMEOUT_MS = Number(process.env.VIGIL_STEP_TIMEOUT_MS ?? 30 * 60_000);

const totals = { passed: 0, failed: 0, skipped: 0 };
const started = Date.now();

/** Test files under the given folders, skipping dependencies and build output. */
function findFiles(folders, accept) {
  const out = [];
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (accept(entry.name)) out.push(relative(root, full));
    }
  };
  for (const folder of folders) walk(join(root, folder));
  return out.sort();
}

/** Runs a command, keeping its output in a log file; resolves with exit code and output. */
function run(name, command, args, env = {}, onLine = null) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let pending = '';
    child.stdout.on('data', (d) => {
      output += d;
      if (!onLine) return;
      const lines = (pending + d).split('\n');
      pending = lines.pop();
      for (const line of lines) onLine(line);
    });
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      output += `\n[test.mjs] ${name}: timed out after ${STEP_TIMEOUT_MS / 1000} s, stopped\n`;
      child.kill('SIGKILL');
    }, STEP_TIMEOUT_MS);
    // A missing program (say, tsc before `npm install`) is a failed step, not a crash.
    child.on('error', (e) => (output += `\n[test.mjs] ${name}: ${e.message}\n`));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      writeFileSync(join(logDir, `${slug(name)}.log`), output);
      resolve({ code: code ?? (signal ? 1 : 0), output });
    });
  });
}

const slug = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** The run's final TAP summary: the last `# pass N` etc. at the start of a line. */
export function tapTotals(output) {
  const last = (key) => {
    const all = [...output.matchAll(new RegExp(`^# ${key} (\\d+)$`, 'gm'))];
    return all.length ? Number(all.at(-1)[1]) : 0;
  };
  return { pass: last('pass'), fail: last('fail') + last('cancelled'), skipped: last('skipped') + last('todo') };
}

/** The `not ok` blocks of a TAP stream, with their diagnostics, so a failure is readable in CI. */
function failureBlocks(output) {
  const lines = output.split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)not ok \d+ - (.*)$/.exec(lines[i]);
    if (!m) continue;
    const indent = m[1];
    const block = [lines[i]];
    if (lines[i + 1]?.trim() === '---') {
      for (let j = i + 1; j < lines.length; j++) {
        block.push(lines[j]);
        if (lines[j] === `${indent}  ...`) break;
      }
    }
    // A parent that failed only because a child did adds nothing.
    if (!block.some((l) => /failureType: 'subtestsFailed'/.test(l))) blocks.push(block.join('\n'));
  }
  return blocks;
}

/** The slowest file-level suites of a TAP stream, to keep an eye on what makes CI long. */
export function slowest(output, n) {
  const lines = output.split('\n');
  const found = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(?:not )?ok \d+ - (.*)$/.exec(lines[i]);
    const d = m && /^ {2}duration_ms: ([\d.]+)/.exec(lines[i + 2] ?? '');
    if (d) found.push({ name: m[1], ms: Number(d[1]) });
  }
  return found.sort((a, b) => b.ms - a.ms).slice(0, n);
}

function report(name, ok, detail, ms) {
  console.log(`${ok ? '✔' : '✖'} ${name}: ${detail} (${seconds(ms)})`);
}

/** A check that passes or fails as a whole (typecheck, lint, build): one test. */
async function single(name, command, args, env) {
  const t0 = Date.now();
  const { code, output } = await run(name, command, args, env);
  const ok = code === 0;
  if (ok) totals.passed++;
  else totals.failed++;
  report(name, ok, ok ? 'passed' : `failed (exit ${code})`, Date.now() - t0);
  if (!ok) console.log(indent(tail(output, 60)));
}

/** A `node --test` run over explicit files, counted from its TAP summary. */
async function nodeTests(name, files, { env = {}, concurrency = CONCURRENCY, showProgress = true, node = process.execPath } = {}) {
  if (files.length === 0) {
    console.log(`- ${name}: no test files`);
    return;
  }
  console.log(`▸ ${name}: ${files.length} files…`);
  const t0 = Date.now();
  const args = [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=tap',
    `--test-concurrency=${concurrency}`,
    // A test file that leaves a handle open (a pool, a child process) must not stall the run.
    '--test-force-exit',
    // One stuck test (or test file: node applies this to each file too) fails on its own.
    '--test-timeout=600000',
    ...files,
  ];
  // Progress for long steps: one line per file-level suite or test as it finishes.
  const progress = (line) => {
    const m = /^(not )?ok \d+ - (.*?)(?: # (SKIP|TODO).*)?$/.exec(line);
    if (m) console.log(`    ${m[1] ? '✖' : m[3] ? '-' : '✔'} ${m[2]}`);
  };
  const { code, output } = await run(name, node, args, env, showProgress ? progress : null);
  const t = tapTotals(output);
  // A crash outside any test (or a timeout) still fails the step.
  if (code !== 0 && t.fail === 0) t.fail = 1;
  totals.passed += t.pass;
  totals.failed += t.fail;
  totals.skipped += t.skipped;
  const ok = t.fail === 0;
  const elapsed = Date.now() - t0;
  report(name, ok, `${t.pass} passed, ${t.fail} failed, ${t.skipped} skipped in ${files.length} files`, elapsed);
  if (elapsed > 60_000) {
    const top = slowest(output, 3).map((x) => `${x.name} ${seconds(x.ms)}`);
    if (top.length) console.log(`    slowest: ${top.join('; ')}`);
  }
  if (!ok) {
    const blocks = failureBlocks(output);
    console.log(indent(blocks.length ? blocks.slice(0, 20).join('\n') : tail(output, 60)));
    if (blocks.length > 20) console.log(`  … ${blocks.length - 20} more; see test-results/${slug(name)}.log`);
  }
}

const tail = (text, n) => text.trimEnd().split('\n').slice(-n).join('\n');
const indent = (text) => text.replace(/^/gm, '    ');

function hasBuildScript(pkgPath) {
  if (!existsSync(pkgPath)) return false;
  return Boolean(JSON.parse(readFileSync(pkgPath, 'utf8')).scripts?.build);
}

async function main() {
  console.log(`Vigil tests (node ${process.version}; full logs in test-results/)`);

  await single('typecheck (server, contracts)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit', '--pretty', 'false']);
  if (existsSync(join(root, 'apps/web/tsconfig.json'))) {
    await single('typecheck (web)', bin('tsc'), ['-p', 'apps/web/tsconfig.json', '--noEmit', '--pretty', 'false']);
  }
  await single('lint', bin('eslint'), ['.']);

  const isIntegration = (f) => f.endsWith('.int.test.ts');
  const unit = findFiles(['apps', 'packages'], (f) => f.endsWith('.test.ts') && !isIntegration(f));
  const integration = findFiles(['apps', 'packages'], isIntegration);
  await nodeTests('unit tests', unit, { env: { TEST_STORE: '' }, showProgress: false });
  await nodeTests('integration tests (PGlite)', integration, { env: { TEST_STORE: 'pglite' } });
  // CI runs the unit and embedded-store tests a second time on the newest LTS Node (README,
  // "Supported runtime"); a developer asks for it with VIGIL_SECOND_NODE=1.
  if (process.env.CI === 'true' || process.env.VIGIL_SECOND_NODE === '1') {
    let second = null;
    try {
      second = secondNode();
    } catch (e) {
      totals.failed++;
      console.log(`✖ Node ${SECOND_NODE_MAJOR}: could not be installed (${e.message})`);
    }
    if (second) {
      await nodeTests(`unit tests (Node ${second.version})`, unit, { env: { TEST_STORE: '' }, showProgress: false, node: second.binary });
      await nodeTests(`integration tests (PGlite, Node ${second.version})`, integration, { env: { TEST_STORE: 'pglite' }, showProgress: false, node: second.binary });
    }
  }
  if (process.env.TEST_DATABASE_URL) {
    await nodeTests('integration tests (PostgreSQL)', integration, { env: { TEST_STORE: 'postgres' } });
  } else {
    console.log('- integration tests (PostgreSQL): skipped, TEST_DATABASE_URL is not set');
  }

  if (hasBuildScript(join(root, 'apps/web/package.json'))) {
    await single('web build', 'npm', ['run', 'build', '-w', 'apps/web']);
  }
  // Journeys drive one browser and one server each: run them one at a time.
  const journeys = findFiles(['e2e'], (f) => f.endsWith('.e2e.ts'));
  await nodeTests('browser journeys', journeys, { concurrency: 1 });

  console.log(`\nTotal time ${seconds(Date.now() - started)}`);
  console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exitCode = totals.failed > 0 ? 1 : 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
