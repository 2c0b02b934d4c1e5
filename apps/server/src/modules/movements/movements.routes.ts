import {
  CancelTransferBody,
  FacilityIdParams,
  IdParams,
  Movement,
  MovementList,
  PropertyList,
  ReceiveTransferBody,
  ReleaseBody,
  ReleaseCheck,
  ReturnFromAbsenceBody,
  ReturnPropertyBody,
  StartAbsenceBody,
  StartTransferBody,
  TransferDestinationList,
  TransferInList,
} from '@vigil/contracts';
import type { App } from '../../platform/http/app-type.ts';
import type { MovementsService } from './movements.service.ts';
import type { ReleaseService } from './release.service.ts';

export function movementsRoutes(app: App, movements: MovementsService, release: ReleaseService) {
  app.get('/api/v1/prisoners/:id/movements', {
    config: { access: { permission: 'prisoners.read' } },
    schema: { tags: ['movements'], summary: 'Absences, transfers and release, newest first', params: IdParams, response: { 200: MovementList } },
    handler: async (request) => movements.list(request.ctx, request.params.id),
  });

  app.post('/api/v1/prisoners/:id/absences', {
    config: { access: { permission: 'movements.manage' } },
    schema: {
      tags: ['movements'],
      summary: 'Out to court, hospital or elsewhere for a while (they stay on their cell’s roll, counted as out)',
      params: IdParams,
      body: StartAbsenceBody,
      response: { 201: Movement },
    },
    handler: async (request, reply) => reply.status(201).send(await movements.startAbsence(request.ctx, request.params.id, request.body)),
  });

  app.post('/api/v1/movements/:id/return', {
    config: { access: { permission: 'movements.manage' } },
    schema: { tags: ['movements'], summary: 'Back from a temporary absence', params: IdParams, body: ReturnFromAbsenceBody, response: { 200: Movement } },
    handler: async (request) => movements.endAbsence(request.ctx, request.params.id),
  });

  app.post('/api/v1/prisoners/:id/transfers', {
    config: { access: { permission: 'movements.manage' } },
    schema: {
      tags: ['movements'],
      summary: 'Send to another facility (the file follows once the receiving facility signs for them)',
      params: IdParams,
      body: StartTransferBody,
      response: { 201: Movement },
    },
    handler: async (request, reply) => reply.status(201).send(await movements.startTransfer(request.ctx, request.params.id, request.body)),
  });

  app.get('/api/v1/transfer-destinations', {
    config: { access: { permission: 'movements.manage' } },
    schema: { tags: ['movements'], summary: 'Facilities a prisoner may be transferred to (every active facility)', response: { 200: TransferDestinationList } },
    handler: async () => movements.destinations(),
  });

  app.get('/api/v1/facilities/:facilityId/transfers-in', {
    config: { access: { permission: 'prisoners.read' } },
    schema: { tags: ['movements'], summary: 'Prisoners on their way to this facility', params: FacilityIdParams, response: { 200: TransferInList } },
    handler: async (request) => movements.transfersIn(request.ctx, request.params.facilityId),
  });

  app.post('/api/v1/movements/:id/receive', {
    config: { access: { permission: 'movements.manage' } },
    schema: { tags: ['movements'], summary: 'Sign for a transferred prisoner (the receiving facility’s staff)', params: IdParams, body: ReceiveTransferBody, response: { 200: Movement } },
    handler: async (request) => movements.receive(request.ctx, request.params.id),
  });

  app.post('/api/v1/movements/:id/cancel', {
    config: { access: { permission: 'movements.manage' } },
    schema: { tags: ['movements'], summary: 'Call off a transfer before it is received', params: IdParams, body: CancelTransferBody, response: { 200: Movement } },
    handler: async (request) => movements.cancelTransfer(request.ctx, request.params.id, request.body.reason),
  });

  app.get('/api/v1/prisoners/:id/property', {
    config: { access: { permission: 'prisoners.read' } },
    schema: { tags: ['movements'], summary: 'Property taken in at reception, and what has been handed back', params: IdParams, response: { 200: PropertyList } },
    handler: async (request) => release.property(request.ctx, request.params.id),
  });

  app.post('/api/v1/prisoners/:id/property/return', {
    config: { access: { anyPermission: ['movements.manage', 'release.manage'] } },
    schema: {
      tags: ['movements'],
      summary: 'Hand property back (needs movements.manage or release.manage)',
      params: IdParams,
      body: ReturnPropertyBody,
      response: { 200: PropertyList },
    },
    handler: async (request) => release.returnProperty(request.ctx, request.params.id, request.body.itemIds),
  });

  app.get('/api/v1/prisoners/:id/release-check', {
    config: { access: { permission: 'release.manage' } },
    schema: { tags: ['movements'], summary: 'What a release would need: due date, property, alerts, blockers', params: IdParams, response: { 200: ReleaseCheck } },
    handler: async (request) => release.releaseCheck(request.ctx, request.params.id),
  });

  app.post('/api/v1/prisoners/:id/release', {
    config: { access: { permission: 'release.manage' } },
    schema: {
      tags: ['movements'],
      summary: 'Release (refused with each blocker listed unless due or ordered, and property returned)',
      params: IdParams,
      body: ReleaseBody,
      response: { 201: Movement },
    },
    handler: async (request, reply) => reply.status(201).send(await release.release(request.ctx, request.params.id, request.body)),
  });
}
