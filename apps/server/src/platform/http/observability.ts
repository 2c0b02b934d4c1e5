import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { DB } from '../db/schema.ts';

/** /health (the process answers), /ready (the database answers) and Prometheus /metrics. */
export function observabilityRoutes(app: FastifyInstance, db: Kysely<DB>) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'vigil_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  // Deliberately does not touch the database: it shows the event loop is free.
  app.get('/health', { config: { access: { public: true } }, schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/ready', { config: { access: { public: true } }, schema: { hide: true } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(db);
      return { status: 'ready' };
    } catch {
      return reply.status(503).type('application/problem+json').send({ type: 'https://vigil.example/problems/unavailable', title: 'Database unreachable', status: 503, code: 'unavailable' });
    }
  });

  app.get('/metrics', { config: { access: { public: true } }, schema: { hide: true } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
