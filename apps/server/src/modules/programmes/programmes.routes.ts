import { CreateProgrammeBody, EndEnrolmentBody, EnrolBody, Enrolment, EnrolmentList, EnrolmentVersionBody, FacilityQuery, IdParams, Programme, ProgrammeList, ProgrammeProgressList, ProgrammesSummary, Register, SaveRegisterBody, SessionList, SessionQuery, SessionsQuery, SummaryQuery, UpdateProgrammeBody } from '@vigil/contracts';
import type { App } from '../../platform/http/app-type.ts';
import type { ProgrammesService } from './programmes.service.ts';
import type { RegistersService } from './registers.service.ts';

const tags = ['programmes'];
const read = { permission: 'programmes.read' } as const;
const manage = { permission: 'programmes.manage' } as const;

export function programmesRoutes(app: App, programmes: ProgrammesService, registers: RegistersService) {
  app.get('/api/v1/programmes', {
    config: { access: read },
    schema: { tags, summary: "A facility's programmes and work, with places taken and waiting", querystring: FacilityQuery, response: { 200: ProgrammeList } },
    handler: async (request) => programmes.list(request.ctx, request.query.facilityId),
  });

  app.post('/api/v1/programmes', {
    config: { access: manage },
    schema: { tags, summary: 'Add a programme to the facility catalogue (capacity, weekly sessions, eligibility rules)', body: CreateProgrammeBody, response: { 201: Programme } },
    handler: async (request, reply) => reply.status(201).send(await programmes.create(request.ctx, request.body)),
  });

  app.get('/api/v1/programmes/summary', {
    config: { access: read },
    schema: { tags, summary: 'Per programme: capacity, enrolled, waiting and the attendance rate over the last weeks (dashboards)', querystring: SummaryQuery, response: { 200: ProgrammesSummary } },
    handler: async (request) => registers.summary(request.ctx, request.query.facilityId, request.query.weeks),
  });

  app.get('/api/v1/programmes/:id', {
    config: { access: read },
    schema: { tags, summary: 'One programme; `offer` names the first waiting while a place is free', params: IdParams, response: { 200: Programme } },
    handler: async (request) => programmes.one(request.ctx, request.params.id),
  });

  app.put('/api/v1/programmes/:id', {
    config: { access: manage },
    schema: { tags, summary: 'Edit or close a programme; 409 when someone saved since', params: IdParams, body: UpdateProgrammeBody, response: { 200: Programme } },
    handler: async (request) => programmes.update(request.ctx, request.params.id, request.body),
  });

  app.get('/api/v1/programmes/:id/enrolments', {
    config: { access: read },
    schema: { tags, summary: 'The enrolled, the waiting list in its order, and those who completed or withdrew', params: IdParams, response: { 200: EnrolmentList } },
    handler: async (request) => programmes.enrolments(request.ctx, request.params.id),
  });

  app.post('/api/v1/programmes/:id/enrolments', {
    config: { access: manage },
    schema: { tags, summary: 'Enrol a prisoner (refused when full or ineligible, naming the rule), or put them on the waiting list', params: IdParams, body: EnrolBody, response: { 201: Enrolment } },
    handler: async (request, reply) => reply.status(201).send(await programmes.enrol(request.ctx, request.params.id, request.body)),
  });

  app.post('/api/v1/programme-enrolments/:id/admit', {
    config: { access: manage },
    schema: { tags, summary: 'Give a waiting prisoner a freed place', params: IdParams, body: EnrolmentVersionBody, response: { 200: Enrolment } },
    handler: async (request) => programmes.admit(request.ctx, request.params.id, request.body.version),
  });

  app.post('/api/v1/programme-enrolments/:id/end', {
    config: { access: manage },
    schema: { tags, summary: 'Completion, or withdrawal with its reason', params: IdParams, body: EndEnrolmentBody, response: { 200: Enrolment } },
    handler: async (request) => programmes.end(request.ctx, request.params.id, request.body),
  });

  app.get('/api/v1/programmes/:id/sessions', {
    config: { access: read },
    schema: { tags, summary: 'The sessions between two days (at most 92), each with its register totals once taken', params: IdParams, querystring: SessionsQuery, response: { 200: SessionList } },
    handler: async (request) => registers.sessions(request.ctx, request.params.id, request.query.from, request.query.to),
  });

  app.get('/api/v1/programmes/:id/register', {
    config: { access: read },
    schema: { tags, summary: "One session's register: everyone enrolled that day, with their marks once taken", params: IdParams, querystring: SessionQuery, response: { 200: Register } },
    handler: async (request) => registers.register(request.ctx, request.params.id, request.query.date, request.query.start),
  });

  app.put('/api/v1/programmes/:id/register', {
    config: { access: { permission: 'programmes.attendance' } },
    schema: { tags, summary: 'Save the whole register in one go (versioned; the same register again changes nothing)', params: IdParams, body: SaveRegisterBody, response: { 200: Register } },
    handler: async (request) => registers.saveRegister(request.ctx, request.params.id, request.body),
  });

  app.get('/api/v1/prisoners/:id/programmes', {
    config: { access: read },
    schema: { tags, summary: "A prisoner's programmes and work with attendance and hours: progress for the sentence plan (the read is audited)", params: IdParams, response: { 200: ProgrammeProgressList } },
    handler: async (request) => registers.progress(request.ctx, request.params.id),
  });
}
