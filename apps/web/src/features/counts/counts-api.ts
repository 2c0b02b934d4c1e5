import type { CountSession, CountSessionSummary, ResolveCountBody, Roll } from '@vigil/contracts';
import { api } from '../../api/client.ts';
import type { Items } from '../../api/types.ts';

export const countsApi = {
  roll: (facilityId: string) => api.get<Roll>(`/api/v1/facilities/${facilityId}/roll`),
  list: (facilityId: string) => api.get<Items<CountSessionSummary>>(`/api/v1/facilities/${facilityId}/counts`),
  get: (id: string) => api.get<CountSession>(`/api/v1/counts/${id}`),
  start: (facilityId: string) => api.post<CountSession>(`/api/v1/facilities/${facilityId}/counts`, {}),
  record: (id: string, locationId: string, counted: number) => api.put<CountSession>(`/api/v1/counts/${id}/entries/${locationId}`, { counted }),
  resolve: (id: string, locationId: string, body: ResolveCountBody) => api.post<CountSession>(`/api/v1/counts/${id}/entries/${locationId}/resolve`, body),
  close: (id: string) => api.post<CountSession>(`/api/v1/counts/${id}/close`, {}),
};

export const countKeys = {
  all: ['counts'] as const,
  roll: (facilityId: string) => ['counts', 'roll', facilityId] as const,
  list: (facilityId: string) => ['counts', 'list', facilityId] as const,
  one: (id: string) => ['counts', 'one', id] as const,
};
