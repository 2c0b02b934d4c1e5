import { createRoute } from '@tanstack/react-router';
import { defineWebFeature } from '../../app/web-feature.ts';
import { screen } from '../../app/screen.tsx';

export const prisonersFeature = defineWebFeature({
  routes: (root) => [
    createRoute({ getParentRoute: () => root, path: '/prisoners', component: screen('prisoners.read', () => import('./prisoners-page.tsx').then((m) => m.PrisonersPage)) }),
    createRoute({ getParentRoute: () => root, path: '/prisoners/$prisonerId', component: screen('prisoners.read', () => import('./prisoner-page.tsx').then((m) => m.PrisonerPage)) }),
  ],
  nav: [{ to: '/prisoners', labelKey: 'prisoners.nav', ability: 'prisoners.read' }],
});
