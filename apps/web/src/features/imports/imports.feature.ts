import { createRoute } from '@tanstack/react-router';
import { defineWebFeature } from '../../app/web-feature.ts';
import { screen } from '../../app/screen.tsx';

export const importsFeature = defineWebFeature({
  routes: (root) => [
    createRoute({ getParentRoute: () => root, path: '/imports', component: screen('prisoners.import', () => import('./imports-page.tsx').then((m) => m.ImportsPage)) }),
    createRoute({ getParentRoute: () => root, path: '/imports/$importId', component: screen('prisoners.import', () => import('./import-page.tsx').then((m) => m.ImportPage)) }),
  ],
  nav: [{ to: '/imports', labelKey: 'imports.nav', ability: 'prisoners.import' }],
});
