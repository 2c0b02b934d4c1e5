import type { z } from 'zod';
import type { ObservationCheck, ObservationCompliance, ObservationHandover, ObservationLevel, ObservationLevelNames, ObservationLevelType, ObservationPrisoner, ObservationStaff, ObservationSupervision, PrisonerObservation, RecordCheckBody, RecordHandoverBody, ReviewObservationBody, SetObservationBody } from '@vigil/contracts';
import { api } from '../../api/client.ts';
import type { Items } from '../../api/types.ts';

const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

export const observationsApi = {
  levelTypes: () => api.get<Items<ObservationLevelType>>('/api/v1/observations/level-types'),
  board: (facilityId: string) => api.get<Items<ObservationLevel> & { asOf: string }>(`/api/v1/observations?${q({ facilityId })}`),
  set: (body: z.output<typeof SetObservationBody>) => api.post<ObservationLevel>('/api/v1/observations', body),
  review: (id: string, body: z.output<typeof ReviewObservationBody>) => api.post<ObservationLevel>(`/api/v1/observation-levels/${id}/review`, body),
  check: (id: string, body: z.output<typeof RecordCheckBody>) => api.post<ObservationCheck>(`/api/v1/observation-levels/${id}/checks`, body),
  handover: (id: string, body: z.output<typeof RecordHandoverBody>) => api.post<ObservationHandover>(`/api/v1/observation-levels/${id}/handovers`, body),
  ofPrisoner: (prisonerId: string) => api.get<PrisonerObservation>(`/api/v1/prisoners/${prisonerId}/observations`),
  supervision: (facilityId: string) => api.get<ObservationSupervision>(`/api/v1/observations/supervision?${q({ facilityId })}`),
  compliance: (facilityId: string, days = 7) => api.get<ObservationCompliance>(`/api/v1/observations/compliance?${q({ facilityId, days: String(days) })}`),
};

export const observationKeys = {
  all: ['observations'] as const,
  types: ['observations', 'types'] as const,
  board: (facilityId: string) => ['observations', 'board', facilityId] as const,
  prisoner: (prisonerId: string) => ['observations', 'prisoner', prisonerId] as const,
  supervision: (facilityId: string) => ['observations', 'supervision', facilityId] as const,
  compliance: (facilityId: string) => ['observations', 'compliance', facilityId] as const,
};

/** The domain events that change what these screens show. */
export const OBSERVATION_EVENTS = ['observation.level-set', 'observation.checked', 'observation.check-missed'] as const;

export const levelName = (names: ObservationLevelNames, language: string) => names[(language as keyof ObservationLevelNames) in names ? (language as keyof ObservationLevelNames) : 'en'];

export const staffName = (s: ObservationStaff) => [s.familyName, s.givenName].filter(Boolean).join(' ');

export const prisonerName = (p: ObservationPrisoner) => [p.familyName, p.givenName, p.patronymic].filter(Boolean).join(' ');

/** Where the prisoner is: "Wing A · cell 201", or nothing known. */
export const placeOf = (p: ObservationPrisoner) => [p.wing?.name, p.cell?.name].filter(Boolean).join(' · ');

/** A time of day (hh:mm, 24 hours) in the facility's zone: digits read the same in every language. */
export function clockTime(at: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(at));
}
