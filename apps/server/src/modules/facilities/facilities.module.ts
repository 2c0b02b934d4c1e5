import { defineModule } from '../../platform/modules/module.ts';
import { facilitiesRoutes } from './facilities.routes.ts';
import { facilitiesService } from './facilities.service.ts';
import { seedDemoFacilities } from './facilities.demo.ts';

/** Facilities: the prisons of the service, their time zones and capacities. */
export const facilitiesModule = defineModule({
  name: 'facilities',
  services: (deps) => ({ facilities: facilitiesService(deps) }),
  routes: (app, { facilities }) => facilitiesRoutes(app, facilities),
  permissions: ['facilities.read', 'facilities.manage'],
  demo: seedDemoFacilities,
  navigation: [{ id: 'facilities', labelKey: 'nav.facilities', path: '/facilities', permission: 'facilities.read' }],
});
