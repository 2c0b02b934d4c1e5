import { createRoute } from '@tanstack/react-router';
import { defineWebFeature } from '../../app/web-feature.ts';
import { screen } from '../../app/screen.tsx';

export const statisticsFeature = defineWebFeature({
  routes: (root) => [
    createRoute({ getParentRoute: () => root, path: '/statistics', component: screen('statistics.read', () => import('./statistics-page.tsx').then((m) => m.StatisticsPage)) }),
  ],
  nav: [{ to: '/statistics', labelKey: 'statistics.nav', ability: 'statistics.read' }],
});
