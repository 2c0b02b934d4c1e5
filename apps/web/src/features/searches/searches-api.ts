import type { z } from 'zod';
import type { BagFindsBody, CustodyStepBody, EvidenceBag, Find, FindPhoto, FindTrends, Heatmap, OverdueList, PrisonerSearches, RecordFindBody, RecordSearchBody, SavedSchedule, Search, SearchDetail, StaffMember, WingSchedule } from '@vigil/contracts';
import { api, withQuery } from '../../api/client.ts';
import type { Items } from '../../api/types.ts';

export const searchesApi = {
  list: (facilityId: string) => api.get<Items<Search>>(withQuery('/api/v1/searches', { facilityId })),
  one: (id: string) => api.get<SearchDetail>(`/api/v1/searches/${id}`),
  record: (body: z.output<typeof RecordSearchBody>) => api.post<Search>('/api/v1/searches', body),
  staff: (facilityId: string) => api.get<Items<StaffMember>>(withQuery('/api/v1/searches/staff', { facilityId })),
  recordFind: (searchId: string, body: z.output<typeof RecordFindBody>) => api.post<Find>(`/api/v1/searches/${searchId}/finds`, body),
  addPhoto: (findId: string, body: { contentType: string; data: string }) => api.post<FindPhoto>(`/api/v1/finds/${findId}/photos`, body),
  bag: (searchId: string, body: z.output<typeof BagFindsBody>) => api.post<EvidenceBag>(`/api/v1/searches/${searchId}/bags`, body),
  bagOne: (id: string) => api.get<EvidenceBag>(`/api/v1/evidence-bags/${id}`),
  step: (bagId: string, body: z.output<typeof CustodyStepBody>) => api.post<EvidenceBag>(`/api/v1/evidence-bags/${bagId}/custody`, body),
  schedules: (facilityId: string) => api.get<{ defaultPeriodDays: number; items: WingSchedule[] }>(withQuery('/api/v1/search-schedules', { facilityId })),
  setSchedule: (wingId: string, body: { periodDays: number; version: number | null }) => api.put<SavedSchedule>(`/api/v1/search-schedules/${wingId}`, body),
  overdue: (facilityId: string) => api.get<OverdueList>(withQuery('/api/v1/searches/overdue', { facilityId })),
  heatmap: (facilityId: string) => api.get<Heatmap>(withQuery('/api/v1/searches/heatmap', { facilityId })),
  trends: (facilityId: string, months = 12) => api.get<FindTrends>(withQuery('/api/v1/searches/trends', { facilityId, months })),
  ofPrisoner: (prisonerId: string) => api.get<PrisonerSearches>(`/api/v1/prisoners/${prisonerId}/searches`),
  prisoners: (facilityId: string, q: string) => api.get<Items<{ id: string; prisonNumber: string; familyName: string; givenName: string; patronymic: string | null }>>(withQuery('/api/v1/prisoners', { q, facilityId, limit: 50 })),
};
export const photoUrl = (id: string) => `/api/v1/find-photos/${id}`;

export const searchKeys = {
  all: ['searches'] as const,
  list: (facilityId: string) => ['searches', 'list', facilityId] as const,
  one: (id: string) => ['searches', 'one', id] as const,
  staff: (facilityId: string) => ['searches', 'staff', facilityId] as const,
  bag: (id: string) => ['searches', 'bag', id] as const,
  schedules: (facilityId: string) => ['searches', 'schedules', facilityId] as const,
  overdue: (facilityId: string) => ['searches', 'overdue', facilityId] as const,
  heatmap: (facilityId: string) => ['searches', 'heatmap', facilityId] as const,
  trends: (facilityId: string) => ['searches', 'trends', facilityId] as const,
  prisoner: (id: string) => ['searches', 'prisoner', id] as const,
};
