import { lazy } from 'react';
import { createRoute } from '@tanstack/react-router';
import { defineWebFeature } from '../../app/web-feature.ts';
import { screen } from '../../app/screen.tsx';

/** Sentence plans (issue 9): the plan in the prisoner file, and the plans whose review is overdue. */
export const plansFeature = defineWebFeature({
  routes: (root) => [
    createRoute({ getParentRoute: () => root, path: '/plans/unreviewed', component: screen('plans.read', () => import('./unreviewed-page.tsx').then((m) => m.UnreviewedPlansPage)) }),
  ],
  nav: [{ to: '/plans/unreviewed', labelKey: 'plans.nav', ability: 'plans.read' }],
  fileTabs: [{ value: 'plan', labelKey: 'plans.tab', ability: 'plans.read', panel: lazy(() => import('./plan-tab.tsx').then((m) => ({ default: m.PlanTab }))) }],
});
