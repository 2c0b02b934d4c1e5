import {
  AddCategorySchemeBody,
  CatalogueHistory,
  CategoryDecision,
  CategoryReviewList,
  CategoryReviewsQuery,
  CategorySchemeList,
  CategorySchemeParams,
  CategorySchemeVersion,
  DecideCategoryBody,
  IdParams,
  PrisonerClassification,
  SuggestCategoryBody,
  Suggestion,
} from '@vigil/contracts';
import type { App } from '../../platform/http/app-type.ts';
import type { ClassificationService } from './classification.service.ts';

const tags = ['classification'];
// Schemes are read by those who decide by them and by those who configure them.
const schemeReaders = { anyPermission: ['classification.read', 'classification.configure'] } as const;

export function classificationRoutes(app: App, classification: ClassificationService) {
  app.get('/api/v1/category-schemes', {
    config: { access: schemeReaders },
    schema: { tags, summary: 'Category schemes at the version in force today: levels, review intervals and suggestion rules', response: { 200: CategorySchemeList } },
    handler: async () => classification.schemes(),
  });

  app.get('/api/v1/category-schemes/:code/versions', {
    config: { access: schemeReaders },
    schema: { tags, summary: 'Every version of a category scheme, oldest first, with its provenance and how many decisions used it', params: CategorySchemeParams, response: { 200: CatalogueHistory } },
    handler: async (request) => classification.schemeHistory(request.params.code),
  });

  app.post('/api/v1/category-schemes', {
    config: { access: { permission: 'classification.configure' } },
    schema: {
      tags,
      summary: 'Add a category scheme (docs/classification.md), or the next version of one; a malformed scheme is 422 with every fault',
      body: AddCategorySchemeBody,
      response: { 201: CategorySchemeVersion },
    },
    handler: async (request, reply) => reply.status(201).send(await classification.addScheme(request.ctx, request.body)),
  });

  app.get('/api/v1/prisoners/:id/classification', {
    config: { access: { permission: 'classification.read' } },
    schema: { tags, summary: "A prisoner's security category: the scheme that applies, the inputs Vigil gathers, every decision newest first (the read is audited)", params: IdParams, response: { 200: PrisonerClassification } },
    handler: async (request) => classification.ofPrisoner(request.ctx, request.params.id),
  });

  app.post('/api/v1/prisoners/:id/classification/suggestion', {
    config: { access: { permission: 'classification.decide' } },
    schema: { tags, summary: 'The level the scheme rules suggest for the recorded facts and what Vigil knows, with the rules that fired (writes nothing)', params: IdParams, body: SuggestCategoryBody, response: { 200: Suggestion } },
    handler: async (request) => classification.suggest(request.ctx, request.params.id, request.body.inputs),
  });

  app.post('/api/v1/prisoners/:id/classification/decisions', {
    config: { access: { permission: 'classification.decide' } },
    schema: {
      tags,
      summary: "Decide the prisoner's security category; an override of the suggestion needs its reason; sets the file's security level for cell allocation",
      params: IdParams,
      body: DecideCategoryBody,
      response: { 201: CategoryDecision },
    },
    handler: async (request, reply) => reply.status(201).send(await classification.decide(request.ctx, request.params.id, request.body)),
  });

  app.get('/api/v1/classification/reviews', {
    config: { access: { permission: 'classification.read' } },
    schema: { tags, summary: 'Category reviews at a facility that are overdue or due within `withinDays` (default 30), soonest first (the read is audited)', querystring: CategoryReviewsQuery, response: { 200: CategoryReviewList } },
    handler: async (request) => classification.reviews(request.ctx, request.query.facilityId, request.query.withinDays),
  });
}
