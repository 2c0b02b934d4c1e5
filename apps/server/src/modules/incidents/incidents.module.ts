import { defineModule } from '../../platform/modules/module.ts';
import { seedDemoIncidents } from './incidents.demo.ts';
import { incidentsRoutes } from './incidents.routes.ts';
import { incidentsService } from './incidents.service.ts';

/** Incidents (issue 10): types, reports, the decision log, required notifications, review, debrief and actions. */
export const incidentsModule = defineModule({
  name: 'incidents',
  services: (deps) => ({ incidents: incidentsService(deps) }),
  routes: (app, { incidents }) => incidentsRoutes(app, incidents),
  subscriptions: ({ incidents }) => [
    {
      name: 'incidents.link-force-reports',
      types: ['force.reported'],
      handler: async (event, trx) => {
        if (event.type === 'force.reported') await incidents.linkForceReport(trx, event.payload);
      },
    },
  ],
  permissions: ['incidents.read', 'incidents.report', 'incidents.manage', 'incidents.configure'],
  navigation: [
    { id: 'incidents', labelKey: 'incidents.nav', path: '/incidents', permission: 'incidents.read' },
    { id: 'incident-types', labelKey: 'incidentTypes.nav', path: '/incident-types', permission: 'incidents.configure' },
  ],
  demo: seedDemoIncidents,
});
