import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.ts';

const SECRET = 'a-production-secret-of-at-least-32-chars';

describe('configuration', () => {
  test('production refuses to start without VIGIL_SECRET', () => {
    assert.throws(
      () => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db.internal/vigil' }),
      (e: unknown) => e instanceof ConfigError && /VIGIL_SECRET/.test(e.message),
    );
  });

  test('production refuses to start without a database or a data folder named explicitly', () => {
    assert.throws(
      () => loadConfig({ NODE_ENV: 'production', VIGIL_SECRET: SECRET }),
      (e: unknown) => e instanceof ConfigError && /DATABASE_URL or VIGIL_DATA_DIR/.test(e.message),
    );
  });

  test('production starts with its secrets and listens on all interfaces', () => {
    const config = loadConfig({ NODE_ENV: 'production', VIGIL_SECRET: SECRET, DATABASE_URL: 'postgres://db.internal/vigil' });
    assert.equal(config.production, true);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.seedDemo, false, 'no demo data in production unless asked for');
    assert.equal(config.secret, SECRET);
  });

  test('a short secret is refused', () => {
    assert.throws(() => loadConfig({ VIGIL_SECRET: 'too-short' }), ConfigError);
  });

  test('a malformed number is refused with the variable named', () => {
    assert.throws(
      () => loadConfig({ VIGIL_SECRET: SECRET, PORT: 'eighty' }),
      (e: unknown) => e instanceof ConfigError && /PORT/.test(e.message),
    );
  });

  test('development has safe defaults and keeps a generated secret in the data folder', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vigil-config-'));
    try {
      const first = loadConfig({ VIGIL_DATA_DIR: dataDir });
      assert.equal(first.production, false);
      assert.equal(first.host, '127.0.0.1', 'development listens on loopback only');
      assert.equal(first.port, 8080);
      assert.ok(first.secret.length >= 32);
      const file = join(dataDir, '.vigil-secret');
      assert.ok(existsSync(file));
      assert.equal(readFileSync(file, 'utf8').trim(), first.secret);
      // A restart keeps the same secret, so sealed MFA secrets still open.
      assert.equal(loadConfig({ VIGIL_DATA_DIR: dataDir }).secret, first.secret);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
