import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';

export interface Config {
  production: boolean;
  host: string;
  port: number;
  /** Embedded database folder, used when databaseUrl is not set. */
  dataDir: string;
  databaseUrl: string | undefined;
  /** Key material for encrypting MFA secrets at rest (≥ 32 characters). */
  secret: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Seed the demo dataset when the database is empty. */
  seedDemo: boolean;
  logLevel: string;
  webDist: string;
  bodyLimitBytes: number;
  signInRateLimitPerMinute: number;
}

export class ConfigError extends Error {}

/**
 * Relative paths are taken from where the user typed the command: npm runs workspace scripts
 * inside apps/server, but sets INIT_CWD to the folder `npm start` was called from.
 */
export const invocationDir = () => process.env.INIT_CWD || process.cwd();

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  return n;
}

/** In development the secret is made once and kept in the data folder, so restarts keep MFA working. */
function developmentSecret(dataDir: string): string {
  const file = join(dataDir, '.vigil-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * Reads configuration from the environment (and `.env`, loaded by the entry points).
 * Development gets safe defaults; production refuses to start without its secrets.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const dataDir = resolve(invocationDir(), env.VIGIL_DATA_DIR || './data');
  const databaseUrl = env.DATABASE_URL || undefined;

  if (production) {
    const missing: string[] = [];
    if (!env.VIGIL_SECRET) missing.push('VIGIL_SECRET');
    if (!databaseUrl && !env.VIGIL_DATA_DIR) missing.push('DATABASE_URL or VIGIL_DATA_DIR');
    if (missing.length) throw new ConfigError(`refusing to start in production without ${missing.join(', ')}`);
  }
  const secret = env.VIGIL_SECRET || developmentSecret(dataDir);
  if (secret.length < 32) throw new ConfigError('VIGIL_SECRET must be at least 32 characters');

  return {
    production,
    host: env.HOST || (production ? '0.0.0.0' : '127.0.0.1'),
    port: int(env, 'PORT', 8080),
    dataDir,
    databaseUrl,
    secret,
    sessionIdleMinutes: int(env, 'VIGIL_SESSION_IDLE_MINUTES', 30),
    sessionAbsoluteHours: int(env, 'VIGIL_SESSION_ABSOLUTE_HOURS', 12),
    seedDemo: env.VIGIL_SEED_DEMO ? env.VIGIL_SEED_DEMO === 'true' : !production,
    logLevel: env.LOG_LEVEL || (production ? 'info' : 'info'),
    webDist: resolve(env.VIGIL_WEB_DIST || new URL('../../../web/dist', import.meta.url).pathname),
    bodyLimitBytes: int(env, 'VIGIL_BODY_LIMIT_BYTES', 256 * 1024),
    signInRateLimitPerMinute: int(env, 'VIGIL_SIGN_IN_RATE_LIMIT', 20),
  };
}

/** Loads `.env` from the folder the command was run in, when present (Node ≥ 20.12). */
export function loadDotEnv(): void {
  const file = join(invocationDir(), '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}
