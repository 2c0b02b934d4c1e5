import { defineModule } from '../../platform/modules/module.ts';
import type { PrisonersService } from '../prisoners/prisoners.service.ts';
import { receptionRoutes } from './reception.routes.ts';
import { receptionService } from './reception.service.ts';
import { seedDemoProperty } from './reception.demo.ts';

/** Reception of new arrivals: commitment-order check and duplicate detection across facilities. */
export const receptionModule = defineModule({
  name: 'reception',
  services: (deps, needs: { prisoners: PrisonersService }) => ({ reception: receptionService({ ...deps, prisoners: needs.prisoners }) }),
  routes: (app, { reception }) => receptionRoutes(app, reception),
  permissions: ['reception.manage'],
  demo: seedDemoProperty,
  navigation: [{ id: 'reception', labelKey: 'reception.nav', path: '/reception', permission: 'reception.manage' }],
});
