import type { z } from 'zod';
import type { CancelMovementBody, CreateKeepApartBody, CreateZoneBody, EndKeepApartBody, InternalMovement, KeepApart, PlanMovementBody, UpdateZoneBody, Zone } from '@vigil/contracts';
import { api, withQuery } from '../../api/client.ts';
import type { Items } from '../../api/types.ts';

export const movementControlApi = {
  zones: (facilityId: string) => api.get<Items<Zone>>(`/api/v1/facilities/${facilityId}/zones`),
  createZone: (facilityId: string, body: z.output<typeof CreateZoneBody>) => api.post<Zone>(`/api/v1/facilities/${facilityId}/zones`, body),
  updateZone: (id: string, body: z.output<typeof UpdateZoneBody>) => api.put<Zone>(`/api/v1/zones/${id}`, body),
  keepApart: (facilityId: string) => api.get<Items<KeepApart>>(`/api/v1/facilities/${facilityId}/keep-apart`),
  createKeepApart: (facilityId: string, body: z.input<typeof CreateKeepApartBody>) => api.post<KeepApart>(`/api/v1/facilities/${facilityId}/keep-apart`, body),
  endKeepApart: (id: string, body: z.output<typeof EndKeepApartBody>) => api.post<KeepApart>(`/api/v1/keep-apart/${id}/end`, body),
  plan: (body: z.input<typeof PlanMovementBody>) => api.post<InternalMovement>('/api/v1/internal-movements', body),
  out: (m: Pick<InternalMovement, 'id' | 'version'>) => api.post<InternalMovement>(`/api/v1/internal-movements/${m.id}/out`, { version: m.version }),
  back: (m: Pick<InternalMovement, 'id' | 'version'>) => api.post<InternalMovement>(`/api/v1/internal-movements/${m.id}/back`, { version: m.version }),
  cancel: (id: string, body: z.output<typeof CancelMovementBody>) => api.post<InternalMovement>(`/api/v1/internal-movements/${id}/cancel`, body),
  board: (facilityId: string, wingId?: string) => api.get<Items<InternalMovement>>(withQuery(`/api/v1/facilities/${facilityId}/out-of-cell`, { wingId })),
  log: (facilityId: string, date?: string) => api.get<Items<InternalMovement>>(withQuery(`/api/v1/facilities/${facilityId}/movement-log`, { date })),
};

export const movementControlKeys = {
  all: ['movement-control'] as const,
  zones: (facilityId: string) => ['movement-control', 'zones', facilityId] as const,
  keepApart: (facilityId: string) => ['movement-control', 'keep-apart', facilityId] as const,
  board: (facilityId: string) => ['movement-control', 'board', facilityId] as const,
  log: (facilityId: string, date: string) => ['movement-control', 'log', facilityId, date] as const,
};

/** Today on a time zone's wall clock, `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The instant (ISO, UTC) of a wall-clock day and time `HH:MM` in a time zone. */
export function zonedInstant(day: string, time: string, timeZone: string): string {
  const guess = new Date(`${day}T${time}:00Z`);
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(guess);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(guess.getTime() - (wall - guess.getTime())).toISOString();
}

/** The time of day `HH:MM` of an instant in a time zone. */
export const clockTime = (at: string, timeZone: string) => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(at));
