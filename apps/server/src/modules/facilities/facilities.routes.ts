import { z } from 'zod';
import { CreateFacilityBody, DeactivateBody, Facility, IdParams, UpdateFacilityBody } from '@vigil/contracts';
import type { App } from '../../platform/http/app-type.ts';
import type { FacilitiesService } from './facilities.service.ts';

const ListQuery = z.object({ includeInactive: z.enum(['true', 'false']).optional() }).strict();

export function facilitiesRoutes(app: App, facilities: FacilitiesService) {
  app.get('/api/v1/facilities', {
    config: { access: { permission: 'facilities.read' } },
    schema: { tags: ['facilities'], summary: 'Facilities the user is assigned to', querystring: ListQuery, response: { 200: z.object({ items: z.array(Facility) }) } },
    handler: async (request) => ({ items: await facilities.list(request.ctx, request.query.includeInactive === 'true') }),
  });

  app.get('/api/v1/facilities/:id', {
    config: { access: { permission: 'facilities.read' } },
    schema: { tags: ['facilities'], summary: 'One facility', params: IdParams, response: { 200: Facility } },
    handler: async (request) => facilities.get(request.ctx, request.params.id),
  });

  app.post('/api/v1/facilities', {
    config: { access: { permission: 'facilities.manage' } },
    schema: { tags: ['facilities'], summary: 'Create a facility', body: CreateFacilityBody, response: { 201: Facility } },
    handler: async (request, reply) => reply.status(201).send(await facilities.create(request.ctx, request.body)),
  });

  app.put('/api/v1/facilities/:id', {
    config: { access: { permission: 'facilities.manage' } },
    schema: { tags: ['facilities'], summary: 'Update a facility (send the version you edited)', params: IdParams, body: UpdateFacilityBody, response: { 200: Facility } },
    handler: async (request) => facilities.update(request.ctx, request.params.id, request.body),
  });

  app.post('/api/v1/facilities/:id/deactivate', {
    config: { access: { permission: 'facilities.manage' } },
    schema: { tags: ['facilities'], summary: 'Deactivate a facility (never deleted)', params: IdParams, body: DeactivateBody, response: { 200: Facility } },
    handler: async (request) => facilities.deactivate(request.ctx, request.params.id, request.body.reason, request.body.version),
  });
}
