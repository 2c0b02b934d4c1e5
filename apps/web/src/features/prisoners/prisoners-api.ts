import type { z } from 'zod';
import type { CorrectPrisonerBody, Placement, Prisoner, PrisonerSearchHit, PrisonerVersion, ProfileView } from '@vigil/contracts';
import { api, withQuery } from '../../api/client.ts';
import type { Items } from '../../api/types.ts';

export type SearchHit = PrisonerSearchHit;
export type PrisonerVersionItem = z.infer<typeof PrisonerVersion>;
export type PlacementItem = z.infer<typeof Placement>;
export type ProfileViewItem = z.infer<typeof ProfileView>;

export interface PrisonerFilters {
  q: string;
  includeReleased: boolean;
  /** Only this facility's prisoners (the newest admissions follow the facility switcher). */
  facilityId?: string;
}

/** The version in the address makes the browser fetch a new photograph after an upload. */
export const photoUrl = (p: { id: string; version?: number }) => `/api/v1/prisoners/${p.id}/photo${p.version ? `?v=${p.version}` : ''}`;
export const recordPdfUrl = (id: string) => `/api/v1/prisoners/${id}/record.pdf`;

export const prisonersApi = {
  search: (f: PrisonerFilters) =>
    api.get<Items<SearchHit>>(withQuery('/api/v1/prisoners', { q: f.q.trim(), facilityId: f.facilityId, includeReleased: f.includeReleased ? 'true' : undefined, limit: 50 })),
  get: (id: string) => api.get<Prisoner>(`/api/v1/prisoners/${id}`),
  correct: (id: string, body: z.output<typeof CorrectPrisonerBody>) => api.put<Prisoner>(`/api/v1/prisoners/${id}`, body),
  versions: (id: string) => api.get<Items<PrisonerVersionItem>>(`/api/v1/prisoners/${id}/versions`),
  placements: (id: string) => api.get<Items<PlacementItem>>(`/api/v1/prisoners/${id}/placements`),
  views: (id: string) => api.get<Items<ProfileViewItem>>(`/api/v1/prisoners/${id}/views`),

  /** The photograph goes up as the image itself. */
  uploadPhoto: (id: string, file: File) => api.upload<Prisoner>('PUT', `/api/v1/prisoners/${id}/photo`, file, file.type || 'application/octet-stream'),
};

export const prisonerKeys = {
  all: ['prisoners'] as const,
  search: (f: PrisonerFilters) => ['prisoners', 'search', f] as const,
  one: (id: string) => ['prisoners', 'one', id] as const,
  versions: (id: string) => ['prisoners', 'one', id, 'versions'] as const,
  placements: (id: string) => ['prisoners', 'one', id, 'placements'] as const,
  views: (id: string) => ['prisoners', 'one', id, 'views'] as const,
};
