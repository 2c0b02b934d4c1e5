import { defineModule } from '../../platform/modules/module.ts';
import { countsRoutes } from './counts.routes.ts';
import { countsService } from './counts.service.ts';

/** The live roll and counts of every place in a facility. */
export const countsModule = defineModule({
  name: 'counts',
  services: (deps) => ({ counts: countsService(deps) }),
  routes: (app, { counts }) => countsRoutes(app, counts),
  permissions: ['counts.manage'],
});
