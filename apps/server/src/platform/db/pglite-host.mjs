// Runs the embedded PGlite database in its own process and serves it over the PostgreSQL wire
// protocol on a unix socket, so the server always talks to it through `pg` and a slow query never
// blocks the server's event loop (PGlite runs WASM on the calling thread).
//
// Started by pglite-process.ts with: node pglite-host.mjs <dataDir|memory://> <socketDir>
// Reports {ready: true} or {error} to the parent over IPC; exits when the parent goes away.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const [dataDir, socketDir] = process.argv.slice(2);
const inMemory = dataDir === 'memory://';
const lockPath = inMemory ? null : join(dataDir, 'vigil.lock');

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

// PGlite has no lock of its own: two processes on one folder silently lose writes.
function takeLock() {
  mkdirSync(dataDir, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const holder = Number(readFileSync(lockPath, 'utf8'));
      if (holder && isAlive(holder)) {
        throw Object.assign(new Error(`data folder ${dataDir} is in use by process ${holder}`), {
          code: 'VIGIL_DATA_LOCKED',
        });
      }
      rmSync(lockPath, { force: true }); // stale lock left by a process that died
    }
  }
  throw new Error(`could not lock ${lockPath}`);
}

function releaseLock() {
  if (!lockPath) return;
  try {
    if (Number(readFileSync(lockPath, 'utf8')) === process.pid) rmSync(lockPath, { force: true });
  } catch {
    /* already gone */
  }
}

let server;
let db;
async function shutdown(code) {
  try {
    await server?.stop();
    await db?.close();
  } finally {
    releaseLock();
    process.exit(code);
  }
}

try {
  if (!inMemory) takeLock();
  db = await PGlite.create(inMemory ? undefined : dataDir, { extensions: { pg_trgm } });
  server = new PGLiteSocketServer({ db, path: join(socketDir, '.s.PGSQL.5432'), maxConnections: 32 });
  await server.start();
  process.send?.({ ready: true });
} catch (e) {
  process.send?.({ error: e.message, code: e.code ?? null });
  releaseLock();
  process.exit(1);
}

process.on('disconnect', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
process.on('SIGINT', () => shutdown(0));
