import { defineModule } from '../../platform/modules/module.ts';
import { locationsRoutes } from './locations.routes.ts';
import { locationsService } from './locations.service.ts';
import { seedDemoLocations } from './locations.demo.ts';

/** Locations: each facility's tree of buildings, wings, landings and cells. */
export const locationsModule = defineModule({
  name: 'locations',
  services: (deps) => ({ locations: locationsService(deps) }),
  routes: (app, { locations }) => locationsRoutes(app, locations),
  permissions: ['locations.read', 'locations.manage'],
  demo: seedDemoLocations,
});
