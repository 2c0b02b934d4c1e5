import { existsSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { Problem } from '../errors.ts';

/** Hashed file names change with their content, so a browser may keep them for a year unasked. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built single-page app. Files are sent when they exist: the build's `.br` or `.gz`
 * beside a file when the browser accepts it (with `Vary: Accept-Encoding`), the file itself
 * otherwise. Files under /assets are cached for a year; everything else (index.html above all,
 * which names the current release's files) is revalidated on every load. Any other path that is
 * not under /api or /assets gets index.html so deep links work; unknown API paths stay
 * problem+json 404s, and so does a missing asset (an old release's chunk is not a page).
 */
export async function serveWebApp(app: FastifyInstance, root: string) {
  await app.register(fastifyStatic, { root, serve: false, preCompressed: true });
  app.get('/*', { config: { access: { public: true } }, schema: { hide: true } }, async (request, reply) => {
    const path = normalize(decodeURIComponent(request.url.split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
    if (path.startsWith('/api/')) throw new Problem('not-found');
    const asset = path.startsWith('/assets/');
    const file = join(root, path);
    if (file.startsWith(root) && existsSync(file) && statSync(file).isFile()) {
      reply.header('cache-control', asset ? IMMUTABLE : 'no-cache');
      return reply.sendFile(path.slice(1), { cacheControl: false });
    }
    if (asset) throw new Problem('not-found');
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html', { cacheControl: false });
  });
}
