import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import Fastify, { type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App } from './platform/http/app-type.ts';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db/connect.ts';
import { systemClock, type Clock } from './platform/time/clock.ts';
import { installAccessHook, requireAccessDeclarations } from './platform/http/access-hook.ts';
import { installErrorHandler } from './platform/http/error-handler.ts';
import { installUtf8JsonParser } from './platform/http/json-body.ts';
import { documentIdempotencyKey, installIdempotency } from './platform/http/idempotency.ts';
import { observabilityRoutes } from './platform/http/observability.ts';
import { serveWebApp } from './platform/http/web-app.ts';
import { buildServices, type Services } from './services.ts';
import { MODULES } from './modules/index.ts';
import { eventsRoutes } from './platform/events/events.routes.ts';
import { navigationRoutes } from './platform/modules/navigation.ts';

export type { App };

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export interface BuildOptions {
  config: Config;
  database: Database;
  logger?: FastifyServerOptions['logger'];
  /** Tests fix the time with it; the system clock otherwise. */
  clock?: Clock;
}

/** Never logs secrets or personal data: cookies, credentials and bodies stay out of the log. */
export const loggerOptions = (level: string) => ({
  level,
  redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
  serializers: {
    req: (req: { method: string; routeOptions?: { url?: string }; url: string; id: string }) => ({
      method: req.method,
      // The route pattern, not the URL: query strings can carry names typed into a search box.
      route: req.routeOptions?.url ?? req.url.split('?')[0],
      id: req.id,
    }),
  },
});

export async function buildApp(opts: BuildOptions): Promise<{ app: App; services: Services }> {
  const { config, database } = opts;
  const app = Fastify({
    logger: opts.logger ?? loggerOptions(config.logLevel),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.production,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  requireAccessDeclarations(app);
  installErrorHandler(app);
  installUtf8JsonParser(app);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine writes its theme variables into a <style> element at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Vigil API',
        version: '1',
        description: 'Prison security, records and high-risk prisoner management. Errors are RFC 9457 problem+json. State-changing requests need the X-CSRF-Token header from /api/v1/auth/session.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'vigil_session' } } },
      security: [{ session: [] }],
    },
    transform: (args) => {
      const out = jsonSchemaTransform(args);
      const access = (args.route.config as { access?: import('./platform/http/access-hook.ts').Access } | undefined)?.access;
      if (access) (out.schema as Record<string, unknown>)['x-vigil-access'] = access;
      documentIdempotencyKey(args.route, out.schema as Record<string, unknown>);
      return out;
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const services = buildServices({ db: database.db, config, database, clock: opts.clock ?? systemClock });
  installAccessHook(app, (token) => services.auth.resolveSession(token));
  installIdempotency(app, database.db, config.secret);
  observabilityRoutes(app, database.db);
  // Each module registers only its routes, with only its services (each route declares its access);
  // the live event stream and the navigation gathered from every module are the platform's.
  await app.register(async (api) => {
    for (const module of MODULES) module.routes?.(api as App, services as never, config);
    eventsRoutes(api as App, services.events);
    navigationRoutes(api as App, MODULES);
  });
  // Events are delivered while the app serves: from its start (catching up on what was missed) to its close.
  app.addHook('onReady', () => services.events.start((message, err) => app.log.error({ err }, message)));
  // What a stopped process left half-done is finished in the background; serving does not wait.
  app.addHook('onReady', async () => {
    for (const module of MODULES) {
      module.start?.(services as never).catch((err: unknown) => app.log.error({ err }, `module ${module.name} could not finish its start-up work`));
    }
  });
  app.addHook('onClose', async () => {
    for (const module of MODULES) await module.stop?.(services as never);
  });
  app.addHook('onClose', () => services.events.stop());

  if (existsSync(config.webDist)) await serveWebApp(app, config.webDist);
  return { app, services };
}
