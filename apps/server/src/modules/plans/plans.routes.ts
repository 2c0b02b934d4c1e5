import {
  AddPlanNoteBody,
  CreateInterventionBody,
  CreateObjectiveBody,
  CreatePlanBody,
  IdParams,
  Intervention,
  LinkableNeeds,
  Objective,
  Plan,
  PlanNote,
  PlanReview,
  PrisonerPlans,
  RecordReviewBody,
  UnreviewedPlans,
  UnreviewedPlansQuery,
  UpdateInterventionBody,
  UpdateObjectiveBody,
} from '@vigil/contracts';
import type { App } from '../../platform/http/app-type.ts';
import type { PlansService } from './plans.service.ts';

const read = { permission: 'plans.read' } as const;
const manage = { permission: 'plans.manage' } as const;
const tags = ['plans'];

export function plansRoutes(app: App, plans: PlansService) {
  app.get('/api/v1/prisoners/:id/plans', {
    config: { access: read },
    schema: { tags, summary: "A prisoner's active sentence plan whole and every plan, newest first (the read is audited)", params: IdParams, response: { 200: PrisonerPlans } },
    handler: async (request) => plans.ofPrisoner(request.ctx, request.params.id),
  });

  app.get('/api/v1/prisoners/:id/plan-needs', {
    config: { access: manage },
    schema: { tags, summary: 'The needs and risks an objective may answer: domains and rated items of the latest approved assessment on each instrument', params: IdParams, response: { 200: LinkableNeeds } },
    handler: async (request) => plans.linkableNeeds(request.ctx, request.params.id),
  });

  app.post('/api/v1/prisoners/:id/plans', {
    config: { access: manage },
    schema: { tags, summary: 'Make a new sentence plan; the active one, if any, is superseded and kept', params: IdParams, body: CreatePlanBody, response: { 201: Plan } },
    handler: async (request, reply) => reply.status(201).send(await plans.create(request.ctx, request.params.id, request.body)),
  });

  app.get('/api/v1/plans/unreviewed', {
    config: { access: read },
    schema: { tags, summary: 'Active plans in a facility whose review date has passed, or never reviewed 28 days after they were made', querystring: UnreviewedPlansQuery, response: { 200: UnreviewedPlans } },
    handler: async (request) => plans.unreviewed(request.ctx, request.query.facilityId),
  });

  app.get('/api/v1/plans/:id', {
    config: { access: read },
    schema: { tags, summary: 'One sentence plan whole, an earlier one too (the read is audited)', params: IdParams, response: { 200: Plan } },
    handler: async (request) => plans.one(request.ctx, request.params.id),
  });

  app.post('/api/v1/plans/:id/objectives', {
    config: { access: manage },
    schema: { tags, summary: 'Add an objective linked to at least one need or risk of an approved assessment of the prisoner', params: IdParams, body: CreateObjectiveBody, response: { 201: Objective } },
    handler: async (request, reply) => reply.status(201).send(await plans.addObjective(request.ctx, request.params.id, request.body)),
  });

  app.put('/api/v1/plan-objectives/:id', {
    config: { access: manage },
    schema: { tags, summary: "Change an objective's text, target date or status (open → achieved, not achieved or withdrawn)", params: IdParams, body: UpdateObjectiveBody, response: { 200: Objective } },
    handler: async (request) => plans.updateObjective(request.ctx, request.params.id, request.body),
  });

  app.post('/api/v1/plan-objectives/:id/interventions', {
    config: { access: manage },
    schema: { tags, summary: 'Add an intervention to an open objective, owned by a member of staff or an outside agency', params: IdParams, body: CreateInterventionBody, response: { 201: Intervention } },
    handler: async (request, reply) => reply.status(201).send(await plans.addIntervention(request.ctx, request.params.id, request.body)),
  });

  app.put('/api/v1/plan-interventions/:id', {
    config: { access: manage },
    schema: { tags, summary: 'Change an intervention; a change of status (planned → active → completed, or stopped) is published', params: IdParams, body: UpdateInterventionBody, response: { 200: Intervention } },
    handler: async (request) => plans.updateIntervention(request.ctx, request.params.id, request.body),
  });

  app.post('/api/v1/plans/:id/reviews', {
    config: { access: manage },
    schema: { tags, summary: 'Record a review meeting: participants, outcome, the prisoner’s comments and the next review date (not in the past)', params: IdParams, body: RecordReviewBody, response: { 201: PlanReview } },
    handler: async (request, reply) => reply.status(201).send(await plans.recordReview(request.ctx, request.params.id, request.body)),
  });

  app.post('/api/v1/plans/:id/notes', {
    config: { access: manage },
    schema: { tags, summary: "Add a progress note, or the prisoner's own comment on the plan", params: IdParams, body: AddPlanNoteBody, response: { 201: PlanNote } },
    handler: async (request, reply) => reply.status(201).send(await plans.addNote(request.ctx, request.params.id, request.body)),
  });
}
