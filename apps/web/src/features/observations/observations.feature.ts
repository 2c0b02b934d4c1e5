import { lazy } from 'react';
import { createRoute } from '@tanstack/react-router';
import { defineWebFeature } from '../../app/web-feature.ts';
import { screen } from '../../app/screen.tsx';

/** Observation levels and checks (issue 10): the wing board, the supervisors' live screen, compliance, and a tab in the prisoner file. */
export const observationsFeature = defineWebFeature({
  routes: (root) => [
    createRoute({ getParentRoute: () => root, path: '/observations', component: screen('observations.read', () => import('./wing-board-page.tsx').then((m) => m.WingBoardPage)) }),
    createRoute({ getParentRoute: () => root, path: '/observation-supervision', component: screen('observations.supervise', () => import('./supervision-page.tsx').then((m) => m.SupervisionPage)) }),
    createRoute({ getParentRoute: () => root, path: '/observation-compliance', component: screen('observations.supervise', () => import('./compliance-page.tsx').then((m) => m.CompliancePage)) }),
  ],
  nav: [
    { to: '/observations', labelKey: 'observations.nav', ability: 'observations.read' },
    { to: '/observation-supervision', labelKey: 'observations.supervisionNav', ability: 'observations.supervise' },
  ],
  fileTabs: [{ value: 'observation', labelKey: 'observations.tab.label', ability: 'observations.read', panel: lazy(() => import('./observation-tab.tsx').then((m) => ({ default: m.ObservationTab }))) }],
});
