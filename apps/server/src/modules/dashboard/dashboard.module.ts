import { defineModule } from '../../platform/modules/module.ts';
import { dashboardRoutes } from './dashboard.routes.ts';
import { dashboardService } from './dashboard.service.ts';

/** The home screen's figures for the active facility. */
export const dashboardModule = defineModule({
  name: 'dashboard',
  services: (deps) => ({ dashboard: dashboardService(deps) }),
  routes: (app, { dashboard }) => dashboardRoutes(app, dashboard),
  permissions: ['dashboard.read'],
  navigation: [{ id: 'home', labelKey: 'nav.home', path: '/', permission: 'dashboard.read' }],
});
