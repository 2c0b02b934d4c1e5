import { createRoute } from '@tanstack/react-router';
import { defineWebFeature } from '../../app/web-feature.ts';
import { screen } from '../../app/screen.tsx';

export const alertsFeature = defineWebFeature({
  routes: (root) => [
    createRoute({ getParentRoute: () => root, path: '/locations/$locationId/alerts', component: screen('alerts.read', () => import('./wing-alerts-page.tsx').then((m) => m.WingAlertsPage)) }),
    createRoute({ getParentRoute: () => root, path: '/alert-types', component: screen('alerts.configure', () => import('./alert-types-page.tsx').then((m) => m.AlertTypesPage)) }),
  ],
  nav: [{ to: '/alert-types', labelKey: 'alertTypes.nav', ability: 'alerts.configure' }],
});
