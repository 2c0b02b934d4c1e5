import { createRoute } from '@tanstack/react-router';
import { defineWebFeature } from '../../app/web-feature.ts';
import { screen } from '../../app/screen.tsx';

export const dashboardFeature = defineWebFeature({
  routes: (root) => [
    createRoute({ getParentRoute: () => root, path: '/', component: screen('dashboard.read', () => import('./dashboard-page.tsx').then((m) => m.DashboardPage)) }),
  ],
  nav: [{ to: '/', labelKey: 'nav.home', ability: 'dashboard.read' }],
});
