import { defineModule } from '../../platform/modules/module.ts';
import { alertsRoutes } from './alerts.routes.ts';
import { alertsService } from './alerts.service.ts';
import { seedDemoAlerts } from './alerts.demo.ts';

/** Alerts on a prisoner (risks, needs, keep-aparts) and the codes that configure them. */
export const alertsModule = defineModule({
  name: 'alerts',
  services: (deps) => ({ alerts: alertsService(deps) }),
  routes: (app, { alerts }) => alertsRoutes(app, alerts),
  permissions: ['alerts.read', 'alerts.manage', 'alerts.configure'],
  demo: seedDemoAlerts,
  navigation: [{ id: 'alert-types', labelKey: 'alertTypes.nav', path: '/alert-types', permission: 'alerts.configure' }],
});
