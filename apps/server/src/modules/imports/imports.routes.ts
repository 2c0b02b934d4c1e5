import { z } from 'zod';
import { CommitImportBody, DryRunBody, IdParams, Import, IMPORT_CONTENT_TYPES, ImportList, ImportListQuery, UploadImportQuery } from '@vigil/contracts';
import type { App } from '../../platform/http/app-type.ts';
import { eventStreams } from '../../platform/http/event-stream.ts';
import { IMPORT_LIMITS } from './imports.parse.ts';
import type { ImportsService } from './imports.service.ts';

export function importsRoutes(app: App, imports: ImportsService) {
  const streams = eventStreams(app);

  // In a scope of their own: the raw-file content types (and their larger limit) apply to the
  // upload only, not to every other route of the API.
  app.register(async (scope: App) => {
    for (const type of IMPORT_CONTENT_TYPES) {
      scope.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: IMPORT_LIMITS.bytes }, (_req, body, done) => done(null, body));
    }

    scope.post('/api/v1/imports/prisoners', {
      config: { access: { permission: 'prisoners.import' } },
      schema: {
        tags: ['imports'],
        summary: 'Upload a prisoner register (send the CSV or XLSX file itself as the body, at most 20 MB): read, mapping suggested, first dry run',
        querystring: UploadImportQuery,
        consumes: [...IMPORT_CONTENT_TYPES],
        body: z.any(),
        response: { 201: Import },
      },
      handler: async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) throw Object.assign(new Error('import body'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' });
        return reply.status(201).send(await imports.upload(request.ctx, request.query, request.body));
      },
    });

    scope.get('/api/v1/imports', {
      config: { access: { permission: 'prisoners.import' } },
      schema: { tags: ['imports'], summary: 'Recent imports in the facilities in scope, newest first', querystring: ImportListQuery, response: { 200: ImportList } },
      handler: async (request) => imports.list(request.ctx, request.query),
    });

    scope.get('/api/v1/imports/:id', {
      config: { access: { permission: 'prisoners.import' } },
      schema: { tags: ['imports'], summary: 'An import: mapping, last report, and progress while it commits', params: IdParams, response: { 200: Import } },
      handler: async (request) => imports.get(request.ctx, request.params.id),
    });

    scope.get('/api/v1/imports/:id/progress', {
      config: { access: { permission: 'prisoners.import' } },
      schema: {
        tags: ['imports'],
        summary:
          'The commit as it runs, as server-sent events (ImportProgressEvent: waiting, progress, finished), ending after finished. Open it before POST …/commit: it answers even while the commit holds the embedded database.',
        params: IdParams,
        produces: ['text/event-stream'],
        response: { 200: z.string().describe('text/event-stream') },
      },
      handler: async (request, reply) => {
        const subscribe = await imports.follow(request.ctx, request.params.id);
        const stream = streams.open(reply);
        const unsubscribe = subscribe((event) => {
          stream.send(event.type, event);
          if (event.type === 'finished') stream.end();
        });
        void stream.closed.then(unsubscribe);
        return reply;
      },
    });

    scope.post('/api/v1/imports/:id/dry-run', {
      config: { access: { permission: 'prisoners.import' } },
      schema: { tags: ['imports'], summary: 'Check every row with this column mapping; nothing is imported', params: IdParams, body: DryRunBody, response: { 200: Import } },
      handler: async (request) => imports.dryRun(request.ctx, request.params.id, request.body),
    });

    scope.post('/api/v1/imports/:id/commit', {
      config: { access: { permission: 'prisoners.import' } },
      schema: {
        tags: ['imports'],
        summary: 'Import every row, or none (422 import-invalid with the rows at fault); runs on, poll GET for progress',
        params: IdParams,
        body: CommitImportBody,
        response: { 202: Import },
      },
      handler: async (request, reply) => reply.status(202).send((await imports.commit(request.ctx, request.params.id, request.body)).import),
    });
  });
}
