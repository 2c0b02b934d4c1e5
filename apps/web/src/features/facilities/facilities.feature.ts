import { createRoute } from '@tanstack/react-router';
import { defineWebFeature } from '../../app/web-feature.ts';
import { screen } from '../../app/screen.tsx';

export const facilitiesFeature = defineWebFeature({
  routes: (root) => [
    createRoute({ getParentRoute: () => root, path: '/facilities', component: screen('facilities.read', () => import('./facilities-page.tsx').then((m) => m.FacilitiesPage)) }),
    createRoute({ getParentRoute: () => root, path: '/facilities/$facilityId', component: screen('facilities.read', () => import('./facility-page.tsx').then((m) => m.FacilityPage)) }),
  ],
  nav: [{ to: '/facilities', labelKey: 'nav.facilities', ability: 'facilities.read' }],
});
