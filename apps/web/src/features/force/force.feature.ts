import { lazy } from 'react';
import { createRoute } from '@tanstack/react-router';
import { defineWebFeature } from '../../app/web-feature.ts';
import { screen } from '../../app/screen.tsx';
import { reportScreen } from './force-screen.tsx';

/** Use of force and restraints (issue 10): the reports, their review, and the restraint list. */
export const forceFeature = defineWebFeature({
  routes: (root) => [
    createRoute({ getParentRoute: () => root, path: '/force', component: screen('force.read', () => import('./force-reports-page.tsx').then((m) => m.ForceReportsPage)) }),
    createRoute({
      getParentRoute: () => root,
      path: '/report-use-of-force',
      // Opened from an incident (`?incident=<id>`): the report is made for it.
      validateSearch: (search: Record<string, unknown>): { incident?: string } => (typeof search.incident === 'string' ? { incident: search.incident } : {}),
      component: screen('force.report', () => import('./new-force-report-page.tsx').then((m) => m.NewForceReportPage)),
    }),
    createRoute({ getParentRoute: () => root, path: '/force/$reportId', component: reportScreen(() => import('./force-report-page.tsx').then((m) => m.ForceReportPage)) }),
    createRoute({ getParentRoute: () => root, path: '/restraints', component: screen('force.configure', () => import('./force-techniques-page.tsx').then((m) => m.ForceTechniquesPage)) }),
  ],
  nav: [
    { to: '/force', labelKey: 'force.nav', ability: 'force.read' },
    { to: '/report-use-of-force', labelKey: 'force.newNav', ability: 'force.report' },
    { to: '/restraints', labelKey: 'force.techniquesNav', ability: 'force.configure' },
  ],
  fileTabs: [{ value: 'force', labelKey: 'force.tab', ability: 'force.read', panel: lazy(() => import('./force-tab.tsx').then((m) => ({ default: m.ForceTab }))) }],
});
