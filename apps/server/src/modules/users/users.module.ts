import { defineModule } from '../../platform/modules/module.ts';
import { usersRoutes } from './users.routes.ts';
import { usersService } from './users.service.ts';
import { seedDemoUsers } from './users.demo.ts';

/** Staff accounts, their roles and the facilities they work in. */
export const usersModule = defineModule({
  name: 'users',
  services: (deps) => ({ users: usersService(deps) }),
  routes: (app, { users }) => usersRoutes(app, users),
  permissions: ['users.read', 'users.manage'],
  demo: seedDemoUsers,
  navigation: [{ id: 'users', labelKey: 'nav.users', path: '/users', permission: 'users.read' }],
});
