import { existsSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { Problem } from '../errors.ts';

/**
 * Serves the built single-page app. Files are sent when they exist; any other path that is not
 * under /api gets index.html so deep links work; unknown API paths stay problem+json 404s.
 */
export async function serveWebApp(app: FastifyInstance, root: string) {
  await app.register(fastifyStatic, { root, serve: false });
  app.get('/*', { config: { access: { public: true } }, schema: { hide: true } }, async (request, reply) => {
    const path = normalize(decodeURIComponent(request.url.split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
    if (path.startsWith('/api/')) throw new Problem('not-found');
    const file = join(root, path);
    if (file.startsWith(root) && existsSync(file) && statSync(file).isFile()) {
      const immutable = path.startsWith('/assets/');
      return reply.sendFile(path.slice(1), { maxAge: immutable ? '365d' : 0, immutable });
    }
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
}
