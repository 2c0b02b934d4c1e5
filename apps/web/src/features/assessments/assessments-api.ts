import type { z } from 'zod';
import type { Assessment, AssessmentComparison, Assessor, CatalogueHistory, CreateAssessmentBody, DueAssessment, ImportInstrumentBody, Instrument, SaveAssessmentBody } from '@vigil/contracts';
import { api } from '../../api/client.ts';
import type { Items } from '../../api/types.ts';

export const assessmentsApi = {
  /** Every instrument at the version in force today. */
  instruments: () => api.get<Items<Instrument>>('/api/v1/assessment-instruments'),
  /** Every version of one instrument, oldest first, each with its whole definition. */
  instrumentHistory: (code: string) => api.get<CatalogueHistory>(`/api/v1/assessment-instruments/${encodeURIComponent(code)}/versions`),
  importInstrument: (body: z.output<typeof ImportInstrumentBody>) => api.post<Instrument>('/api/v1/assessment-instruments', body),

  ofPrisoner: (prisonerId: string) => api.get<Items<Assessment>>(`/api/v1/prisoners/${prisonerId}/assessments`),
  assessors: (prisonerId: string) => api.get<Items<Assessor>>(`/api/v1/prisoners/${prisonerId}/assessors`),
  create: (prisonerId: string, body: z.output<typeof CreateAssessmentBody>) => api.post<Assessment>(`/api/v1/prisoners/${prisonerId}/assessments`, body),
  one: (id: string) => api.get<Assessment>(`/api/v1/assessments/${id}`),
  save: (id: string, body: z.output<typeof SaveAssessmentBody>) => api.put<Assessment>(`/api/v1/assessments/${id}`, body),
  submit: (id: string, version: number) => api.post<Assessment>(`/api/v1/assessments/${id}/submit`, { version }),
  approve: (id: string, version: number) => api.post<Assessment>(`/api/v1/assessments/${id}/approve`, { version }),
  returnToDraft: (id: string, version: number, reason: string) => api.post<Assessment>(`/api/v1/assessments/${id}/return`, { version, reason }),
  compare: (first: string, second: string) => api.get<AssessmentComparison>(`/api/v1/assessments/compare?first=${first}&second=${second}`),
  due: (facilityId: string, withinDays: number) => api.get<{ today: string; items: DueAssessment[] }>(`/api/v1/assessments/due?facilityId=${facilityId}&withinDays=${withinDays}`),
};

export const assessmentKeys = {
  instruments: ['assessment-instruments'] as const,
  /** Under `instruments`, so an import refreshes the list and every history. */
  history: (code: string) => ['assessment-instruments', 'history', code] as const,
  ofPrisoner: (prisonerId: string) => ['assessments', 'prisoner', prisonerId] as const,
  assessors: (prisonerId: string) => ['assessments', 'assessors', prisonerId] as const,
  one: (id: string) => ['assessments', 'one', id] as const,
  compare: (first: string, second: string) => ['assessments', 'compare', first, second] as const,
  due: (facilityId: string, withinDays: number) => ['assessments', 'due', facilityId, withinDays] as const,
};
