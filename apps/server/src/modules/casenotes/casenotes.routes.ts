import { AssignKeyWorkerBody, CaseNote, CaseNoteList, CaseNoteTypeList, CreateCaseNoteBody, IdParams, KeyWork, KeyWorkerAssignment, KeyWorkerCandidates, KeyWorkOverview, KeyWorkOverviewQuery, KeyWorkSession, RecordKeyWorkSessionBody, TimelinePage, TimelineQuery } from '@vigil/contracts';
import type { App } from '../../platform/http/app-type.ts';
import type { CasenotesService } from './casenotes.service.ts';

const tags = ['casenotes'];

export function casenotesRoutes(app: App, casenotes: CasenotesService) {
  app.get('/api/v1/casenote-types', {
    config: { access: { permission: 'casenotes.read' } },
    schema: { tags, summary: 'The case-note types in force today, with their names and proposed sensitivity', response: { 200: CaseNoteTypeList } },
    handler: async () => casenotes.types(),
  });

  app.get('/api/v1/prisoners/:id/casenotes', {
    config: { access: { permission: 'casenotes.read' } },
    schema: { tags, summary: "A prisoner's case notes, newest first; sensitive ones only with casenotes.sensitive (the read is audited)", params: IdParams, response: { 200: CaseNoteList } },
    handler: async (request) => casenotes.notes(request.ctx, request.params.id),
  });

  app.post('/api/v1/prisoners/:id/casenotes', {
    config: { access: { permission: 'casenotes.write' } },
    schema: { tags, summary: 'Write a case note, or a correction of an earlier one (notes are never edited)', params: IdParams, body: CreateCaseNoteBody, response: { 201: CaseNote } },
    handler: async (request, reply) => reply.status(201).send(await casenotes.recordNote(request.ctx, request.params.id, request.body)),
  });

  app.get('/api/v1/prisoners/:id/key-work', {
    config: { access: { permission: 'casenotes.read' } },
    schema: { tags, summary: "The prisoner's key worker now and before, the key-work sessions and when the next is due (the read is audited)", params: IdParams, response: { 200: KeyWork } },
    handler: async (request) => casenotes.keyWork(request.ctx, request.params.id),
  });

  app.get('/api/v1/prisoners/:id/key-worker/candidates', {
    config: { access: { permission: 'casenotes.write' } },
    schema: { tags, summary: "Staff who may be the prisoner's key worker: active, of the prisoner's facility, writing case notes", params: IdParams, response: { 200: KeyWorkerCandidates } },
    handler: async (request) => casenotes.candidates(request.ctx, request.params.id),
  });

  app.post('/api/v1/prisoners/:id/key-worker', {
    config: { access: { permission: 'casenotes.write' } },
    schema: { tags, summary: "Assign the prisoner's key worker from today; the previous one ends today", params: IdParams, body: AssignKeyWorkerBody, response: { 201: KeyWorkerAssignment } },
    handler: async (request, reply) => reply.status(201).send(await casenotes.assign(request.ctx, request.params.id, request.body)),
  });

  app.post('/api/v1/prisoners/:id/key-work-sessions', {
    config: { access: { permission: 'casenotes.write' } },
    schema: { tags, summary: 'Record a key-work session with the prisoner (they must have a key worker)', params: IdParams, body: RecordKeyWorkSessionBody, response: { 201: KeyWorkSession } },
    handler: async (request, reply) => reply.status(201).send(await casenotes.recordSession(request.ctx, request.params.id, request.body)),
  });

  app.get('/api/v1/facilities/:id/key-work', {
    config: { access: { permission: 'casenotes.read' } },
    schema: { tags, summary: "A facility's prisoners with no key worker, and those with no session for the given number of days (default 14)", params: IdParams, querystring: KeyWorkOverviewQuery, response: { 200: KeyWorkOverview } },
    handler: async (request) => casenotes.overview(request.ctx, request.params.id, request.query.overdueDays),
  });

  app.get('/api/v1/prisoners/:id/timeline', {
    config: { access: { permission: 'prisoners.read' } },
    schema: {
      tags,
      summary: "The prisoner's timeline, newest first, paged: admissions, moves, alerts, assessments, decisions, plans, programmes, notes and key work, as the reader's permissions allow",
      params: IdParams,
      querystring: TimelineQuery,
      response: { 200: TimelinePage },
    },
    handler: async (request) => casenotes.timeline(request.ctx, request.params.id, request.query),
  });
}
