import { createRoute } from '@tanstack/react-router';
import { defineWebFeature } from '../../app/web-feature.ts';
import { screen } from '../../app/screen.tsx';

/** The roll is opened from a facility's page; it has no navigation entry of its own. */
export const countsFeature = defineWebFeature({
  routes: (root) => [
    createRoute({ getParentRoute: () => root, path: '/facilities/$facilityId/roll', component: screen('prisoners.read', () => import('./roll-page.tsx').then((m) => m.RollPage)) }),
  ],
  nav: [],
});
