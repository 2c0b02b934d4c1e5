import type { z } from 'zod';
import type { PrisonerRegime, RegimeDay, RegimeMonitor, RegimeSheet, SaveRegimeSheetBody } from '@vigil/contracts';
import { api, withQuery } from '../../api/client.ts';

export const regimeApi = {
  sheet: (facilityId: string, wingId: string, date: string) => api.get<RegimeSheet>(withQuery(`/api/v1/facilities/${facilityId}/regime/sheet`, { wingId, date })),
  save: (body: z.input<typeof SaveRegimeSheetBody>) => api.put<{ saved: number; items: RegimeDay[] }>('/api/v1/regime/sheet', body),
  monitor: (facilityId: string, date: string, minDays: number) => api.get<RegimeMonitor>(withQuery(`/api/v1/facilities/${facilityId}/regime/monitor`, { date, minDays })),
  ofPrisoner: (prisonerId: string, days = 28) => api.get<PrisonerRegime>(withQuery(`/api/v1/prisoners/${prisonerId}/regime`, { days })),
};

export const regimeKeys = {
  all: ['regime'] as const,
  sheet: (facilityId: string, wingId: string, date: string) => ['regime', 'sheet', facilityId, wingId, date] as const,
  monitor: (facilityId: string, date: string, minDays: number) => ['regime', 'monitor', facilityId, date, minDays] as const,
  prisoner: (prisonerId: string) => ['regime', 'prisoner', prisonerId] as const,
};

/** Today on a time zone's wall clock, `YYYY-MM-DD` (the facility's day, not the browser's). */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
