import type { z } from 'zod';
import type { CatalogueHistory, CreateRecipientProfileBody, Handover, IssueHandoverBody, RecipientProfile, ReleasePlan, ReleasePlanView, SaveReleasePlanBody, UpdateRecipientProfileBody } from '@vigil/contracts';
import { api } from '../../api/client.ts';
import type { Items } from '../../api/types.ts';

export const handoverApi = {
  /** The profiles in force and in use: what a case manager chooses from. */
  profiles: () => api.get<Items<RecipientProfile>>('/api/v1/handover-profiles'),
  /** Every profile at its newest version, retired ones included (handover.configure). */
  allProfiles: () => api.get<Items<RecipientProfile>>('/api/v1/handover-profiles/configuration'),
  profileHistory: (code: string) => api.get<CatalogueHistory>(`/api/v1/handover-profiles/${encodeURIComponent(code)}/versions`),
  createProfile: (body: z.output<typeof CreateRecipientProfileBody>) => api.post<RecipientProfile>('/api/v1/handover-profiles', body),
  updateProfile: (code: string, body: z.output<typeof UpdateRecipientProfileBody>) => api.put<RecipientProfile>(`/api/v1/handover-profiles/${encodeURIComponent(code)}`, body),
  plan: (prisonerId: string) => api.get<ReleasePlanView>(`/api/v1/prisoners/${prisonerId}/release-plan`),
  savePlan: (prisonerId: string, body: z.output<typeof SaveReleasePlanBody>) => api.put<ReleasePlan>(`/api/v1/prisoners/${prisonerId}/release-plan`, body),
  handovers: (prisonerId: string) => api.get<Items<Handover>>(`/api/v1/prisoners/${prisonerId}/handovers`),
  issue: (prisonerId: string, body: z.output<typeof IssueHandoverBody>) => api.post<Handover>(`/api/v1/prisoners/${prisonerId}/handovers`, body),
};

/** The package as issued; the server logs every download. */
export const packageUrl = (handoverId: string) => `/api/v1/handovers/${handoverId}/package.pdf`;

export const handoverKeys = {
  profiles: ['handover-profiles'] as const,
  /** Under `profiles`, so a change refreshes both lists and every history. */
  configuration: ['handover-profiles', 'configuration'] as const,
  history: (code: string) => ['handover-profiles', 'history', code] as const,
  plan: (prisonerId: string) => ['release-plan', prisonerId] as const,
  handovers: (prisonerId: string) => ['handovers', prisonerId] as const,
};
