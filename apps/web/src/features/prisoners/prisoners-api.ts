import type { z } from 'zod';
import type { CorrectPrisonerBody, Placement, Prisoner, PrisonerSearchHit, PrisonerVersion, ProfileView } from '@vigil/contracts';
import { api, ApiProblem, withQuery } from '../../api/client.ts';
import type { Items } from '../../api/types.ts';

export type SearchHit = z.infer<typeof PrisonerSearchHit>;
export type PrisonerVersionItem = z.infer<typeof PrisonerVersion>;
export type PlacementItem = z.infer<typeof Placement>;
export type ProfileViewItem = z.infer<typeof ProfileView>;

export interface PrisonerFilters {
  q: string;
  includeReleased: boolean;
}

/** The version in the address makes the browser fetch a new photograph after an upload. */
export const photoUrl = (p: { id: string; version?: number }) => `/api/v1/prisoners/${p.id}/photo${p.version ? `?v=${p.version}` : ''}`;
export const recordPdfUrl = (id: string) => `/api/v1/prisoners/${id}/record.pdf`;

export const prisonersApi = {
  search: (f: PrisonerFilters) =>
    api.get<Items<SearchHit>>(withQuery('/api/v1/prisoners', { q: f.q.trim(), includeReleased: f.includeReleased ? 'true' : undefined, limit: 50 })),
  get: (id: string) => api.get<Prisoner>(`/api/v1/prisoners/${id}`),
  correct: (id: string, body: z.output<typeof CorrectPrisonerBody>) => api.put<Prisoner>(`/api/v1/prisoners/${id}`, body),
  versions: (id: string) => api.get<Items<PrisonerVersionItem>>(`/api/v1/prisoners/${id}/versions`),
  placements: (id: string) => api.get<Items<PlacementItem>>(`/api/v1/prisoners/${id}/placements`),
  views: (id: string) => api.get<Items<ProfileViewItem>>(`/api/v1/prisoners/${id}/views`),

  /** The photograph goes up as the image itself, not JSON, so this bypasses the JSON client. */
  async uploadPhoto(id: string, file: File, csrfToken: string, language: string): Promise<Prisoner> {
    let response: Response;
    try {
      response = await fetch(`/api/v1/prisoners/${id}/photo`, {
        method: 'PUT',
        credentials: 'same-origin',
        headers: { 'Content-Type': file.type || 'application/octet-stream', Accept: 'application/json', 'Accept-Language': language, 'X-CSRF-Token': csrfToken },
        body: file,
      });
    } catch {
      throw new ApiProblem({ type: 'about:blank', title: 'Error', status: 0, code: 'network' });
    }
    const data: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const problem = data && typeof data === 'object' && 'code' in data && 'title' in data ? (data as ApiProblem['problem']) : { type: 'about:blank', title: 'Error', status: response.status, code: `http-${response.status}` };
      throw new ApiProblem(problem);
    }
    return data as Prisoner;
  },
};

export const prisonerKeys = {
  all: ['prisoners'] as const,
  search: (f: PrisonerFilters) => ['prisoners', 'search', f] as const,
  one: (id: string) => ['prisoners', 'one', id] as const,
  versions: (id: string) => ['prisoners', 'one', id, 'versions'] as const,
  placements: (id: string) => ['prisoners', 'one', id, 'placements'] as const,
  views: (id: string) => ['prisoners', 'one', id, 'views'] as const,
};
