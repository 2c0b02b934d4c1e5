import {
  CloseCountBody,
  CountEntryParams,
  CountSession,
  CountSessionList,
  FacilityIdParams,
  IdParams,
  RecordCountBody,
  ResolveCountBody,
  Roll,
  StartCountBody,
} from '@vigil/contracts';
import type { App } from '../../platform/http/app-type.ts';
import type { CountsService } from './counts.service.ts';

export function countsRoutes(app: App, counts: CountsService) {
  app.get('/api/v1/facilities/:facilityId/roll', {
    config: { access: { permission: 'prisoners.read' } },
    schema: { tags: ['counts'], summary: 'The live roll: how many are in each place now, and how many of them are out', params: FacilityIdParams, response: { 200: Roll } },
    handler: async (request) => counts.roll(request.ctx, request.params.facilityId),
  });

  app.get('/api/v1/facilities/:facilityId/counts', {
    config: { access: { permission: 'prisoners.read' } },
    schema: { tags: ['counts'], summary: 'Recent count sessions, newest first', params: FacilityIdParams, response: { 200: CountSessionList } },
    handler: async (request) => counts.list(request.ctx, request.params.facilityId),
  });

  app.post('/api/v1/facilities/:facilityId/counts', {
    config: { access: { permission: 'counts.manage' } },
    schema: { tags: ['counts'], summary: 'Start a count (one at a time per facility); the roll at this moment is what it is compared with', params: FacilityIdParams, body: StartCountBody, response: { 201: CountSession } },
    handler: async (request, reply) => reply.status(201).send(await counts.start(request.ctx, request.params.facilityId)),
  });

  app.get('/api/v1/counts/:id', {
    config: { access: { permission: 'prisoners.read' } },
    schema: { tags: ['counts'], summary: 'A count session, one line per wing', params: IdParams, response: { 200: CountSession } },
    handler: async (request) => counts.get(request.ctx, request.params.id),
  });

  app.put('/api/v1/counts/:id/entries/:locationId', {
    config: { access: { permission: 'counts.manage' } },
    schema: { tags: ['counts'], summary: 'Record the count for one wing (a mismatch is flagged until resolved)', params: CountEntryParams, body: RecordCountBody, response: { 200: CountSession } },
    handler: async (request) => counts.record(request.ctx, request.params.id, request.params.locationId, request.body.counted),
  });

  app.post('/api/v1/counts/:id/entries/:locationId/resolve', {
    config: { access: { permission: 'counts.manage' } },
    schema: { tags: ['counts'], summary: 'Resolve a discrepancy: recount with the new number, or explain it', params: CountEntryParams, body: ResolveCountBody, response: { 200: CountSession } },
    handler: async (request) => counts.resolve(request.ctx, request.params.id, request.params.locationId, request.body),
  });

  app.post('/api/v1/counts/:id/close', {
    config: { access: { permission: 'counts.manage' } },
    schema: { tags: ['counts'], summary: 'Close the count (every wing counted, every discrepancy resolved)', params: IdParams, body: CloseCountBody, response: { 200: CountSession } },
    handler: async (request) => counts.close(request.ctx, request.params.id),
  });
}
