import { lazy } from 'react';
import { createRoute } from '@tanstack/react-router';
import { defineWebFeature } from '../../app/web-feature.ts';
import { screen } from '../../app/screen.tsx';

/** Searches, finds and evidence (issue 10): searches and their finds, evidence bags and their chain of custody, schedules, the finds heat map. */
export const searchesFeature = defineWebFeature({
  routes: (root) => [
    createRoute({ getParentRoute: () => root, path: '/searches', component: screen('searches.read', () => import('./searches-page.tsx').then((m) => m.SearchesPage)) }),
    createRoute({ getParentRoute: () => root, path: '/searches/schedule', component: screen('searches.read', () => import('./schedule-page.tsx').then((m) => m.SchedulePage)) }),
    createRoute({ getParentRoute: () => root, path: '/searches/finds', component: screen('searches.read', () => import('./finds-page.tsx').then((m) => m.FindsPage)) }),
    createRoute({ getParentRoute: () => root, path: '/searches/$searchId', component: screen('searches.read', () => import('./search-page.tsx').then((m) => m.SearchPage)) }),
    createRoute({ getParentRoute: () => root, path: '/evidence/$bagId', component: screen('evidence.read', () => import('./evidence-bag-page.tsx').then((m) => m.EvidenceBagPage)) }),
  ],
  nav: [
    { to: '/searches', labelKey: 'searches.nav', ability: 'searches.read' },
    { to: '/searches/schedule', labelKey: 'searches.scheduleNav', ability: 'searches.read' },
    { to: '/searches/finds', labelKey: 'searches.findsNav', ability: 'searches.read' },
  ],
  fileTabs: [{ value: 'searches', labelKey: 'searches.tab', ability: 'searches.read', panel: lazy(() => import('./searches-tab.tsx').then((m) => ({ default: m.SearchesTab }))) }],
});
