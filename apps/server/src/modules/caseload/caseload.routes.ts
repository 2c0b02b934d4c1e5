import { CaseloadQuery, CaseloadStatistics } from '@vigil/contracts';
import type { App } from '../../platform/http/app-type.ts';
import type { CaseloadService } from './caseload.service.ts';

export function caseloadRoutes(app: App, caseload: CaseloadService) {
  app.get('/api/v1/statistics/caseload', {
    config: { access: { permission: 'statistics.read' } },
    schema: {
      tags: ['statistics'],
      summary: 'Risk and needs per facility: reassessments due and overdue, people by security category, programme places and attendance, plans without a review (numbers only)',
      querystring: CaseloadQuery,
      response: { 200: CaseloadStatistics },
    },
    handler: async (request) => caseload.statistics(request.ctx, request.query.facilityId),
  });
}
