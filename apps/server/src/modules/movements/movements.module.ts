import { defineModule } from '../../platform/modules/module.ts';
import { movementsRoutes } from './movements.routes.ts';
import { movementsService } from './movements.service.ts';
import { releaseService } from './release.service.ts';
import { seedDemoMovements } from './movements.demo.ts';
import { movementControlRoutes } from './movement-control.routes.ts';
import { movementControlService } from './movement-control.service.ts';

/**
 * Movements: cell moves, court and hospital, transfers between facilities, and release; and
 * movement control inside a facility (zones with their rules, keep-apart groups, the movement log
 * and the out-of-cell board).
 */
export const movementsModule = defineModule({
  name: 'movements',
  services: (deps) => ({ movements: movementsService(deps), release: releaseService(deps), movementControl: movementControlService(deps) }),
  routes: (app, { movements, release, movementControl }) => {
    movementsRoutes(app, movements, release);
    movementControlRoutes(app, movementControl);
  },
  permissions: ['movements.manage', 'release.manage', 'movements.rules'],
  navigation: [
    { id: 'movement-control', labelKey: 'movements.nav', path: '/movements', permission: 'movements.manage' },
    { id: 'movement-rules', labelKey: 'movements.rulesNav', path: '/movements/rules', permission: 'movements.rules' },
  ],
  demo: seedDemoMovements,
});
