import { lazy } from 'react';
import { createRoute } from '@tanstack/react-router';
import { defineWebFeature } from '../../app/web-feature.ts';
import { screen } from '../../app/screen.tsx';

/** The daily regime record (issue 10): the wing's daily sheet, the Rule 23 monitor, and a tab in the prisoner file. */
export const regimeFeature = defineWebFeature({
  routes: (root) => [
    createRoute({ getParentRoute: () => root, path: '/regime', component: screen('regime.read', () => import('./regime-sheet-page.tsx').then((m) => m.RegimeSheetPage)) }),
    createRoute({ getParentRoute: () => root, path: '/regime/monitor', component: screen('regime.read', () => import('./regime-monitor-page.tsx').then((m) => m.RegimeMonitorPage)) }),
  ],
  nav: [
    { to: '/regime', labelKey: 'regime.nav', ability: 'regime.read' },
    { to: '/regime/monitor', labelKey: 'regime.monitorNav', ability: 'regime.read' },
  ],
  fileTabs: [{ value: 'regime', labelKey: 'regime.tab', ability: 'regime.read', panel: lazy(() => import('./regime-tab.tsx').then((m) => ({ default: m.RegimeTab }))) }],
});
