import type { AllocateBody, CellOptionList, Prisoner } from '@vigil/contracts';
import { api, withQuery } from '../../api/client.ts';

export const allocationApi = {
  options: (prisonerId: string, q: string) => api.get<CellOptionList>(withQuery(`/api/v1/prisoners/${prisonerId}/cell-options`, { q: q.trim(), limit: 50 })),
  allocate: (prisonerId: string, body: AllocateBody) => api.post<Prisoner>(`/api/v1/prisoners/${prisonerId}/allocate`, body),
};

export const allocationKeys = {
  options: (prisonerId: string, q: string) => ['cell-options', prisonerId, q] as const,
  all: ['cell-options'] as const,
};
