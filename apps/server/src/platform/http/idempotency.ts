import { createHmac } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { Problem } from '../errors.ts';

/*
 * The Idempotency-Key header (IETF draft "The Idempotency-Key HTTP Header Field") on POST requests
 * under /api/v1: a client that retries a write (a dropped connection on a tablet, a double click)
 * sends the same key, and gets the first outcome back instead of a second record.
 *
 * - Keys are per user: another user's identical key is another request.
 * - The first final outcome is kept: 2xx and 4xx (a refusal is as final as a success). A 5xx is
 *   not: its transaction rolled back, so the key is freed and a retry runs again.
 * - Auth routes are left out: they set session cookies and hand out secrets (a new authenticator
 *   secret), which must never sit in this table.
 * - The request is kept only as an HMAC over method, path and body (raw bytes for uploads), keyed
 *   with the server secret: a temporary password in a body cannot be recovered from it.
 * - A first request that never recorded its outcome (the process died after its commit) keeps the
 *   key "in flight" (409) until it expires: we cannot know whether it wrote, so we do not run it again.
 */

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

// The draft makes the key a Structured Field string, usually a UUID; we accept it quoted or bare,
// from a conservative character set so it is safe in logs and storage.
const KEY = /^[A-Za-z0-9._~:+/=-]{8,255}$/;
const EXCLUDED_PREFIXES = ['/api/v1/auth/'];
const PURGE_EVERY_MS = 10 * 60 * 1000;

declare module 'fastify' {
  interface FastifyRequest {
    /** Set when this request holds an idempotency key whose outcome it must record. */
    idempotencyKey: { userId: string; key: string } | null;
  }
}

/** The key from the header, unquoted; null when absent; a 400 problem when malformed. */
export function parseIdempotencyKey(header: string | string[] | undefined): string | null {
  if (header === undefined) return null;
  if (Array.isArray(header)) throw new Problem('idempotency-key-invalid');
  const quoted = header.length >= 2 && header.startsWith('"') && header.endsWith('"');
  const key = quoted ? header.slice(1, -1) : header;
  if (!KEY.test(key)) throw new Problem('idempotency-key-invalid');
  return key;
}

/** Does the outcome of a first request become the answer to every retry? 2xx and 4xx, not 5xx. */
export const isFinalOutcome = (status: number) => status >= 200 && status < 500;

const coveredRoute = (method: string | readonly string[], route: string) =>
  (Array.isArray(method) ? method.includes('POST') : method === 'POST') && route.startsWith('/api/v1/') && !EXCLUDED_PREFIXES.some((p) => route.startsWith(p));

const covered = (request: FastifyRequest) => coveredRoute(request.method, request.routeOptions.url ?? '');

/** Adds the optional Idempotency-Key header to a covered operation in the API spec (the swagger transform). */
export function documentIdempotencyKey(route: { method: string | readonly string[]; url: string }, schema: Record<string, unknown>): void {
  if (!coveredRoute(route.method, route.url)) return;
  const headers = (schema.headers ?? { type: 'object', properties: {} }) as { properties?: Record<string, unknown> };
  headers.properties = {
    ...headers.properties,
    [IDEMPOTENCY_HEADER]: {
      type: 'string',
      minLength: 8,
      maxLength: 257,
      description:
        'Optional. A unique key per logical request (a UUID). A retry with the same key and body returns the first response (2xx or 4xx) without writing again; the same key with another body gets 422, and a retry while the first is still running gets 409. Kept 24 hours, per user.',
    },
  };
  schema.headers = headers;
}

/** What makes two requests "the same": method, path with query, and body (its raw bytes for uploads, else its JSON). */
export function requestFingerprint(secret: string, request: { method: string; url: string; body: unknown }): string {
  const body = request.body;
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body ?? null));
  return createHmac('sha256', secret).update(`${request.method} ${request.url}\n`).update(bytes).digest('base64url');
}

export function installIdempotency(app: FastifyInstance, db: Kysely<DB>, secret: string): void {
  app.decorateRequest('idempotencyKey', null);
  let lastPurge = 0;

  /** Expired keys go at most every ten minutes, from whichever request comes by (no scheduler needed). */
  async function purgeExpired(now: number) {
    if (now - lastPurge < PURGE_EVERY_MS) return;
    lastPurge = now;
    await db.deleteFrom('idempotency_keys').where('created_at', '<', new Date(now - IDEMPOTENCY_TTL_MS)).execute();
  }

  async function replay(reply: FastifyReply, row: { status_code: number; content_type: string | null; response_body: Buffer | null }) {
    reply.code(row.status_code).header('idempotent-replayed', 'true');
    if (row.content_type) reply.type(row.content_type);
    return reply.send(row.response_body ?? undefined);
  }

  // After the access hook (registered before this one): the user is known, and a caller without
  // access never reaches the table. Before validation: a refused body is a final outcome too.
  app.addHook('preValidation', async (request, reply) => {
    if (request.is404 || !covered(request)) return;
    const key = parseIdempotencyKey(request.headers[IDEMPOTENCY_HEADER]);
    const userId = request.session?.actor.userId;
    if (key === null || !userId) return;

    const now = Date.now();
    await purgeExpired(now);
    const print = requestFingerprint(secret, request);
    // Claim the key, or take over an expired claim, in one statement (so two retries cannot both win).
    const claimed = await db
      .insertInto('idempotency_keys')
      .values({ user_id: userId, key, fingerprint: print, created_at: new Date(now) })
      .onConflict((oc) =>
        oc
          .columns(['user_id', 'key'])
          .doUpdateSet({ fingerprint: print, status_code: null, content_type: null, response_body: null, created_at: new Date(now) })
          .where('idempotency_keys.created_at', '<', new Date(now - IDEMPOTENCY_TTL_MS)),
      )
      .returning('key')
      .executeTakeFirst();
    if (claimed) {
      request.idempotencyKey = { userId, key };
      return;
    }

    const first = await db.selectFrom('idempotency_keys').selectAll().where('user_id', '=', userId).where('key', '=', key).executeTakeFirst();
    // Gone between the two statements: its first request failed with a 5xx. Nothing was written.
    if (!first) throw new Problem('idempotency-key-in-flight');
    if (first.fingerprint !== print) throw new Problem('idempotency-key-reused');
    if (first.status_code === null) throw new Problem('idempotency-key-in-flight');
    return replay(reply, { ...first, status_code: first.status_code });
  });

  // Recorded before the response leaves: a client that has its answer finds it stored when it retries.
  app.addHook('onSend', async (request, reply, payload) => {
    const held = request.idempotencyKey;
    if (!held) return payload;
    request.idempotencyKey = null;
    if (!isFinalOutcome(reply.statusCode)) {
      // A server error rolled its transaction back: free the key so a retry runs again.
      await db.deleteFrom('idempotency_keys').where('user_id', '=', held.userId).where('key', '=', held.key).execute();
      return payload;
    }
    // A streamed body cannot be kept; its status and type are (no POST streams today).
    const body = typeof payload === 'string' ? Buffer.from(payload) : Buffer.isBuffer(payload) ? payload : null;
    const type = reply.getHeader('content-type');
    await db
      .updateTable('idempotency_keys')
      .set({ status_code: reply.statusCode, content_type: type === undefined ? null : String(type), response_body: body })
      .where('user_id', '=', held.userId)
      .where('key', '=', held.key)
      .execute();
    return payload;
  });
}
