import {
  CancelMovementBody,
  CreateKeepApartBody,
  CreateZoneBody,
  EndKeepApartBody,
  FacilityIdParams,
  IdParams,
  InternalMovement,
  InternalMovementList,
  KeepApart,
  KeepApartList,
  MovementBackBody,
  MovementLogQuery,
  MovementOutBody,
  OutOfCellQuery,
  PlanMovementBody,
  UpdateZoneBody,
  Zone,
  ZoneList,
} from '@vigil/contracts';
import type { App } from '../../platform/http/app-type.ts';
import type { MovementControlService } from './movement-control.service.ts';

const readers = { anyPermission: ['movements.manage', 'movements.rules'] as const };

/** Movement control inside a facility: zones, keep-apart groups, planned movements and the out-of-cell board. */
export function movementControlRoutes(app: App, control: MovementControlService) {
  app.get('/api/v1/facilities/:facilityId/zones', {
    config: { access: readers },
    schema: { tags: ['movement control'], summary: 'Zones of the facility with their rules (regime times, escort, restricted prisoners)', params: FacilityIdParams, response: { 200: ZoneList } },
    handler: async (request) => control.zones(request.ctx, request.params.facilityId),
  });

  app.post('/api/v1/facilities/:facilityId/zones', {
    config: { access: { permission: 'movements.rules' } },
    schema: { tags: ['movement control'], summary: 'Put rules on a place of the location tree (it covers the places beneath it)', params: FacilityIdParams, body: CreateZoneBody, response: { 201: Zone } },
    handler: async (request, reply) => reply.status(201).send(await control.createZone(request.ctx, request.params.facilityId, request.body)),
  });

  app.put('/api/v1/zones/:id', {
    config: { access: { permission: 'movements.rules' } },
    schema: { tags: ['movement control'], summary: 'Change a zone’s rules', params: IdParams, body: UpdateZoneBody, response: { 200: Zone } },
    handler: async (request) => control.updateZone(request.ctx, request.params.id, request.body),
  });

  app.get('/api/v1/facilities/:facilityId/keep-apart', {
    config: { access: readers },
    schema: { tags: ['movement control'], summary: 'Keep-apart groups (pairs are groups of two), current and ended; the read is audited', params: FacilityIdParams, response: { 200: KeepApartList } },
    handler: async (request) => control.keepApart(request.ctx, request.params.facilityId),
  });

  app.post('/api/v1/facilities/:facilityId/keep-apart', {
    config: { access: { permission: 'movements.rules' } },
    schema: { tags: ['movement control'], summary: 'Keep these prisoners apart (reason, source, from and until)', params: FacilityIdParams, body: CreateKeepApartBody, response: { 201: KeepApart } },
    handler: async (request, reply) => reply.status(201).send(await control.createKeepApart(request.ctx, request.params.facilityId, request.body)),
  });

  app.post('/api/v1/keep-apart/:id/end', {
    config: { access: { permission: 'movements.rules' } },
    schema: { tags: ['movement control'], summary: 'End a keep-apart group, with the reason', params: IdParams, body: EndKeepApartBody, response: { 200: KeepApart } },
    handler: async (request) => control.endKeepApart(request.ctx, request.params.id, request.body),
  });

  app.post('/api/v1/internal-movements', {
    config: { access: { permission: 'movements.manage' } },
    schema: {
      tags: ['movement control'],
      summary: 'Plan a movement out of cell; refused naming each rule broken (keep-apart, zone rules) unless overridden with allocation.override and a reason',
      body: PlanMovementBody,
      response: { 201: InternalMovement },
    },
    handler: async (request, reply) => reply.status(201).send(await control.plan(request.ctx, request.body)),
  });

  app.post('/api/v1/internal-movements/:id/out', {
    config: { access: { permission: 'movements.manage' } },
    schema: { tags: ['movement control'], summary: 'The prisoner has left for the movement (with the escort)', params: IdParams, body: MovementOutBody, response: { 200: InternalMovement } },
    handler: async (request) => control.out(request.ctx, request.params.id, request.body),
  });

  app.post('/api/v1/internal-movements/:id/back', {
    config: { access: { permission: 'movements.manage' } },
    schema: { tags: ['movement control'], summary: 'The prisoner is back in their cell', params: IdParams, body: MovementBackBody, response: { 200: InternalMovement } },
    handler: async (request) => control.back(request.ctx, request.params.id, request.body.version),
  });

  app.post('/api/v1/internal-movements/:id/cancel', {
    config: { access: { permission: 'movements.manage' } },
    schema: { tags: ['movement control'], summary: 'Call off a planned movement before the prisoner leaves', params: IdParams, body: CancelMovementBody, response: { 200: InternalMovement } },
    handler: async (request) => control.cancel(request.ctx, request.params.id, request.body),
  });

  app.get('/api/v1/facilities/:facilityId/out-of-cell', {
    config: { access: readers },
    schema: { tags: ['movement control'], summary: 'The out-of-cell board: who is out now (overdue flagged) and who is due out, optionally for one wing', params: FacilityIdParams, querystring: OutOfCellQuery, response: { 200: InternalMovementList } },
    handler: async (request) => control.board(request.ctx, request.params.facilityId, request.query.wingId),
  });

  app.get('/api/v1/facilities/:facilityId/movement-log', {
    config: { access: readers },
    schema: { tags: ['movement control'], summary: 'The movement log of a day on the facility’s clock (today by default)', params: FacilityIdParams, querystring: MovementLogQuery, response: { 200: InternalMovementList } },
    handler: async (request) => control.log(request.ctx, request.params.facilityId, request.query.date),
  });
}
