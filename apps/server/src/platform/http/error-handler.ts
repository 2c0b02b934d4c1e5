import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { Language, ProblemCode } from '@vigil/contracts';
import { LANGUAGES } from '@vigil/contracts';
import { Problem, problemBody, problemFromDatabase } from '../errors.ts';

/** The user's language: their profile when signed in, else the browser's Accept-Language. */
export function requestLanguage(request: FastifyRequest): Language {
  const fromUser = request.session?.actor.language;
  if (fromUser) return fromUser;
  const header = String(request.headers['accept-language'] ?? '');
  for (const part of header.split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if ((LANGUAGES as readonly string[]).includes(tag)) return tag as Language;
  }
  return 'en';
}

function send(reply: FastifyReply, request: FastifyRequest, code: ProblemCode, extra: { detail?: string; errors?: { path: string; message: string }[] } = {}) {
  const body = problemBody(code, requestLanguage(request), {
    ...extra,
    instance: request.url.split('?')[0],
    requestId: String(request.id),
  });
  return reply.status(body.status).type('application/problem+json').send(body);
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof Problem) return send(reply, request, error.code, { detail: error.detail, errors: error.errors });

    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((v) => ({
        path: [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'invalid',
      }));
      return send(reply, request, 'validation', { errors });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (error instanceof SyntaxError && error.statusCode === 400)) {
      return send(reply, request, 'malformed-json');
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send(reply, request, 'payload-too-large');
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send(reply, request, 'unsupported-media-type');
    if (error.statusCode === 429) return send(reply, request, 'rate-limited');

    const fromDb = problemFromDatabase(error);
    if (fromDb) return send(reply, request, fromDb.code);

    if (isResponseSerializationError(error)) request.log.error({ err: error, cause: error.cause }, 'response did not match its schema');
    else request.log.error({ err: error }, 'unhandled error');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, request, 'validation', { detail: error.message });
    }
    return send(reply, request, 'internal');
  });

  app.setNotFoundHandler((request, reply) => send(reply, request, 'not-found'));
}
