import { AddPhotoBody, BagFindsBody, BagListQuery, CustodyStepBody, EvidenceBag, EvidenceBagList, FacilityIdQuery, Find, FindPhoto, FindTrends, Heatmap, HeatmapQuery, IdParams, OverdueList, PrisonerSearches, RecordFindBody, RecordSearchBody, SavedSchedule, Search, SearchDetail, SearchList, SearchListQuery, SetScheduleBody, StaffList, TrendsQuery, WingScheduleList } from '@vigil/contracts';
import type { App } from '../../platform/http/app-type.ts';
import type { EvidenceService } from './evidence.service.ts';
import type { SchedulesService } from './schedules.service.ts';
import type { SearchesService } from './searches.service.ts';

const tags = ['searches'];
const read = { permission: 'searches.read' } as const;
const record = { permission: 'searches.record' } as const;
const evidenceRead = { permission: 'evidence.read' } as const;
const handle = { permission: 'evidence.handle' } as const;

export function searchesRoutes(app: App, searches: SearchesService, schedules: SchedulesService, evidence: EvidenceService) {
  app.get('/api/v1/searches', {
    config: { access: read },
    schema: { tags, summary: "A facility's searches, newest first, with who searched and how many finds", querystring: SearchListQuery, response: { 200: SearchList } },
    handler: async (request) => searches.list(request.ctx, request.query),
  });

  app.post('/api/v1/searches', {
    config: { access: record },
    schema: { tags, summary: 'Record a search (reason, searchers, witnesses, result); a person search by an officer of the other sex is refused (Mandela Rule 52, Bangkok Rule 19)', body: RecordSearchBody, response: { 201: Search } },
    handler: async (request, reply) => reply.status(201).send(await searches.record(request.ctx, request.body)),
  });

  app.get('/api/v1/searches/staff', {
    config: { access: read },
    schema: { tags, summary: "The facility's active staff, with their sex, to name as searchers, witnesses or receivers", querystring: FacilityIdQuery, response: { 200: StaffList } },
    handler: async (request) => searches.staff(request.ctx, request.query.facilityId),
  });

  app.get('/api/v1/searches/overdue', {
    config: { access: read },
    schema: { tags, summary: 'Cells not searched within their wing’s period (never searched first)', querystring: FacilityIdQuery, response: { 200: OverdueList } },
    handler: async (request) => schedules.overdue(request.ctx, request.query.facilityId),
  });

  app.get('/api/v1/searches/heatmap', {
    config: { access: read },
    schema: { tags, summary: 'Finds per place of the location tree, counted up to landings, wings and buildings (the last year unless told)', querystring: HeatmapQuery, response: { 200: Heatmap } },
    handler: async (request) => searches.heatmap(request.ctx, request.query),
  });

  app.get('/api/v1/searches/trends', {
    config: { access: read },
    schema: { tags, summary: 'Finds per month and category', querystring: TrendsQuery, response: { 200: FindTrends } },
    handler: async (request) => searches.trends(request.ctx, request.query),
  });

  app.get('/api/v1/searches/:id', {
    config: { access: read },
    schema: { tags, summary: 'One search with its finds and evidence bags', params: IdParams, response: { 200: SearchDetail } },
    handler: async (request) => searches.one(request.ctx, request.params.id),
  });

  app.post('/api/v1/searches/:id/finds', {
    config: { access: record },
    schema: { tags, summary: 'Record a find of the search (where and whose default to the search’s place and person)', params: IdParams, body: RecordFindBody, response: { 201: Find } },
    handler: async (request, reply) => reply.status(201).send(await searches.recordFind(request.ctx, request.params.id, request.body)),
  });

  app.post('/api/v1/finds/:id/photos', {
    config: { access: record },
    schema: { tags, summary: 'Add a photo of a find (base64 JPEG, PNG or WebP, at most 5 MB); its SHA-256 is kept', params: IdParams, body: AddPhotoBody, response: { 201: FindPhoto } },
    handler: async (request, reply) => reply.status(201).send(await searches.addPhoto(request.ctx, request.params.id, request.body)),
  });

  app.get('/api/v1/find-photos/:id', {
    config: { access: read },
    schema: { tags, summary: 'A photo of a find', params: IdParams },
    handler: async (request, reply) => {
      const photo = await searches.photo(request.ctx, request.params.id);
      return reply.header('content-type', photo.content_type).header('cache-control', 'private, no-store').header('etag', `"${photo.sha256}"`).send(photo.bytes);
    },
  });

  app.get('/api/v1/search-schedules', {
    config: { access: read },
    schema: { tags, summary: "Each wing's search period, its cells and how many are overdue", querystring: FacilityIdQuery, response: { 200: WingScheduleList } },
    handler: async (request) => schedules.schedules(request.ctx, request.query.facilityId),
  });

  app.put('/api/v1/search-schedules/:id', {
    config: { access: { permission: 'searches.plan' } },
    schema: { tags, summary: "Set a wing's search period in days (`version` null while it keeps the default)", params: IdParams, body: SetScheduleBody, response: { 200: SavedSchedule } },
    handler: async (request) => schedules.setSchedule(request.ctx, request.params.id, request.body),
  });

  app.get('/api/v1/prisoners/:id/searches', {
    config: { access: read },
    schema: { tags, summary: "A prisoner's searches and the finds made on or with them (the read is audited)", params: IdParams, response: { 200: PrisonerSearches } },
    handler: async (request) => searches.ofPrisoner(request.ctx, request.params.id),
  });

  app.post('/api/v1/searches/:id/bags', {
    config: { access: handle },
    schema: { tags: ['evidence'], summary: 'Put finds of the search into a new numbered evidence bag, held by the officer bagging them', params: IdParams, body: BagFindsBody, response: { 201: EvidenceBag } },
    handler: async (request, reply) => reply.status(201).send(await evidence.bag(request.ctx, request.params.id, request.body)),
  });

  app.get('/api/v1/evidence-bags', {
    config: { access: evidenceRead },
    schema: { tags: ['evidence'], summary: "A facility's evidence bags and who holds each", querystring: BagListQuery, response: { 200: EvidenceBagList } },
    handler: async (request) => evidence.list(request.ctx, request.query.facilityId, request.query.status),
  });

  app.get('/api/v1/evidence-bags/:id', {
    config: { access: evidenceRead },
    schema: { tags: ['evidence'], summary: 'One bag, its finds and its chain of custody (the read is audited)', params: IdParams, response: { 200: EvidenceBag } },
    handler: async (request) => evidence.one(request.ctx, request.params.id),
  });

  app.post('/api/v1/evidence-bags/:id/custody', {
    config: { access: handle },
    schema: { tags: ['evidence'], summary: 'The next custody step by the holder: a hand-over signed by the receiver’s password, a police hand-over, or a witnessed disposal; out of order is refused', params: IdParams, body: CustodyStepBody, response: { 200: EvidenceBag } },
    handler: async (request) => evidence.step(request.ctx, request.params.id, request.body),
  });
}
