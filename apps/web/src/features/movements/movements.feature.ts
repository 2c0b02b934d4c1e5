import { createRoute } from '@tanstack/react-router';
import { defineWebFeature } from '../../app/web-feature.ts';
import { screen } from '../../app/screen.tsx';

/**
 * Movement control inside a facility (issue 10): the out-of-cell board with planned movements, and
 * the rules (zones, keep-apart). The movements panels of the prisoner file (absences, transfers,
 * release) are lent to that page and need no registration.
 */
export const movementsFeature = defineWebFeature({
  routes: (root) => [
    createRoute({ getParentRoute: () => root, path: '/movements', component: screen('movements.manage', () => import('./movement-control-page.tsx').then((m) => m.MovementControlPage)) }),
    createRoute({ getParentRoute: () => root, path: '/movements/rules', component: screen('movements.rules', () => import('./movement-rules-page.tsx').then((m) => m.MovementRulesPage)) }),
  ],
  nav: [
    { to: '/movements', labelKey: 'movements.nav', ability: 'movements.manage' },
    { to: '/movements/rules', labelKey: 'movements.rulesNav', ability: 'movements.rules' },
  ],
});
