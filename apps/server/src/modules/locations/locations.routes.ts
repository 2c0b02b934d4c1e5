import {
  BulkCellsBody,
  CreateLocationBody,
  DeactivateLocationBody,
  FacilityIdParams,
  IdParams,
  Location,
  LocationList,
  LocationTreeQuery,
  ReactivateLocationBody,
  UpdateLocationBody,
} from '@vigil/contracts';
import type { App } from '../../platform/http/app-type.ts';
import { sendPrepared } from '../../platform/http/prepared-json.ts';
import type { LocationsService } from './locations.service.ts';

export function locationsRoutes(app: App, locations: LocationsService) {
  app.get('/api/v1/facilities/:facilityId/locations', {
    config: { access: { permission: 'locations.read' } },
    schema: {
      tags: ['locations'],
      summary: "A facility's places, flat and ordered by path (build the tree from parentId). Gzipped when accepted; send the ETag back in If-None-Match for 304 when nothing changed",
      params: FacilityIdParams,
      querystring: LocationTreeQuery,
      response: { 200: LocationList },
    },
    // Prepared once per version of the tree (checked against LocationList then): sent as it is.
    handler: async (request, reply) => sendPrepared(request, reply, await locations.tree(request.ctx, request.params.facilityId, request.query.includeInactive === 'true')),
  });

  app.get('/api/v1/locations/:id', {
    config: { access: { permission: 'locations.read' } },
    schema: { tags: ['locations'], summary: 'One place', params: IdParams, response: { 200: Location } },
    handler: async (request) => locations.get(request.ctx, request.params.id),
  });

  app.post('/api/v1/facilities/:facilityId/locations', {
    config: { access: { permission: 'locations.manage' } },
    schema: { tags: ['locations'], summary: 'Add a place', params: FacilityIdParams, body: CreateLocationBody, response: { 201: Location } },
    handler: async (request, reply) => reply.status(201).send(await locations.create(request.ctx, request.params.facilityId, request.body)),
  });

  app.put('/api/v1/locations/:id', {
    config: { access: { permission: 'locations.manage' } },
    schema: { tags: ['locations'], summary: 'Update or move a place (send the version you edited)', params: IdParams, body: UpdateLocationBody, response: { 200: Location } },
    handler: async (request) => locations.update(request.ctx, request.params.id, request.body),
  });

  app.post('/api/v1/locations/:id/deactivate', {
    config: { access: { permission: 'locations.manage' } },
    schema: { tags: ['locations'], summary: 'Deactivate a place with a reason (never deleted)', params: IdParams, body: DeactivateLocationBody, response: { 200: Location } },
    handler: async (request) => locations.deactivate(request.ctx, request.params.id, request.body.reason, request.body.version),
  });

  app.post('/api/v1/locations/:id/reactivate', {
    config: { access: { permission: 'locations.manage' } },
    schema: { tags: ['locations'], summary: 'Reactivate a place', params: IdParams, body: ReactivateLocationBody, response: { 200: Location } },
    handler: async (request) => locations.reactivate(request.ctx, request.params.id, request.body.version),
  });

  app.post('/api/v1/facilities/:facilityId/locations/bulk-cells', {
    config: { access: { permission: 'locations.manage' } },
    schema: { tags: ['locations'], summary: "Create a landing's cells in one go (all or none)", params: FacilityIdParams, body: BulkCellsBody, response: { 201: LocationList } },
    handler: async (request, reply) => reply.status(201).send({ items: await locations.bulkCells(request.ctx, request.params.facilityId, request.body) }),
  });
}
