import { defineModule } from '../../platform/modules/module.ts';
import { seedDemoRegime } from './regime.demo.ts';
import { regimeRoutes } from './regime.routes.ts';
import { regimeService } from './regime.service.ts';

/** The daily regime record (issue 10): exercise outdoors (Mandela Rule 23), meals and showers, refusals with their reasons. */
export const regimeModule = defineModule({
  name: 'regime',
  services: (deps) => ({ regime: regimeService(deps) }),
  routes: (app, { regime }) => regimeRoutes(app, regime),
  permissions: ['regime.read', 'regime.record'],
  navigation: [
    { id: 'regime', labelKey: 'regime.nav', path: '/regime', permission: 'regime.read' },
    { id: 'regime-monitor', labelKey: 'regime.monitorNav', path: '/regime/monitor', permission: 'regime.read' },
  ],
  demo: seedDemoRegime,
});
