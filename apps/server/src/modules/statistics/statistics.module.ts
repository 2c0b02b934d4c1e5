import { defineModule } from '../../platform/modules/module.ts';
import { statisticsRoutes } from './statistics.routes.ts';
import { statisticsService } from './statistics.service.ts';

/** Population statistics (Mandela Rule 10) with CSV and XLSX export. */
export const statisticsModule = defineModule({
  name: 'statistics',
  services: (deps) => ({ statistics: statisticsService(deps) }),
  routes: (app, { statistics }) => statisticsRoutes(app, statistics),
  permissions: ['statistics.read'],
  navigation: [{ id: 'statistics', labelKey: 'statistics.nav', path: '/statistics', permission: 'statistics.read' }],
});
