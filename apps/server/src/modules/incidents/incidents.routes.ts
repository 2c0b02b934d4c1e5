import {
  AddActionBody,
  AddDecisionBody,
  AddLinkBody,
  CatalogueHistory,
  ChangeStatusBody,
  CompleteActionBody,
  CompleteNotificationBody,
  CreateIncidentTypeBody,
  DebriefBody,
  IdParams,
  Incident,
  IncidentStaffList,
  IncidentSummaryList,
  IncidentsQuery,
  IncidentType,
  IncidentTypeList,
  IncidentTypeParams,
  PersonBody,
  ReportIncidentBody,
  ReviewBody,
  SeverityLevelList,
  UpdateIncidentTypeBody,
} from '@vigil/contracts';
import type { App } from '../../platform/http/app-type.ts';
import type { IncidentsService } from './incidents.service.ts';

const tags = ['incidents'];

export function incidentsRoutes(app: App, incidents: IncidentsService) {
  app.get('/api/v1/incident-types', {
    config: { access: { permission: 'incidents.read' } },
    schema: { tags, summary: 'Incident types that may be reported today: serious or not, default severity, and the notifications each requires', response: { 200: IncidentTypeList } },
    handler: async () => incidents.types(),
  });

  app.get('/api/v1/incident-types/configuration', {
    config: { access: { permission: 'incidents.configure' } },
    schema: { tags, summary: 'Every incident type at its newest version, inactive and scheduled ones included', response: { 200: IncidentTypeList } },
    handler: async () => incidents.allTypes(),
  });

  app.post('/api/v1/incident-types', {
    config: { access: { permission: 'incidents.configure' } },
    schema: { tags, summary: 'Add an incident type', body: CreateIncidentTypeBody, response: { 201: IncidentType } },
    handler: async (request, reply) => reply.status(201).send(await incidents.createType(request.ctx, request.body)),
  });

  app.get('/api/v1/incident-types/:code/versions', {
    config: { access: { permission: 'incidents.configure' } },
    schema: { tags, summary: 'Every version of a type: when each took effect, its source, its author and how many incidents were reported under it', params: IncidentTypeParams, response: { 200: CatalogueHistory } },
    handler: async (request) => incidents.typeHistory(request.params.code),
  });

  app.put('/api/v1/incident-types/:code', {
    config: { access: { permission: 'incidents.configure' } },
    schema: { tags, summary: 'Change an incident type (names, seriousness, severity, notifications, active) as a new version from its effective date', params: IncidentTypeParams, body: UpdateIncidentTypeBody, response: { 200: IncidentType } },
    handler: async (request) => incidents.updateType(request.ctx, request.params.code, request.body),
  });

  app.get('/api/v1/incident-severities', {
    config: { access: { permission: 'incidents.read' } },
    schema: { tags, summary: 'Severity levels in force, the gravest first', response: { 200: SeverityLevelList } },
    handler: async () => incidents.severities(),
  });

  app.get('/api/v1/incidents', {
    config: { access: { permission: 'incidents.read' } },
    schema: { tags, summary: "Incidents of the reader's facilities, newest first; filter by facility, open (not closed) and serious", querystring: IncidentsQuery, response: { 200: IncidentSummaryList } },
    handler: async (request) => incidents.list(request.ctx, request.query),
  });

  app.post('/api/v1/incidents', {
    config: { access: { permission: 'incidents.report' } },
    schema: { tags, summary: 'Report an incident: type, severity, time, places, what happened and the people involved; its required notifications are created with their deadlines', body: ReportIncidentBody, response: { 201: Incident } },
    handler: async (request, reply) => reply.status(201).send(await incidents.report(request.ctx, request.body)),
  });

  app.get('/api/v1/incidents/:id', {
    config: { access: { permission: 'incidents.read' } },
    schema: { tags, summary: 'One incident with its people, decision log, notifications, review, debrief, actions and links (the read is audited)', params: IdParams, response: { 200: Incident } },
    handler: async (request) => incidents.get(request.ctx, request.params.id),
  });

  app.post('/api/v1/incidents/:id/status', {
    config: { access: { permission: 'incidents.manage' } },
    schema: { tags, summary: 'Move the incident on: reported → contained → resolved → closed (closing needs every notification done, the review and, if serious, the debrief)', params: IdParams, body: ChangeStatusBody, response: { 200: Incident } },
    handler: async (request) => incidents.changeStatus(request.ctx, request.params.id, request.body),
  });

  app.post('/api/v1/incidents/:id/people', {
    config: { access: { permission: 'incidents.manage' } },
    schema: { tags, summary: 'Add someone involved, with their role and any injury (a serious injury adds the notifications Mandela Rules 69 and 71 require)', params: IdParams, body: PersonBody, response: { 200: Incident } },
    handler: async (request) => incidents.addPerson(request.ctx, request.params.id, request.body),
  });

  app.post('/api/v1/incidents/:id/decisions', {
    config: { access: { permission: 'incidents.manage' } },
    schema: { tags, summary: 'Add a decision to the log: when, what and why (the log is never edited)', params: IdParams, body: AddDecisionBody, response: { 200: Incident } },
    handler: async (request) => incidents.addDecision(request.ctx, request.params.id, request.body),
  });

  app.post('/api/v1/incident-notifications/:id/done', {
    config: { access: { permission: 'incidents.manage' } },
    schema: { tags, summary: 'Record that a required notification was made: when, how, to whom and their reference', params: IdParams, body: CompleteNotificationBody, response: { 200: Incident } },
    handler: async (request) => incidents.completeNotification(request.ctx, request.params.id, request.body),
  });

  app.post('/api/v1/incidents/:id/review', {
    config: { access: { permission: 'incidents.manage' } },
    schema: { tags, summary: "The supervisor's review of a resolved incident, by someone other than its reporter", params: IdParams, body: ReviewBody, response: { 200: Incident } },
    handler: async (request) => incidents.review(request.ctx, request.params.id, request.body),
  });

  app.put('/api/v1/incidents/:id/debrief', {
    config: { access: { permission: 'incidents.manage' } },
    schema: { tags, summary: 'Record the debrief of a resolved incident: who took part, what happened, lessons learned', params: IdParams, body: DebriefBody, response: { 200: Incident } },
    handler: async (request) => incidents.debrief(request.ctx, request.params.id, request.body),
  });

  app.post('/api/v1/incidents/:id/actions', {
    config: { access: { permission: 'incidents.manage' } },
    schema: { tags, summary: 'Add an action (from the debrief or review) with its owner and due date', params: IdParams, body: AddActionBody, response: { 200: Incident } },
    handler: async (request) => incidents.addAction(request.ctx, request.params.id, request.body),
  });

  app.post('/api/v1/incident-actions/:id/done', {
    config: { access: { permission: 'incidents.manage' } },
    schema: { tags, summary: 'Mark an action done today (also after the incident is closed)', params: IdParams, body: CompleteActionBody, response: { 200: Incident } },
    handler: async (request) => incidents.completeAction(request.ctx, request.params.id, request.body),
  });

  app.post('/api/v1/incidents/:id/links', {
    config: { access: { permission: 'incidents.manage' } },
    schema: { tags, summary: 'Link a record of another module to the incident: a search, an alarm, an intelligence report, a camera or a use-of-force report (kind, id, label)', params: IdParams, body: AddLinkBody, response: { 200: Incident } },
    handler: async (request) => incidents.addLink(request.ctx, request.params.id, request.body),
  });

  app.get('/api/v1/facilities/:id/incident-staff', {
    config: { access: { permission: 'incidents.read' } },
    schema: { tags, summary: 'Active staff of a facility: who may be named in an incident or own an action', params: IdParams, response: { 200: IncidentStaffList } },
    handler: async (request) => incidents.staff(request.ctx, request.params.id),
  });

  app.get('/api/v1/prisoners/:id/incidents', {
    config: { access: { permission: 'incidents.read' } },
    schema: { tags, summary: 'The incidents a prisoner was involved in, newest first (the read is audited)', params: IdParams, response: { 200: IncidentSummaryList } },
    handler: async (request) => incidents.ofPrisoner(request.ctx, request.params.id),
  });
}
