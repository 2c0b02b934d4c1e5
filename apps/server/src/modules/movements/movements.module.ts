import { defineModule } from '../../platform/modules/module.ts';
import { movementsRoutes } from './movements.routes.ts';
import { movementsService } from './movements.service.ts';
import { releaseService } from './release.service.ts';
import { seedDemoMovements } from './movements.demo.ts';

/** Movements: cell moves, court and hospital, transfers between facilities, and release. */
export const movementsModule = defineModule({
  name: 'movements',
  services: (deps) => ({ movements: movementsService(deps), release: releaseService(deps) }),
  routes: (app, { movements, release }) => movementsRoutes(app, movements, release),
  permissions: ['movements.manage', 'release.manage'],
  demo: seedDemoMovements,
});
