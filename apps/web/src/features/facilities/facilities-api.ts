import type { z } from 'zod';
import type { BulkCellsBody, CreateFacilityBody, CreateLocationBody, Facility, Location, UpdateFacilityBody, UpdateLocationBody } from '@vigil/contracts';
import { api, withQuery } from '../../api/client.ts';
import type { Items } from '../../api/types.ts';

export const facilitiesApi = {
  list: (includeInactive: boolean) => api.get<Items<Facility>>(withQuery('/api/v1/facilities', { includeInactive: includeInactive ? 'true' : undefined })),
  get: (id: string) => api.get<Facility>(`/api/v1/facilities/${id}`),
  create: (body: z.output<typeof CreateFacilityBody>) => api.post<Facility>('/api/v1/facilities', body),
  update: (id: string, body: z.output<typeof UpdateFacilityBody>) => api.put<Facility>(`/api/v1/facilities/${id}`, body),
  deactivate: (id: string, reason: string, version: number) => api.post<Facility>(`/api/v1/facilities/${id}/deactivate`, { reason, version }),
};

export const locationsApi = {
  tree: (facilityId: string, includeInactive: boolean) =>
    api.get<Items<Location>>(withQuery(`/api/v1/facilities/${facilityId}/locations`, { includeInactive: includeInactive ? 'true' : undefined })),
  get: (id: string) => api.get<Location>(`/api/v1/locations/${id}`),
  create: (facilityId: string, body: z.output<typeof CreateLocationBody>) => api.post<Location>(`/api/v1/facilities/${facilityId}/locations`, body),
  update: (id: string, body: z.output<typeof UpdateLocationBody>) => api.put<Location>(`/api/v1/locations/${id}`, body),
  deactivate: (id: string, reason: string, version: number) => api.post<Location>(`/api/v1/locations/${id}/deactivate`, { reason, version }),
  reactivate: (id: string, version: number) => api.post<Location>(`/api/v1/locations/${id}/reactivate`, { version }),
  bulkCells: (facilityId: string, body: z.output<typeof BulkCellsBody>) => api.post<Items<Location>>(`/api/v1/facilities/${facilityId}/locations/bulk-cells`, body),
};

export const facilityKeys = {
  all: ['facilities'] as const,
  one: (id: string) => ['facilities', id] as const,
  locations: (facilityId: string) => ['locations', facilityId] as const,
};
