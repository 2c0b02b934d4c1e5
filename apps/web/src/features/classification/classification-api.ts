import type { z } from 'zod';
import type {
  AddCategorySchemeBody,
  CatalogueHistory,
  CategoryDecision,
  CategoryReviewList,
  CategorySchemeList,
  CategorySchemeVersion,
  DecideCategoryBody,
  PrisonerClassification,
  RecordedInputs,
  Suggestion,
} from '@vigil/contracts';
import { api, withQuery } from '../../api/client.ts';

export const classificationApi = {
  /** The prisoner's scheme, gathered inputs and decisions (the read is audited). */
  ofPrisoner: (prisonerId: string) => api.get<PrisonerClassification>(`/api/v1/prisoners/${prisonerId}/classification`),
  suggest: (prisonerId: string, inputs: RecordedInputs) => api.post<Suggestion>(`/api/v1/prisoners/${prisonerId}/classification/suggestion`, { inputs }),
  decide: (prisonerId: string, body: z.output<typeof DecideCategoryBody>) => api.post<CategoryDecision>(`/api/v1/prisoners/${prisonerId}/classification/decisions`, body),
  reviews: (facilityId: string, withinDays: number) => api.get<CategoryReviewList>(withQuery('/api/v1/classification/reviews', { facilityId, withinDays: String(withinDays) })),
  schemes: () => api.get<CategorySchemeList>('/api/v1/category-schemes'),
  schemeHistory: (code: string) => api.get<CatalogueHistory>(`/api/v1/category-schemes/${encodeURIComponent(code)}/versions`),
  addScheme: (body: z.output<typeof AddCategorySchemeBody>) => api.post<CategorySchemeVersion>('/api/v1/category-schemes', body),
};

export const classificationKeys = {
  all: ['classification'] as const,
  ofPrisoner: (prisonerId: string) => ['classification', 'prisoner', prisonerId] as const,
  suggestion: (prisonerId: string, inputs: RecordedInputs) => ['classification', 'suggestion', prisonerId, inputs] as const,
  reviews: (facilityId: string, withinDays: number) => ['classification', 'reviews', facilityId, withinDays] as const,
  schemes: ['category-schemes'] as const,
  history: (code: string) => ['category-schemes', 'history', code] as const,
};
