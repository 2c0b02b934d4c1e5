import type { z } from 'zod';
import type { Movement, PropertyItem, ReleaseBody, ReleaseCheck, StartAbsenceBody, StartTransferBody, TransferDestination, TransferIn } from '@vigil/contracts';
import { api } from '../../api/client.ts';
import type { Items } from '../../api/types.ts';

export type Destination = z.infer<typeof TransferDestination>;

export const movementsApi = {
  ofPrisoner: (prisonerId: string) => api.get<Items<Movement>>(`/api/v1/prisoners/${prisonerId}/movements`),
  startAbsence: (prisonerId: string, body: z.output<typeof StartAbsenceBody>) => api.post<Movement>(`/api/v1/prisoners/${prisonerId}/absences`, body),
  endAbsence: (movementId: string) => api.post<Movement>(`/api/v1/movements/${movementId}/return`, {}),
  destinations: () => api.get<Items<Destination>>('/api/v1/transfer-destinations'),
  startTransfer: (prisonerId: string, body: z.output<typeof StartTransferBody>) => api.post<Movement>(`/api/v1/prisoners/${prisonerId}/transfers`, body),
  transfersIn: (facilityId: string) => api.get<Items<TransferIn>>(`/api/v1/facilities/${facilityId}/transfers-in`),
  receive: (movementId: string) => api.post<Movement>(`/api/v1/movements/${movementId}/receive`, {}),
  cancel: (movementId: string, reason: string) => api.post<Movement>(`/api/v1/movements/${movementId}/cancel`, { reason }),
  property: (prisonerId: string) => api.get<Items<PropertyItem>>(`/api/v1/prisoners/${prisonerId}/property`),
  returnProperty: (prisonerId: string, itemIds: string[]) => api.post<Items<PropertyItem>>(`/api/v1/prisoners/${prisonerId}/property/return`, { itemIds }),
  releaseCheck: (prisonerId: string) => api.get<ReleaseCheck>(`/api/v1/prisoners/${prisonerId}/release-check`),
  release: (prisonerId: string, body: z.output<typeof ReleaseBody>) => api.post<Movement>(`/api/v1/prisoners/${prisonerId}/release`, body),
};

export const movementKeys = {
  all: ['movements'] as const,
  ofPrisoner: (prisonerId: string) => ['movements', 'prisoner', prisonerId] as const,
  property: (prisonerId: string) => ['movements', 'property', prisonerId] as const,
  releaseCheck: (prisonerId: string) => ['movements', 'release-check', prisonerId] as const,
  destinations: ['movements', 'destinations'] as const,
  transfersIn: (facilityId: string) => ['movements', 'transfers-in', facilityId] as const,
};
