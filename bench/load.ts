// The load generator for `npm run bench -- api`, in a process of its own.
//
// wrk (Debian package `wrk`, C, epoll) when it is installed, else autocannon (npm). On a 2-core
// machine the generator shares the CPUs with the servers, and autocannon, in JavaScript, needs
// about 0.5 ms of CPU per 35 KB response: at 50 connections it starved the server it measured
// (99% of a core for 1,800 req/s, the server at 46%), while wrk did 7,000 req/s on 17%.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const WRK = '/usr/bin/wrk';
const WRK_REPORT = fileURLToPath(new URL('./wrk-report.lua', import.meta.url));
const AUTOCANNON = fileURLToPath(new URL('../node_modules/autocannon/autocannon.js', import.meta.url));

export interface Load {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerResponse: number;
}

export const loadGenerator = existsSync(WRK) ? 'wrk' : 'autocannon';

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} exited ${code}: ${err}`))));
  });
}

const ms = (us: number) => Math.round(us / 10) / 100;

async function wrk(url: string, seconds: number, headers: Record<string, string>, connections: number): Promise<Load> {
  const args = ['-t', '1', '-c', String(connections), '-d', `${seconds}s`, '-s', WRK_REPORT];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}: ${v}`);
  const out = await run(WRK, [...args, url]);
  const r = JSON.parse(out.trim().split('\n').at(-1)!) as { requests: number; durationUs: number; bytes: number; p50Us: number; p99Us: number; non2xx: number; errors: number; timeouts: number };
  return {
    requestsPerSecond: Math.round((r.requests / (r.durationUs / 1e6)) * 10) / 10,
    p50Ms: ms(r.p50Us),
    p99Ms: ms(r.p99Us),
    requests: r.requests,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    bytesPerResponse: r.requests ? Math.round(r.bytes / r.requests) : 0,
  };
}

async function autocannon(url: string, seconds: number, headers: Record<string, string>, connections: number): Promise<Load> {
  const args = [AUTOCANNON, '-c', String(connections), '-d', String(seconds), '-j'];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  const r = JSON.parse(await run(process.execPath, [...args, url]));
  return {
    requestsPerSecond: r.requests.average,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    bytesPerResponse: r.requests.total ? Math.round(r.throughput.total / r.requests.total) : 0,
  };
}

/** Loads `url` for `seconds` at `connections` concurrent connections, with the given headers. */
export function load(url: string, seconds: number, headers: Record<string, string>, connections: number): Promise<Load> {
  return loadGenerator === 'wrk' ? wrk(url, seconds, headers, connections) : autocannon(url, seconds, headers, connections);
}
