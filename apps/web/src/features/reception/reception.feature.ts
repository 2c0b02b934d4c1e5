import { createRoute } from '@tanstack/react-router';
import { defineWebFeature } from '../../app/web-feature.ts';
import { screen } from '../../app/screen.tsx';

export const receptionFeature = defineWebFeature({
  routes: (root) => [
    createRoute({ getParentRoute: () => root, path: '/reception', component: screen('reception.manage', () => import('./reception-page.tsx').then((m) => m.ReceptionPage)) }),
    createRoute({ getParentRoute: () => root, path: '/reception/$intakeId', component: screen('reception.manage', () => import('./intake-page.tsx').then((m) => m.IntakePage)) }),
  ],
  nav: [{ to: '/reception', labelKey: 'reception.nav', ability: 'reception.manage' }],
});
