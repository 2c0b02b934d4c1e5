import { lazy } from 'react';
import { createRoute } from '@tanstack/react-router';
import { defineWebFeature } from '../../app/web-feature.ts';
import { screen } from '../../app/screen.tsx';

/** Programmes and work (issue 9): the catalogue, enrolments and waiting lists, the registers, and a tab in the prisoner file. */
export const programmesFeature = defineWebFeature({
  routes: (root) => [
    createRoute({ getParentRoute: () => root, path: '/programmes', component: screen('programmes.read', () => import('./programmes-page.tsx').then((m) => m.ProgrammesPage)) }),
    createRoute({ getParentRoute: () => root, path: '/programmes/$programmeId', component: screen('programmes.read', () => import('./programme-page.tsx').then((m) => m.ProgrammePage)) }),
    createRoute({ getParentRoute: () => root, path: '/programmes/$programmeId/register/$date/$start', component: screen('programmes.read', () => import('./register-page.tsx').then((m) => m.RegisterPage)) }),
  ],
  nav: [{ to: '/programmes', labelKey: 'programmes.nav', ability: 'programmes.read' }],
  fileTabs: [{ value: 'programmes', labelKey: 'programmes.tab', ability: 'programmes.read', panel: lazy(() => import('./programmes-tab.tsx').then((m) => ({ default: m.ProgrammesTab }))) }],
});
