import type { Alarm, AlarmDetail, AlarmRateReport, AlarmType, CreateDeviceBody, Device, DeviceWithToken, FloodStatus, QuarantinedMessage } from '@vigil/contracts';
import type { z } from 'zod';
import { api, withQuery } from '../../api/client.ts';
import type { Items } from '../../api/types.ts';

export type AlarmStatusFilter = 'open' | 'resolved' | 'all';

export const alarmsApi = {
  alarms: (facilityId: string | null, status: AlarmStatusFilter, priority: string | null) => api.get<Items<Alarm>>(withQuery('/api/v1/alarms', { facilityId, status, priority })),
  alarm: (id: string) => api.get<AlarmDetail>(`/api/v1/alarms/${id}`),
  acknowledge: (id: string, version: number) => api.post<Alarm>(`/api/v1/alarms/${id}/acknowledge`, { version }),
  start: (id: string, version: number) => api.post<Alarm>(`/api/v1/alarms/${id}/start`, { version }),
  completeStep: (id: string, position: number, version: number, note?: string) => api.post<AlarmDetail>(`/api/v1/alarms/${id}/steps/${position}/complete`, { version, ...(note ? { note } : {}) }),
  shelve: (id: string, version: number, minutes: number, reason: string) => api.post<Alarm>(`/api/v1/alarms/${id}/shelve`, { version, minutes, reason }),
  resolve: (id: string, version: number, resolution: string) => api.post<Alarm>(`/api/v1/alarms/${id}/resolve`, { version, resolution }),
  flood: (facilityId: string | null) => api.get<FloodStatus>(withQuery('/api/v1/alarms/flood', { facilityId })),
  rate: (facilityId: string | null, hours: number) => api.get<AlarmRateReport>(withQuery('/api/v1/alarms/rate-report', { facilityId, hours })),
  types: () => api.get<Items<AlarmType>>('/api/v1/alarm-types'),
  devices: (facilityId: string | null) => api.get<Items<Device>>(withQuery('/api/v1/alarm-devices', { facilityId })),
  register: (body: z.output<typeof CreateDeviceBody>) => api.post<DeviceWithToken>('/api/v1/alarm-devices', body),
  quarantine: (facilityId: string | null) => api.get<Items<QuarantinedMessage>>(withQuery('/api/v1/alarm-quarantine', { facilityId, limit: 100 })),
};

export const alarmKeys = {
  list: (facilityId: string | null, status: AlarmStatusFilter, priority: string | null) => ['alarms', facilityId, status, priority] as const,
  alarm: (id: string) => ['alarm', id] as const,
  flood: (facilityId: string | null) => ['alarms-flood', facilityId] as const,
  rate: (facilityId: string | null, hours: number) => ['alarms-rate', facilityId, hours] as const,
  devices: (facilityId: string | null) => ['alarm-devices', facilityId] as const,
  quarantine: (facilityId: string | null) => ['alarm-quarantine', facilityId] as const,
};

/** A name in the reader's language (English when the language has none). */
export const inLanguage = (names: { en: string; ru: string; tg: string }, language: string) => names[language as 'en' | 'ru' | 'tg'] ?? names.en;

// Dark enough for white text (WCAG AA): Mantine's orange.9 and yellow.9 are not.
export const PRIORITY_COLOR: Record<Alarm['priority'], string> = { critical: 'red.9', high: '#a63d00', medium: '#7a5600', low: 'gray.7' };
export const BAND_COLOR = { acceptable: '#2b6a30', manageable: '#7a5600', 'over-demanding': 'red.9', flood: 'red.9' } as const;
export const STATE_COLOR: Record<Alarm['state'], string> = { new: 'red.9', acknowledged: 'blue.9', 'in-progress': 'violet.9', resolved: 'green.9' };
