import type { z } from 'zod';
import type {
  AddActionBody,
  AddDecisionBody,
  AddLinkBody,
  CatalogueHistory,
  CompleteActionBody,
  CompleteNotificationBody,
  CreateIncidentTypeBody,
  DebriefBody,
  Incident,
  IncidentStaff,
  IncidentSummary,
  IncidentType,
  IncidentStatus,
  PersonBody,
  ReportIncidentBody,
  ReviewBody,
  SeverityLevel,
  UpdateIncidentTypeBody,
} from '@vigil/contracts';
import { api, withQuery } from '../../api/client.ts';
import type { Items } from '../../api/types.ts';

export interface IncidentFilters {
  facilityId?: string;
  open?: boolean;
  serious?: boolean;
}

const flag = (b: boolean | undefined) => (b === undefined ? undefined : String(b));

export const incidentsApi = {
  types: () => api.get<Items<IncidentType>>('/api/v1/incident-types'),
  allTypes: () => api.get<Items<IncidentType>>('/api/v1/incident-types/configuration'),
  typeHistory: (code: string) => api.get<CatalogueHistory>(`/api/v1/incident-types/${encodeURIComponent(code)}/versions`),
  createType: (body: z.output<typeof CreateIncidentTypeBody>) => api.post<IncidentType>('/api/v1/incident-types', body),
  updateType: (code: string, body: z.output<typeof UpdateIncidentTypeBody>) => api.put<IncidentType>(`/api/v1/incident-types/${encodeURIComponent(code)}`, body),
  severities: () => api.get<Items<SeverityLevel>>('/api/v1/incident-severities'),
  list: (f: IncidentFilters) => api.get<Items<IncidentSummary>>(withQuery('/api/v1/incidents', { facilityId: f.facilityId, open: flag(f.open), serious: flag(f.serious) })),
  one: (id: string) => api.get<Incident>(`/api/v1/incidents/${id}`),
  report: (body: z.output<typeof ReportIncidentBody>) => api.post<Incident>('/api/v1/incidents', body),
  status: (id: string, body: { status: IncidentStatus; version: number; at?: string }) => api.post<Incident>(`/api/v1/incidents/${id}/status`, body),
  addPerson: (id: string, body: z.output<typeof PersonBody>) => api.post<Incident>(`/api/v1/incidents/${id}/people`, body),
  addDecision: (id: string, body: z.output<typeof AddDecisionBody>) => api.post<Incident>(`/api/v1/incidents/${id}/decisions`, body),
  notified: (notificationId: string, body: z.output<typeof CompleteNotificationBody>) => api.post<Incident>(`/api/v1/incident-notifications/${notificationId}/done`, body),
  review: (id: string, body: z.output<typeof ReviewBody>) => api.post<Incident>(`/api/v1/incidents/${id}/review`, body),
  debrief: (id: string, body: z.output<typeof DebriefBody>) => api.put<Incident>(`/api/v1/incidents/${id}/debrief`, body),
  addAction: (id: string, body: z.output<typeof AddActionBody>) => api.post<Incident>(`/api/v1/incidents/${id}/actions`, body),
  actionDone: (actionId: string, body: z.output<typeof CompleteActionBody>) => api.post<Incident>(`/api/v1/incident-actions/${actionId}/done`, body),
  addLink: (id: string, body: z.output<typeof AddLinkBody>) => api.post<Incident>(`/api/v1/incidents/${id}/links`, body),
  staff: (facilityId: string) => api.get<Items<IncidentStaff>>(`/api/v1/facilities/${facilityId}/incident-staff`),
  ofPrisoner: (prisonerId: string) => api.get<Items<IncidentSummary>>(`/api/v1/prisoners/${prisonerId}/incidents`),
};

export const incidentKeys = {
  all: ['incidents'] as const,
  list: (f: IncidentFilters) => ['incidents', 'list', f] as const,
  one: (id: string) => ['incidents', 'one', id] as const,
  ofPrisoner: (prisonerId: string) => ['incidents', 'prisoner', prisonerId] as const,
  staff: (facilityId: string) => ['incidents', 'staff', facilityId] as const,
  types: ['incident-types'] as const,
  /** Under `types`, so a change refreshes both lists and every history. */
  configuration: ['incident-types', 'configuration'] as const,
  history: (code: string) => ['incident-types', 'history', code] as const,
  severities: ['incident-severities'] as const,
};
