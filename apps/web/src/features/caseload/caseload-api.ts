import type { CaseloadStatistics } from '@vigil/contracts';
import { api, withQuery } from '../../api/client.ts';

/** '' means every facility the user may see. */
export const caseloadApi = {
  get: (facilityId: string) => api.get<CaseloadStatistics>(withQuery('/api/v1/statistics/caseload', { facilityId: facilityId || undefined })),
};
