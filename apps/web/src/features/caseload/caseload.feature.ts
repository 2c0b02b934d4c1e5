import { createRoute } from '@tanstack/react-router';
import { defineWebFeature } from '../../app/web-feature.ts';
import { screen } from '../../app/screen.tsx';

/** Dashboards of the risk-and-needs caseload (issue 9). */
export const caseloadFeature = defineWebFeature({
  routes: (root) => [
    createRoute({ getParentRoute: () => root, path: '/caseload', component: screen('statistics.read', () => import('./caseload-page.tsx').then((m) => m.CaseloadPage)) }),
  ],
  nav: [{ to: '/caseload', labelKey: 'caseload.nav', ability: 'statistics.read' }],
});
