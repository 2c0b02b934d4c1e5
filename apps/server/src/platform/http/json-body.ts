import type { FastifyInstance } from 'fastify';
import { Problem } from '../errors.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * JSON bodies are decoded as strict UTF-8. Fastify's own parser reads bytes that are not UTF-8
 * (a client sending Windows-1251, a truncated character) as U+FFFD and carries on, so a name would
 * be stored silently changed; here such a body is refused with 400 body-not-utf8. The parsing
 * itself stays Fastify's, with its guard against __proto__ and constructor poisoning.
 */
export function installUtf8JsonParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      done(new Problem('body-not-utf8'), undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
