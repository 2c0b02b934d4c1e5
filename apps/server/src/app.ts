import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyServerOptions,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db/connect.ts';
import { installAccessHook, requireAccessDeclarations } from './platform/http/access-hook.ts';
import { installErrorHandler } from './platform/http/error-handler.ts';
import { observabilityRoutes } from './platform/http/observability.ts';
import { serveWebApp } from './platform/http/web-app.ts';
import { buildServices, type Services } from './services.ts';
import { registerModules } from './modules/index.ts';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export interface BuildOptions {
  config: Config;
  database: Database;
  logger?: FastifyServerOptions['logger'];
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
      return out;
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const services = buildServices({ db: database.db, config, database });
  installAccessHook(app, (token) => services.auth.resolveSession(token));
  observabilityRoutes(app, database.db);
  await app.register(async (api) => registerModules(api as App, services, config));
  // Events are delivered while the app serves: from its start (catching up on what was missed) to its close.
  app.addHook('onReady', () => services.events.start((message, err) => app.log.error({ err }, message)));
  app.addHook('onClose', () => services.events.stop());

  if (existsSync(config.webDist)) await serveWebApp(app, config.webDist);
  return { app, services };
}
