import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * A response body made once and sent many times: the JSON, its entity tag, and the gzipped JSON,
 * made the first time a client accepts it (most do: browsers always send Accept-Encoding).
 */
export class PreparedJson {
  readonly json: string;
  readonly etag: string;
  private zipped: Buffer | null = null;

  constructor(value: unknown) {
    this.json = JSON.stringify(value);
    // A tag, not a secret: a fast digest of the body is enough to tell versions apart.
    this.etag = `"${createHash('sha1').update(this.json).digest('base64url')}"`;
  }

  get gzip(): Buffer {
    return (this.zipped ??= gzipSync(this.json));
  }
}

const GZIP = /\bgzip\b/;

/**
 * Sends a prepared body: 304 when the client holds this version already (a tablet on a poor
 * network reloading a screen), gzipped when the client accepts it, plain JSON otherwise. The
 * client may keep it but must ask again each time (`no-cache`), so a change shows at once.
 */
export function sendPrepared(request: FastifyRequest, reply: FastifyReply, body: PreparedJson) {
  void reply.header('etag', body.etag).header('vary', 'accept-encoding').header('cache-control', 'private, no-cache');
  if (request.headers['if-none-match'] === body.etag) return reply.code(304).send();
  void reply.type('application/json; charset=utf-8');
  if (GZIP.test(request.headers['accept-encoding'] ?? '')) return reply.header('content-encoding', 'gzip').send(body.gzip);
  return reply.send(body.json);
}
