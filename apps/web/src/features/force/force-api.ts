import type { z } from 'zod';
import type {
  CatalogueHistory,
  CreateForceReportBody,
  CreateForceTechniqueBody,
  ForceReason,
  ForceReport,
  ForceReportSummary,
  ForceSettings,
  ForceStaffRef,
  ForceTechnique,
  ReviewForceReportBody,
  UpdateForceReportBody,
  UpdateForceSettingsBody,
  UpdateForceTechniqueBody,
} from '@vigil/contracts';
import { api } from '../../api/client.ts';
import type { Items } from '../../api/types.ts';

export const forceApi = {
  techniques: () => api.get<Items<ForceTechnique>>('/api/v1/force-techniques'),
  allTechniques: () => api.get<Items<ForceTechnique>>('/api/v1/force-techniques/configuration'),
  techniqueHistory: (code: string) => api.get<CatalogueHistory>(`/api/v1/force-techniques/${encodeURIComponent(code)}/versions`),
  createTechnique: (body: z.output<typeof CreateForceTechniqueBody>) => api.post<ForceTechnique>('/api/v1/force-techniques', body),
  updateTechnique: (code: string, body: z.output<typeof UpdateForceTechniqueBody>) => api.put<ForceTechnique>(`/api/v1/force-techniques/${encodeURIComponent(code)}`, body),
  reasons: () => api.get<Items<ForceReason>>('/api/v1/force-reasons'),
  settings: () => api.get<ForceSettings>('/api/v1/force-settings'),
  updateSettings: (body: z.output<typeof UpdateForceSettingsBody>) => api.put<ForceSettings>('/api/v1/force-settings', body),
  staff: (facilityId: string) => api.get<Items<ForceStaffRef>>(`/api/v1/facilities/${facilityId}/force-staff`),
  list: (facilityId: string) => api.get<Items<ForceReportSummary>>(`/api/v1/facilities/${facilityId}/force-reports`),
  ofPrisoner: (prisonerId: string) => api.get<Items<ForceReportSummary>>(`/api/v1/prisoners/${prisonerId}/force-reports`),
  report: (id: string) => api.get<ForceReport>(`/api/v1/force-reports/${id}`),
  create: (body: z.output<typeof CreateForceReportBody>) => api.post<ForceReport>('/api/v1/force-reports', body),
  update: (id: string, body: z.output<typeof UpdateForceReportBody>) => api.put<ForceReport>(`/api/v1/force-reports/${id}`, body),
  review: (id: string, body: z.output<typeof ReviewForceReportBody>) => api.post<ForceReport>(`/api/v1/force-reports/${id}/review`, body),
};

export const forceKeys = {
  all: ['force'] as const,
  techniques: ['force', 'techniques'] as const,
  configuration: ['force', 'techniques', 'configuration'] as const,
  history: (code: string) => ['force', 'techniques', 'history', code] as const,
  reasons: ['force', 'reasons'] as const,
  settings: ['force', 'settings'] as const,
  staff: (facilityId: string) => ['force', 'staff', facilityId] as const,
  list: (facilityId: string) => ['force', 'reports', facilityId] as const,
  ofPrisoner: (prisonerId: string) => ['force', 'prisoner', prisonerId] as const,
  report: (id: string) => ['force', 'report', id] as const,
};

export const personName = (s: { familyName: string; givenName: string }) => `${s.familyName} ${s.givenName}`;
