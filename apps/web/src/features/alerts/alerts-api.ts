import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AlertType, CatalogueHistory, CreateAlertTypeBody, LocationAlert, PrisonerAlert, RaiseAlertBody, UpdateAlertTypeBody } from '@vigil/contracts';
import { api } from '../../api/client.ts';
import type { Items } from '../../api/types.ts';

export const alertsApi = {
  types: () => api.get<Items<AlertType>>('/api/v1/alert-types'),
  ofPrisoner: (prisonerId: string) => api.get<Items<PrisonerAlert>>(`/api/v1/prisoners/${prisonerId}/alerts`),
  raise: (prisonerId: string, body: RaiseAlertBody) => api.post<PrisonerAlert>(`/api/v1/prisoners/${prisonerId}/alerts`, body),
  end: (alertId: string, reason: string, version: number) => api.post<PrisonerAlert>(`/api/v1/alerts/${alertId}/end`, { reason, version }),
  underLocation: (locationId: string) => api.get<Items<LocationAlert>>(`/api/v1/locations/${locationId}/alerts`),
  /** Every code, restricted and inactive ones included (alerts.configure). */
  allTypes: () => api.get<Items<AlertType>>('/api/v1/alert-types/configuration'),
  createType: (body: z.output<typeof CreateAlertTypeBody>) => api.post<AlertType>('/api/v1/alert-types', body),
  typeHistory: (code: string) => api.get<CatalogueHistory>(`/api/v1/alert-types/${encodeURIComponent(code)}/versions`),
  updateType: (code: string, body: z.output<typeof UpdateAlertTypeBody>) => api.put<AlertType>(`/api/v1/alert-types/${encodeURIComponent(code)}`, body),
};

export const alertKeys = {
  types: ['alert-types'] as const,
  /** Under `types`, so invalidating the codes refreshes both lists. */
  configuration: ['alert-types', 'configuration'] as const,
  history: (code: string) => ['alert-types', 'history', code] as const,
  all: ['alerts'] as const,
  ofPrisoner: (prisonerId: string) => ['alerts', 'prisoner', prisonerId] as const,
  underLocation: (locationId: string) => ['alerts', 'location', locationId] as const,
};

/** The alert codes the user may see, by code; they change rarely. */
export function useAlertTypes() {
  const query = useQuery({ queryKey: alertKeys.types, queryFn: alertsApi.types, staleTime: 5 * 60_000 });
  const byCode = new Map((query.data?.items ?? []).map((t) => [t.code, t]));
  return { ...query, byCode };
}

/** A code's name in the interface language (English when the language has none, the code when unknown). */
export function alertName(type: AlertType | undefined, code: string, language: string): string {
  if (!type) return code;
  const names = type.names as Record<string, string>;
  return names[language] ?? names.en ?? code;
}
