import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'kysely';
import type { Command } from 'commander';
import { connectDatabase, type Database } from '../platform/db/connect.ts';
import { MIGRATIONS_DIR } from '../platform/db/migrate.ts';
import { systemContext } from '../platform/access/actor.ts';
import { appendAudit } from '../platform/audit/audit.ts';
import { verifyPassword } from '../platform/auth/crypto.ts';
import { buildProgram, runCli } from './program.ts';

const STORE = process.env.TEST_STORE === 'postgres' ? 'postgres' : 'pglite';
const BIN = fileURLToPath(new URL('../../bin/vigil.mjs', import.meta.url));
const SECRET = 'cli-test-secret-cli-test-secret-0123456789';
const OPERATOR = `cli:${userInfo().username}`;
const MIGRATION_COUNT = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).length;
const dir = mkdtempSync(join(tmpdir(), 'vigil-cli-test-'));

/** An empty database for the CLI: a new PGlite data folder, or a new database on the PostgreSQL server. */
const dropAfter: string[] = [];
async function emptyTarget(): Promise<Record<string, string>> {
  if (STORE === 'pglite') return { VIGIL_DATA_DIR: mkdtempSync(join(dir, 'data-')) };
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `vigil_cli_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`);
  await admin.end();
  dropAfter.push(name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { DATABASE_URL: url.toString() };
}

/** Runs the CLI in this process against `target`, capturing its output. */
async function vigil(target: Record<string, string>, ...args: string[]) {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, VIGIL_DATA_DIR: process.env.VIGIL_DATA_DIR };
  delete process.env.DATABASE_URL;
  Object.assign(process.env, { VIGIL_SECRET: SECRET, LOG_LEVEL: 'silent', ...target });
  const out: string[] = [];
  const err: string[] = [];
  try {
    const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** Opens the target directly, as the server (or an operator in psql) would. */
function open(target: Record<string, string>): Promise<Database> {
  return connectDatabase({ databaseUrl: target.DATABASE_URL, dataDir: target.VIGIL_DATA_DIR ?? '' });
}

/** Runs bin/vigil.mjs as its own process: the real entry point, exit code and streams. */
function spawnVigil(env: Record<string, string>, ...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, VIGIL_SECRET: SECRET, ...env },
      cwd: dir,
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

const passwordIn = (out: string) => /temporary password: (\S+)/.exec(out)?.[1];

describe(`vigil CLI (${STORE})`, () => {
  after(async () => {
    if (!dropAfter.length) return;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    for (const name of dropAfter) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  test('every command and group answers --help', async () => {
    const paths: string[][] = [];
    const walk = (c: Command, path: string[]) => {
      for (const sub of c.commands) {
        if (sub.name() === 'help') continue;
        paths.push([...path, sub.name()]);
        walk(sub, [...path, sub.name()]);
      }
    };
    walk(buildProgram({ out() {}, err() {} }), []);
    assert.ok(paths.length >= 14, `only ${paths.length} commands`);
    for (const p of [[], ...paths]) {
      const r = await vigil({}, ...p, '--help');
      assert.equal(r.code, 0, p.join(' '));
      assert.match(r.out, new RegExp(`^Usage: vigil${p.length ? ` ${p.join(' ')}` : ''} `), p.join(' '));
    }
    for (const p of ['serve', 'db migrate', 'db status', 'audit verify', 'audit export', 'demo seed', 'users create', 'users reset-password', 'backup create', 'backup restore']) {
      assert.ok(paths.some((x) => x.join(' ') === p), `missing command ${p}`);
    }
    const unknown = await vigil({}, 'frobnicate');
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /unknown command 'frobnicate'/);
  });

  // One database through a whole day of operator commands, in order: each command opens and
  // closes the database like a real run, which is what makes this file slow on PGlite.
  describe('an operator’s day on one database', () => {
    let target: Record<string, string>;
    let backupFile: string;
    before(async () => {
      target = await emptyTarget();
    });

    test('db status lists pending migrations; db migrate applies them', async () => {
      if (STORE === 'pglite') {
        // Read-only commands do not create a database where there is none.
        const nothing = await vigil(target, 'audit', 'verify');
        assert.equal(nothing.code, 1);
        assert.match(nothing.err, /^vigil: there is no database in .*; set VIGIL_DATA_DIR to the folder the server uses/);
      }
      const pending = await vigil(target, 'db', 'status');
      assert.equal(pending.code, 0);
      assert.match(pending.out, /^pending +0001_foundation\.sql$/m);
      assert.match(pending.out, new RegExp(`0 applied, ${MIGRATION_COUNT} pending`));
      const migrated = await vigil(target, 'db', 'migrate');
      assert.equal(migrated.code, 0, migrated.err);
      assert.match(migrated.out, new RegExp(`applied ${MIGRATION_COUNT}: 0001_foundation.sql`));
      const status = await vigil(target, 'db', 'status');
      assert.match(status.out, /^applied \d{4}-\d\d-\d\dT[\d:.]+Z +0001_foundation\.sql$/m);
      assert.match(status.out, new RegExp(`${MIGRATION_COUNT} applied, 0 pending`));
    });

    test('users create prints a temporary password that must be changed; the write is audited as the operator', async () => {
      const r = await vigil(target, 'users', 'create', '--username', 'first.admin', '--staff-number', 'HQ-1', '--family-name', 'Раҳимов', '--given-name', 'Фаррух', '--role', 'sysadmin', '--role', 'auditor', '--all-facilities', '--language', 'tg');
      assert.equal(r.code, 0, r.err);
      const password = passwordIn(r.out)!;
      assert.ok(password && password.length >= 12);
      const db = await open(target);
      try {
        const u = await db.db.selectFrom('users').selectAll().where('username', '=', 'first.admin').executeTakeFirstOrThrow();
        assert.deepEqual(u.roles, ['sysadmin', 'auditor']);
        assert.equal(u.family_name, 'Раҳимов');
        assert.equal(u.must_change_password, true);
        assert.equal(u.all_facilities, true);
        assert.ok(await verifyPassword(u.password_hash, password));
        const e = await db.db.selectFrom('audit_events').selectAll().where('action', '=', 'user.created').executeTakeFirstOrThrow();
        assert.equal(e.actor_username, OPERATOR);
        assert.ok(!JSON.stringify(e.after).includes('argon2'), 'no password hash in the audit trail');
        // A session for the next test to see ended; the user has since changed their password.
        await db.db.insertInto('sessions').values({ id: 'cli-test-session', user_id: u.id, step: 'done', csrf_token: 'x', expires_at: new Date(Date.now() + 3600_000) }).execute();
        await db.db.updateTable('users').set({ must_change_password: false }).where('id', '=', u.id).execute();
      } finally {
        await db.close();
      }

      const dup = await vigil(target, 'users', 'create', '--username', 'first.admin', '--staff-number', 'HQ-2', '--family-name', 'X', '--given-name', 'Y', '--role', 'auditor', '--all-facilities');
      assert.equal(dup.code, 1);
      assert.match(dup.err, /^vigil: This user name is already taken\.$/);
      // Bad input is refused before the database is opened.
      const bad = await vigil(target, 'users', 'create', '--username', 'x', '--staff-number', 'HQ-3', '--family-name', 'X', '--given-name', 'Y', '--role', 'warden');
      assert.equal(bad.code, 1);
      assert.match(bad.err, /username: .*; roles\.0: /);
      const noRole = await vigil(target, 'users', 'create', '--username', 'someone', '--staff-number', 'HQ-4', '--family-name', 'X', '--given-name', 'Y');
      assert.equal(noRole.code, 1);
      assert.match(noRole.err, /required option '--role <role>'/);
    });

    test('users reset-password sets a new temporary password and ends the user’s sessions', async () => {
      const r = await vigil(target, 'users', 'reset-password', 'FIRST.ADMIN');
      assert.equal(r.code, 0, r.err);
      const db = await open(target);
      try {
        const u = await db.db.selectFrom('users').selectAll().where('username', '=', 'first.admin').executeTakeFirstOrThrow();
        assert.ok(await verifyPassword(u.password_hash, passwordIn(r.out)!));
        assert.equal(u.must_change_password, true);
        const s = await db.db.selectFrom('sessions').select('revoked_at').where('id', '=', 'cli-test-session').executeTakeFirstOrThrow();
        assert.ok(s.revoked_at);
      } finally {
        await db.close();
      }
      const missing = await vigil(target, 'users', 'reset-password', 'nobody');
      assert.equal(missing.code, 1);
      assert.match(missing.err, /no user named nobody/);
    });

    test('demo seed, then audit verify passes; export writes the CSV and is audited', async () => {
      // A small prison population keeps the backup and verify steps below quick.
      const seeded = await vigil(target, 'demo', 'seed', '--seed', '3', '--prisoners', '60');
      assert.equal(seeded.code, 0, seeded.err);
      assert.match(seeded.out, /password for all: /);
      assert.match((await vigil(target, 'demo', 'seed', '--seed', 'x')).err, /--seed must be a whole number/);

      const verified = await vigil(target, 'audit', 'verify');
      assert.equal(verified.code, 0, verified.err);
      const n = Number(/^ok: (\d+) events verified$/.exec(verified.out)?.[1]);
      assert.ok(n > 10);

      const file = join(dir, `audit-${STORE}.csv`);
      const exported = await vigil(target, 'audit', 'export', '--out', file, '--action', 'user.', '--from', '2000-01-01T00:00:00Z');
      assert.equal(exported.code, 0, exported.err);
      const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      assert.match(lines[0]!, /^seq,occurred_at,actor_username,/);
      assert.equal(exported.out, `wrote ${lines.length - 1} events to ${file}`);
      assert.ok(lines.length > 3 && lines.slice(1).every((l) => /,user\./.test(l)));
      const bad = await vigil(target, 'audit', 'export', '--out', file, '--from', 'last tuesday');
      assert.equal(bad.code, 1);
      assert.match(bad.err, /from: /);

      // The export is itself on the record (and the backup below starts from here).
      backupFile = join(dir, `cli-${STORE}.vigil.gz`);
      const made = await vigil(target, 'backup', 'create', backupFile);
      assert.equal(made.code, 0, made.err);
      assert.match(made.out, new RegExp(`^wrote .*: \\d+ rows in \\d+ tables; audit trail at seq ${n + 1}$`));
      assert.ok(existsSync(backupFile) && !existsSync(`${backupFile}.partial`));
    });

    test('backup restore into an empty database; a second restore needs --force', async () => {
      const other = await emptyTarget();
      const restored = await vigil(other, 'backup', 'restore', backupFile);
      assert.equal(restored.code, 0, restored.err);
      const events = Number(/audit trail verified: (\d+) events, plus one recording this restore/.exec(restored.out)?.[1]);
      assert.ok(events > 10);
      assert.equal((await vigil(other, 'audit', 'verify')).out, `ok: ${events + 1} events verified`);

      const refused = await vigil(other, 'backup', 'restore', backupFile);
      assert.equal(refused.code, 1);
      assert.match(refused.err, /already holds data .*--force.*the database was not changed/);
      const forced = await vigil(other, 'backup', 'restore', backupFile, '--force');
      assert.equal(forced.code, 0, forced.err);
      assert.match(forced.out, /replacing the data that was there/);

      const missing = await vigil(other, 'backup', 'restore', join(dir, 'nope.vigil.gz'));
      assert.equal(missing.code, 1);
      assert.match(missing.err, /no such file/);
    });

    test('audit verify exits 1 and names the seq after a superuser edits the trail', async () => {
      const db = await open(target);
      try {
        await sql`alter table audit_events disable trigger audit_events_no_update`.execute(db.db);
        await sql`update audit_events set action = 'user.viewed' where seq = 2`.execute(db.db);
        await sql`alter table audit_events enable trigger audit_events_no_update`.execute(db.db);
      } finally {
        await db.close();
      }
      const r = await vigil(target, 'audit', 'verify');
      assert.equal(r.code, 1);
      assert.match(r.err, /^vigil: broken at seq 2: hash \(1 events before it verified\)$/);
    });
  });

  test('a second process on a data folder in use gets a clear error, and nothing is lost', { skip: STORE === 'pglite' ? false : 'the embedded store only' }, async () => {
    const dataDir = mkdtempSync(join(dir, 'locked-'));
    // This test process plays the running server: it holds the folder and has written to it.
    const server = await connectDatabase({ dataDir });
    try {
      const { migrate } = await import('../platform/db/migrate.ts');
      await migrate(server.db);
      await server.db.transaction().execute(async (trx) => {
        const f = await trx.insertInto('facilities').values({ code: 'LOCK', name: 'Колония', country: 'TJ', region: 'Sughd', time_zone: 'Asia/Dushanbe', type: 'colony-strict', capacity: 5 }).returning('id').executeTakeFirstOrThrow();
        await appendAudit(trx, systemContext('test'), { action: 'facility.created', entityType: 'facility', entityId: f.id, facilityId: f.id });
      });

      const r = await spawnVigil({ VIGIL_DATA_DIR: dataDir }, 'users', 'create', '--username', 'intruder', '--staff-number', 'X-1', '--family-name', 'X', '--given-name', 'Y', '--role', 'auditor', '--all-facilities');
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, new RegExp(`^vigil: data folder .* is in use by process \\d+\\. Stop the Vigil server using it first`));
      assert.equal(r.out, '');

      // The holder carries on, with everything it wrote and nothing the refused command tried.
      assert.equal((await server.db.selectFrom('facilities').select('code').execute()).length, 1);
      assert.equal((await server.db.selectFrom('users').select('id').execute()).length, 0);
      await server.db.transaction().execute((trx) => appendAudit(trx, systemContext('test'), { action: 'test.still-writing' }));
    } finally {
      await server.close();
    }
    // Once it has stopped, the CLI opens the folder and finds both events intact.
    const verified = await spawnVigil({ VIGIL_DATA_DIR: dataDir }, 'audit', 'verify');
    assert.equal(verified.code, 0, verified.err);
    assert.equal(verified.out, 'ok: 2 events verified\n');
  });
});
