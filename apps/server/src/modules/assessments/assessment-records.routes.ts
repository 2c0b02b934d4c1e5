import { Assessment, AssessmentComparison, AssessmentList, AssessmentVersionBody, AssessorList, CompareAssessmentsQuery, CreateAssessmentBody, DueAssessmentList, DueAssessmentsQuery, IdParams, ReturnAssessmentBody, SaveAssessmentBody } from '@vigil/contracts';
import type { App } from '../../platform/http/app-type.ts';
import type { AssessmentRecordsService } from './assessment-records.service.ts';
import type { ReassessmentService } from './reassessment.service.ts';

// Those who assess and those who countersign read assessments; nobody else (deny by default).
const readers = { anyPermission: ['assessments.assess', 'assessments.approve'] } as const;
const tags = ['assessments'];

export function assessmentRecordsRoutes(app: App, records: AssessmentRecordsService, reassessment: ReassessmentService) {
  app.get('/api/v1/prisoners/:id/assessors', {
    config: { access: { permission: 'assessments.assess' } },
    schema: { tags, summary: 'Who may be assigned an assessment of the prisoner: active users allowed to assess, at the prisoner\'s facility', params: IdParams, response: { 200: AssessorList } },
    handler: async (request) => reassessment.assessors(request.ctx, request.params.id),
  });

  app.get('/api/v1/assessments/due', {
    config: { access: { permission: 'assessments.read' } },
    schema: { tags, summary: "The facility's prisoners due or overdue a reassessment, earliest first, with the reasons (the read is audited)", querystring: DueAssessmentsQuery, response: { 200: DueAssessmentList } },
    handler: async (request) => reassessment.due(request.ctx, request.query.facilityId, request.query.withinDays),
  });

  app.post('/api/v1/prisoners/:id/assessments', {
    config: { access: { permission: 'assessments.assess' } },
    schema: { tags, summary: 'Open a draft assessment of the prisoner on the instrument version in force today, assigned to an assessor', params: IdParams, body: CreateAssessmentBody, response: { 201: Assessment } },
    handler: async (request, reply) => reply.status(201).send(await records.create(request.ctx, request.params.id, request.body)),
  });

  app.get('/api/v1/prisoners/:id/assessments', {
    config: { access: readers },
    schema: { tags, summary: "A prisoner's assessments, newest first (the read is audited)", params: IdParams, response: { 200: AssessmentList } },
    handler: async (request) => records.ofPrisoner(request.ctx, request.params.id),
  });

  app.get('/api/v1/assessments/compare', {
    config: { access: readers },
    schema: { tags, summary: 'Two assessments of one prisoner on one instrument, item by item (matched by item code across versions)', querystring: CompareAssessmentsQuery, response: { 200: AssessmentComparison } },
    handler: async (request) => records.compare(request.ctx, request.query.first, request.query.second),
  });

  app.get('/api/v1/assessments/:id', {
    config: { access: readers },
    schema: { tags, summary: 'One assessment with its ratings, formulation and judgement (the read is audited)', params: IdParams, response: { 200: Assessment } },
    handler: async (request) => records.one(request.ctx, request.params.id),
  });

  app.put('/api/v1/assessments/:id', {
    config: { access: { permission: 'assessments.assess' } },
    schema: { tags, summary: 'Save the whole draft (save and resume); 409 when someone saved since', params: IdParams, body: SaveAssessmentBody, response: { 200: Assessment } },
    handler: async (request) => records.save(request.ctx, request.params.id, request.body),
  });

  app.post('/api/v1/assessments/:id/submit', {
    config: { access: { permission: 'assessments.assess' } },
    schema: { tags, summary: 'Submit for approval: 422 with every missing rating, evidence, formulation or judgement', params: IdParams, body: AssessmentVersionBody, response: { 200: Assessment } },
    handler: async (request) => records.submit(request.ctx, request.params.id, request.body.version),
  });

  app.post('/api/v1/assessments/:id/approve', {
    config: { access: { permission: 'assessments.approve' } },
    schema: { tags, summary: 'Approve a submitted assessment (never by its author or assessor); it is locked from then on', params: IdParams, body: AssessmentVersionBody, response: { 200: Assessment } },
    handler: async (request) => records.approve(request.ctx, request.params.id, request.body.version),
  });

  app.post('/api/v1/assessments/:id/return', {
    config: { access: { permission: 'assessments.approve' } },
    schema: { tags, summary: 'Return a submitted assessment to its assessor as a draft, with the reason', params: IdParams, body: ReturnAssessmentBody, response: { 200: Assessment } },
    handler: async (request) => records.returnToDraft(request.ctx, request.params.id, request.body),
  });
}
