import type { z } from 'zod';
import type { CatalogueHistory, ImportInstrumentBody, Instrument } from '@vigil/contracts';
import { api } from '../../api/client.ts';
import type { Items } from '../../api/types.ts';

export const assessmentsApi = {
  /** Every instrument at the version in force today. */
  instruments: () => api.get<Items<Instrument>>('/api/v1/assessment-instruments'),
  /** Every version of one instrument, oldest first, each with its whole definition. */
  instrumentHistory: (code: string) => api.get<CatalogueHistory>(`/api/v1/assessment-instruments/${encodeURIComponent(code)}/versions`),
  importInstrument: (body: z.output<typeof ImportInstrumentBody>) => api.post<Instrument>('/api/v1/assessment-instruments', body),
};

export const assessmentKeys = {
  instruments: ['assessment-instruments'] as const,
  /** Under `instruments`, so an import refreshes the list and every history. */
  history: (code: string) => ['assessment-instruments', 'history', code] as const,
};
