import { defineModule } from '../../platform/modules/module.ts';
import { allocationRoutes } from './allocation.routes.ts';
import { allocationService } from './allocation.service.ts';

/** Cell allocation with the Mandela Rule 11 separation checks and audited overrides. */
export const allocationModule = defineModule({
  name: 'allocation',
  services: (deps) => ({ allocation: allocationService(deps) }),
  routes: (app, { allocation }) => allocationRoutes(app, allocation),
  permissions: ['allocation.manage', 'allocation.override'],
});
