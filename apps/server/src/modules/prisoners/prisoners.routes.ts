import { z } from 'zod';
import {
  CorrectPrisonerBody,
  IdParams,
  PlacementList,
  Prisoner,
  PrisonerSearchQuery,
  PrisonerSearchResult,
  PrisonerVersionList,
  ProfileViewList,
} from '@vigil/contracts';
import type { App } from '../../platform/http/app-type.ts';
import type { PrisonersService } from './prisoners.service.ts';

const PHOTO_LIMIT_BYTES = 5 * 1024 * 1024;

export function prisonersRoutes(app: App, prisoners: PrisonersService) {
  // Photographs arrive as the raw image; they have a larger limit than JSON bodies.
  for (const type of ['image/jpeg', 'image/png']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: PHOTO_LIMIT_BYTES }, (_req, body, done) => done(null, body));
  }

  app.get('/api/v1/prisoners', {
    config: { access: { permission: 'prisoners.read' } },
    schema: {
      tags: ['prisoners'],
      summary: 'Find prisoners by prison number, document number or name, in any script or spelling',
      querystring: PrisonerSearchQuery,
      response: { 200: PrisonerSearchResult },
    },
    handler: async (request) =>
      prisoners.search(request.ctx, { ...request.query, includeReleased: request.query.includeReleased === 'true' }),
  });

  app.get('/api/v1/prisoners/:id', {
    config: { access: { permission: 'prisoners.read' } },
    schema: { tags: ['prisoners'], summary: 'The prisoner file (the read is audited)', params: IdParams, response: { 200: Prisoner } },
    handler: async (request) => prisoners.get(request.ctx, request.params.id),
  });

  app.put('/api/v1/prisoners/:id', {
    config: { access: { permission: 'prisoners.correct' } },
    schema: { tags: ['prisoners'], summary: 'Correct the file: a new version with reason and author', params: IdParams, body: CorrectPrisonerBody, response: { 200: Prisoner } },
    handler: async (request) => prisoners.correct(request.ctx, request.params.id, request.body),
  });

  app.get('/api/v1/prisoners/:id/versions', {
    config: { access: { permission: 'prisoners.read' } },
    schema: { tags: ['prisoners'], summary: 'Every version of the file, newest first', params: IdParams, response: { 200: PrisonerVersionList } },
    handler: async (request) => prisoners.versions(request.ctx, request.params.id),
  });

  app.get('/api/v1/prisoners/:id/placements', {
    config: { access: { permission: 'prisoners.read' } },
    schema: { tags: ['prisoners'], summary: 'Location history, newest first', params: IdParams, response: { 200: PlacementList } },
    handler: async (request) => prisoners.placements(request.ctx, request.params.id),
  });

  app.get('/api/v1/prisoners/:id/views', {
    config: { access: { permission: 'prisoners.views.read' } },
    schema: { tags: ['prisoners'], summary: 'Who opened this file, newest first', params: IdParams, response: { 200: ProfileViewList } },
    handler: async (request) => prisoners.views(request.ctx, request.params.id),
  });

  app.put('/api/v1/prisoners/:id/photo', {
    config: { access: { permission: 'reception.manage' } },
    schema: {
      tags: ['prisoners'],
      summary: 'Set the photograph (send the JPEG or PNG itself as the body)',
      params: IdParams,
      consumes: ['image/jpeg', 'image/png'],
      body: z.any(),
      response: { 200: Prisoner },
    },
    handler: async (request) => {
      if (!Buffer.isBuffer(request.body)) throw Object.assign(new Error('photo body'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' });
      return prisoners.setPhoto(request.ctx, request.params.id, request.body);
    },
  });

  app.get('/api/v1/prisoners/:id/photo', {
    config: { access: { permission: 'prisoners.read' } },
    schema: { tags: ['prisoners'], summary: 'The photograph', params: IdParams },
    handler: async (request, reply) => {
      const photo = await prisoners.photo(request.ctx, request.params.id);
      return reply
        .header('content-type', photo.contentType)
        .header('cache-control', 'private, no-store')
        .header('etag', `"${photo.sha256}"`)
        .send(photo.bytes);
    },
  });
}
