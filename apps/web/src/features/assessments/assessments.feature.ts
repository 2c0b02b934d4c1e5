import { lazy } from 'react';
import { createRoute } from '@tanstack/react-router';
import { defineWebFeature } from '../../app/web-feature.ts';
import { screen } from '../../app/screen.tsx';

/** Risk and needs assessment (issue 9): the instruments, each prisoner's assessments, and who is due a reassessment. */
export const assessmentsFeature = defineWebFeature({
  routes: (root) => [
    createRoute({ getParentRoute: () => root, path: '/assessments-due', component: screen('assessments.read', () => import('./due-page.tsx').then((m) => m.DuePage)) }),
    createRoute({ getParentRoute: () => root, path: '/assessments/$assessmentId', component: screen('assessments.read', () => import('./assessment-page.tsx').then((m) => m.AssessmentPage)) }),
    createRoute({ getParentRoute: () => root, path: '/assessments/$assessmentId/compare/$otherId', component: screen('assessments.read', () => import('./compare-page.tsx').then((m) => m.ComparePage)) }),
    createRoute({ getParentRoute: () => root, path: '/assessment-instruments', component: screen('assessments.read', () => import('./instruments-page.tsx').then((m) => m.InstrumentsPage)) }),
    createRoute({ getParentRoute: () => root, path: '/assessment-instruments/$code', component: screen('assessments.read', () => import('./instrument-page.tsx').then((m) => m.InstrumentPage)) }),
  ],
  nav: [
    { to: '/assessments-due', labelKey: 'assessments.due.nav', ability: 'assessments.read' },
    { to: '/assessment-instruments', labelKey: 'instruments.nav', ability: 'assessments.read' },
  ],
  fileTabs: [{ value: 'assessments', labelKey: 'assessments.tab', ability: 'assessments.read', panel: lazy(() => import('./assessments-tab.tsx').then((m) => ({ default: m.AssessmentsTab }))) }],
});
