import { defineModule } from '../../platform/modules/module.ts';
import { seedDemoForce } from './force.demo.ts';
import { forceRoutes } from './force.routes.ts';
import { forceService } from './force.service.ts';

/** Use of force and restraints (issue 10): the allowed list, the reports and their review. */
export const forceModule = defineModule({
  name: 'force',
  services: (deps) => ({ force: forceService(deps) }),
  routes: (app, { force }) => forceRoutes(app, force),
  permissions: ['force.read', 'force.report', 'force.review', 'force.configure'],
  demo: seedDemoForce,
  navigation: [
    { id: 'force-reports', labelKey: 'force.nav', path: '/force', permission: 'force.read' },
    { id: 'force-report-new', labelKey: 'force.newNav', path: '/report-use-of-force', permission: 'force.report' },
    { id: 'force-techniques', labelKey: 'force.techniquesNav', path: '/restraints', permission: 'force.configure' },
  ],
});
