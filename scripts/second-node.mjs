// The second Node.js that CI runs the unit and embedded-store integration tests on (issue 8, item
// 13): the newest LTS line, taken from the npm registry's `node` package (it ships the official
// binary as a registry package), kept in .cache/ so a second run does not fetch it again.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SECOND_NODE_MAJOR = 24;

const root = fileURLToPath(new URL('..', import.meta.url));
const prefix = join(root, '.cache', `node${SECOND_NODE_MAJOR}`);
const binary = join(prefix, 'node_modules', '.bin', 'node');

/** The path of the second Node's binary, installing it first when missing; throws if it cannot. */
export function secondNode() {
  if (!existsSync(binary)) {
    mkdirSync(prefix, { recursive: true });
    execFileSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', `node@${SECOND_NODE_MAJOR}`], { stdio: 'inherit' });
  }
  const version = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
  if (!version.startsWith(`v${SECOND_NODE_MAJOR}.`)) throw new Error(`expected Node ${SECOND_NODE_MAJOR}, got ${version}`);
  return { binary, version };
}
