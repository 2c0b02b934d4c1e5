import { ComplianceQuery, IdParams, ObservationCheck, ObservationCompliance, ObservationFacilityQuery, ObservationHandover, ObservationLevel, ObservationLevelList, ObservationLevelTypeList, ObservationSupervision, PrisonerObservation, RecordCheckBody, RecordHandoverBody, ReviewObservationBody, SetObservationBody } from '@vigil/contracts';
import type { App } from '../../platform/http/app-type.ts';
import type { ObservationsService } from './observations.service.ts';

const tags = ['observations'];
const read = { permission: 'observations.read' } as const;
const set = { permission: 'observations.set' } as const;
const check = { permission: 'observations.check' } as const;
const supervise = { permission: 'observations.supervise' } as const;

export function observationsRoutes(app: App, observations: ObservationsService) {
  app.get('/api/v1/observations/level-types', {
    config: { access: read },
    schema: { tags, summary: 'The observation levels in force (catalogue observation-levels: every 60, 30, 15 minutes, constant by default)', response: { 200: ObservationLevelTypeList } },
    handler: async () => observations.levelTypes(),
  });

  app.get('/api/v1/observations', {
    config: { access: read },
    schema: { tags, summary: "A facility's prisoners on observation, each with the window of the next check (officers vary the time inside it) or the watching officer", querystring: ObservationFacilityQuery, response: { 200: ObservationLevelList } },
    handler: async (request) => observations.board(request.ctx, request.query.facilityId),
  });

  app.post('/api/v1/observations', {
    config: { access: set },
    schema: { tags, summary: 'Put a prisoner on observation at a level, with the reason and the review date (optionally started up to 24 hours ago); publishes observation.level-set', body: SetObservationBody, response: { 201: ObservationLevel } },
    handler: async (request, reply) => reply.status(201).send(await observations.set(request.ctx, request.body)),
  });

  app.get('/api/v1/observations/supervision', {
    config: { access: supervise },
    schema: { tags, summary: 'Checks overdue now, and the missed and late checks of the last 24 hours', querystring: ObservationFacilityQuery, response: { 200: ObservationSupervision } },
    handler: async (request) => observations.supervision(request.ctx, request.query.facilityId),
  });

  app.get('/api/v1/observations/compliance', {
    config: { access: supervise },
    schema: { tags, summary: 'Checks on time, late and missed per wing over the last days (7 by default)', querystring: ComplianceQuery, response: { 200: ObservationCompliance } },
    handler: async (request) => observations.compliance(request.ctx, request.query.facilityId, request.query.days),
  });

  app.post('/api/v1/observation-levels/:id/review', {
    config: { access: set },
    schema: { tags, summary: 'Review a level: continue it to a new review date, change it, or end observation (versioned; 409 when someone saved since)', params: IdParams, body: ReviewObservationBody, response: { 200: ObservationLevel } },
    handler: async (request) => observations.review(request.ctx, request.params.id, request.body),
  });

  app.post('/api/v1/observation-levels/:id/checks', {
    config: { access: check },
    schema: { tags, summary: 'Record a check now: what the prisoner was doing and a sign of life; late when after its due time (minutes kept)', params: IdParams, body: RecordCheckBody, response: { 201: ObservationCheck } },
    handler: async (request, reply) => reply.status(201).send(await observations.check(request.ctx, request.params.id, request.body)),
  });

  app.post('/api/v1/observation-levels/:id/handovers', {
    config: { access: check },
    schema: { tags, summary: 'Constant observation: the signed-in officer takes over the watch', params: IdParams, body: RecordHandoverBody, response: { 201: ObservationHandover } },
    handler: async (request, reply) => reply.status(201).send(await observations.handover(request.ctx, request.params.id, request.body)),
  });

  app.get('/api/v1/prisoners/:id/observations', {
    config: { access: read },
    schema: { tags, summary: "A prisoner's observation: the current level, its history, recent checks, missed checks and handovers (the read is audited)", params: IdParams, response: { 200: PrisonerObservation } },
    handler: async (request) => observations.ofPrisoner(request.ctx, request.params.id),
  });
}
