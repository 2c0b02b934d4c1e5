import { Dashboard } from '@vigil/contracts';
import type { App } from '../../platform/http/app-type.ts';
import type { DashboardService } from './dashboard.service.ts';

export function dashboardRoutes(app: App, dashboard: DashboardService) {
  app.get('/api/v1/dashboard', {
    config: { access: { permission: 'dashboard.read' } },
    schema: { tags: ['dashboard'], summary: 'Counts per facility the user may see', response: { 200: Dashboard } },
    handler: async (request) => dashboard.get(request.ctx),
  });
}
