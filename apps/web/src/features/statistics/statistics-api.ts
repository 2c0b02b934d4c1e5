import type { ExportFormat, OccupancyStatistics, PopulationStatistics } from '@vigil/contracts';
import { api, withQuery } from '../../api/client.ts';

/** '' means every facility the user may see. */
export type Scope = string;

const q = (facilityId: Scope) => ({ facilityId: facilityId || undefined });

export const statisticsApi = {
  population: (facilityId: Scope) => api.get<PopulationStatistics>(withQuery('/api/v1/statistics/population', q(facilityId))),
  occupancy: (facilityId: Scope) => api.get<OccupancyStatistics>(withQuery('/api/v1/statistics/occupancy', q(facilityId))),
  /** A download link; the server writes the headers in the user's language and audits the export. */
  exportUrl: (report: 'population' | 'occupancy', format: ExportFormat, facilityId: Scope) => withQuery(`/api/v1/statistics/${report}.${format}`, q(facilityId)),
};
