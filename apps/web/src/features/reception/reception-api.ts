import type { z } from 'zod';
import type { CompleteIntakeBody, CreateIntakeBody, Intake, IntakeData, PossibleMatch, Prisoner, ProposedPrisonNumber } from '@vigil/contracts';
import { api, withQuery } from '../../api/client.ts';
import type { Items } from '../../api/types.ts';

export type IntakeStatusName = Intake['status'];
export type Match = z.infer<typeof PossibleMatch>;

export const receptionApi = {
  list: (facilityId: string, status?: IntakeStatusName) => api.get<Items<Intake>>(withQuery(`/api/v1/facilities/${facilityId}/intakes`, { status })),
  expect: (facilityId: string, body: z.output<typeof CreateIntakeBody>) => api.post<Intake>(`/api/v1/facilities/${facilityId}/intakes`, body),
  get: (id: string) => api.get<Intake>(`/api/v1/intakes/${id}`),
  save: (id: string, data: IntakeData, version: number) => api.put<Intake>(`/api/v1/intakes/${id}`, { data, version }),
  matches: (id: string) => api.get<Items<Match>>(`/api/v1/intakes/${id}/matches`),
  dismissMatches: (id: string, reason: string, version: number) => api.post<Intake>(`/api/v1/intakes/${id}/dismiss-matches`, { reason, version }),
  proposedNumber: (id: string) => api.get<z.infer<typeof ProposedPrisonNumber>>(`/api/v1/intakes/${id}/prison-number`),
  complete: (id: string, body: z.input<typeof CompleteIntakeBody>) => api.post<{ intake: Intake; prisoner: Prisoner }>(`/api/v1/intakes/${id}/complete`, body),
  cancel: (id: string, reason: string, version: number) => api.post<Intake>(`/api/v1/intakes/${id}/cancel`, { reason, version }),
};

export const receptionKeys = {
  all: ['intakes'] as const,
  list: (facilityId: string, status?: IntakeStatusName) => ['intakes', 'list', facilityId, status ?? 'all'] as const,
  one: (id: string) => ['intakes', 'one', id] as const,
  matches: (id: string) => ['intakes', 'one', id, 'matches'] as const,
  proposedNumber: (id: string) => ['intakes', 'one', id, 'prison-number'] as const,
};
