import {
  CancelIntakeBody,
  CompleteIntakeBody,
  CompletedIntake,
  CreateIntakeBody,
  DismissMatchesBody,
  FacilityIdParams,
  IdParams,
  Intake,
  IntakeList,
  IntakeListQuery,
  PossibleMatchList,
  ProposedPrisonNumber,
  SaveIntakeBody,
} from '@vigil/contracts';
import type { App } from '../../platform/http/app-type.ts';
import type { ReceptionService } from './reception.service.ts';

export function receptionRoutes(app: App, reception: ReceptionService) {
  const access = { permission: 'reception.manage' } as const;

  app.get('/api/v1/facilities/:facilityId/intakes', {
    config: { access },
    schema: { tags: ['reception'], summary: 'Expected arrivals and intakes in progress (or by status)', params: FacilityIdParams, querystring: IntakeListQuery, response: { 200: IntakeList } },
    handler: async (request) => reception.list(request.ctx, request.params.facilityId, request.query.status),
  });

  app.post('/api/v1/facilities/:facilityId/intakes', {
    config: { access },
    schema: { tags: ['reception'], summary: 'Record an expected arrival', params: FacilityIdParams, body: CreateIntakeBody, response: { 201: Intake } },
    handler: async (request, reply) => reply.status(201).send(await reception.create(request.ctx, request.params.facilityId, request.body)),
  });

  app.get('/api/v1/intakes/:id', {
    config: { access },
    schema: { tags: ['reception'], summary: 'One intake, with what still stops completion', params: IdParams, response: { 200: Intake } },
    handler: async (request) => reception.get(request.ctx, request.params.id),
  });

  app.put('/api/v1/intakes/:id', {
    config: { access },
    schema: { tags: ['reception'], summary: 'Save the intake so far (save and resume)', params: IdParams, body: SaveIntakeBody, response: { 200: Intake } },
    handler: async (request) => reception.save(request.ctx, request.params.id, request.body),
  });

  app.get('/api/v1/intakes/:id/matches', {
    config: { access },
    schema: { tags: ['reception'], summary: 'Earlier files that may be the same person, in any facility', params: IdParams, response: { 200: PossibleMatchList } },
    handler: async (request) => reception.matches(request.ctx, request.params.id),
  });

  app.post('/api/v1/intakes/:id/dismiss-matches', {
    config: { access },
    schema: { tags: ['reception'], summary: '"None of these": the person is not one of the likely duplicates, with a reason (audited)', params: IdParams, body: DismissMatchesBody, response: { 200: Intake } },
    handler: async (request) => reception.dismissMatches(request.ctx, request.params.id, request.body),
  });

  app.get('/api/v1/intakes/:id/prison-number', {
    config: { access },
    schema: { tags: ['reception'], summary: "The prison number a new file would get now, from the facility's pattern", params: IdParams, response: { 200: ProposedPrisonNumber } },
    handler: async (request) => reception.proposedPrisonNumber(request.ctx, request.params.id),
  });

  app.post('/api/v1/intakes/:id/complete', {
    config: { access },
    schema: { tags: ['reception'], summary: 'Complete reception: needs a valid commitment order (Mandela Rule 7)', params: IdParams, body: CompleteIntakeBody, response: { 200: CompletedIntake } },
    handler: async (request) => reception.complete(request.ctx, request.params.id, request.body),
  });

  app.post('/api/v1/intakes/:id/cancel', {
    config: { access },
    schema: { tags: ['reception'], summary: 'Cancel an intake with a reason', params: IdParams, body: CancelIntakeBody, response: { 200: Intake } },
    handler: async (request) => reception.cancel(request.ctx, request.params.id, request.body),
  });
}
