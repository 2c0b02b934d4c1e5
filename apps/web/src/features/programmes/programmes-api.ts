import type { z } from 'zod';
import type { CreateProgrammeBody, EndEnrolmentBody, EnrolBody, Enrolment, Programme, ProgrammeProgress, ProgrammesSummary, Register, SaveRegisterBody, SessionOccurrence, UpdateProgrammeBody } from '@vigil/contracts';
import { api } from '../../api/client.ts';
import type { Items } from '../../api/types.ts';

const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

export const programmesApi = {
  list: (facilityId: string) => api.get<Items<Programme>>(`/api/v1/programmes?${q({ facilityId })}`),
  one: (id: string) => api.get<Programme>(`/api/v1/programmes/${id}`),
  create: (body: z.output<typeof CreateProgrammeBody>) => api.post<Programme>('/api/v1/programmes', body),
  update: (id: string, body: z.output<typeof UpdateProgrammeBody>) => api.put<Programme>(`/api/v1/programmes/${id}`, body),
  enrolments: (id: string) => api.get<Items<Enrolment>>(`/api/v1/programmes/${id}/enrolments`),
  enrol: (id: string, body: z.input<typeof EnrolBody>) => api.post<Enrolment>(`/api/v1/programmes/${id}/enrolments`, body),
  admit: (enrolment: Pick<Enrolment, 'id' | 'version'>) => api.post<Enrolment>(`/api/v1/programme-enrolments/${enrolment.id}/admit`, { version: enrolment.version }),
  end: (enrolmentId: string, body: z.output<typeof EndEnrolmentBody>) => api.post<Enrolment>(`/api/v1/programme-enrolments/${enrolmentId}/end`, body),
  sessions: (id: string, from: string, to: string) => api.get<Items<z.infer<typeof SessionOccurrence>>>(`/api/v1/programmes/${id}/sessions?${q({ from, to })}`),
  register: (id: string, date: string, start: string) => api.get<Register>(`/api/v1/programmes/${id}/register?${q({ date, start })}`),
  saveRegister: (id: string, body: z.output<typeof SaveRegisterBody>) => api.put<Register>(`/api/v1/programmes/${id}/register`, body),
  progress: (prisonerId: string) => api.get<Items<ProgrammeProgress>>(`/api/v1/prisoners/${prisonerId}/programmes`),
  summary: (facilityId: string, weeks = 4) => api.get<ProgrammesSummary>(`/api/v1/programmes/summary?${q({ facilityId, weeks: String(weeks) })}`),
};

export const programmeKeys = {
  all: ['programmes'] as const,
  list: (facilityId: string) => ['programmes', 'list', facilityId] as const,
  one: (id: string) => ['programmes', 'one', id] as const,
  enrolments: (id: string) => ['programmes', 'one', id, 'enrolments'] as const,
  sessions: (id: string, from: string) => ['programmes', 'one', id, 'sessions', from] as const,
  register: (id: string, date: string, start: string) => ['programmes', 'one', id, 'register', date, start] as const,
  progressAll: ['programmes', 'progress'] as const,
  progress: (prisonerId: string) => ['programmes', 'progress', prisonerId] as const,
};
