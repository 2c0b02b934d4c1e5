import type { z } from 'zod';
import type { AssignKeyWorkerBody, CaseNote, CaseNoteType, CreateCaseNoteBody, KeyWork, KeyWorkerAssignment, KeyWorkOverview, KeyWorkSession, RecordKeyWorkSessionBody, StaffRef, TimelinePage } from '@vigil/contracts';
import { api, withQuery } from '../../api/client.ts';
import type { Items } from '../../api/types.ts';

export const casenotesApi = {
  types: () => api.get<Items<CaseNoteType>>('/api/v1/casenote-types'),
  notes: (prisonerId: string) => api.get<Items<CaseNote>>(`/api/v1/prisoners/${prisonerId}/casenotes`),
  write: (prisonerId: string, body: z.output<typeof CreateCaseNoteBody>) => api.post<CaseNote>(`/api/v1/prisoners/${prisonerId}/casenotes`, body),
  keyWork: (prisonerId: string) => api.get<KeyWork>(`/api/v1/prisoners/${prisonerId}/key-work`),
  candidates: (prisonerId: string) => api.get<Items<StaffRef>>(`/api/v1/prisoners/${prisonerId}/key-worker/candidates`),
  assign: (prisonerId: string, body: z.output<typeof AssignKeyWorkerBody>) => api.post<KeyWorkerAssignment>(`/api/v1/prisoners/${prisonerId}/key-worker`, body),
  recordSession: (prisonerId: string, body: z.output<typeof RecordKeyWorkSessionBody>) => api.post<KeyWorkSession>(`/api/v1/prisoners/${prisonerId}/key-work-sessions`, body),
  overview: (facilityId: string, overdueDays: number) => api.get<KeyWorkOverview>(withQuery(`/api/v1/facilities/${facilityId}/key-work`, { overdueDays })),
  timeline: (prisonerId: string, cursor: string | null) => api.get<TimelinePage>(withQuery(`/api/v1/prisoners/${prisonerId}/timeline`, { cursor, limit: 25 })),
};

export const casenoteKeys = {
  types: ['casenote-types'] as const,
  notes: (prisonerId: string) => ['casenotes', prisonerId] as const,
  keyWork: (prisonerId: string) => ['key-work', prisonerId] as const,
  candidates: (prisonerId: string) => ['key-work', prisonerId, 'candidates'] as const,
  overview: (facilityId: string, overdueDays: number) => ['key-work-overview', facilityId, overdueDays] as const,
  timeline: (prisonerId: string) => ['timeline', prisonerId] as const,
};

/** A person on a record by name ("Family Given"). */
export const staffName = (s: StaffRef) => `${s.familyName} ${s.givenName}`;

/** A name in the reader's language (English when the language has none). */
export const inLanguage = (names: { en: string; ru: string; tg: string } | undefined, language: string) => (names ? (names[language as 'en' | 'ru' | 'tg'] ?? names.en) : undefined);
