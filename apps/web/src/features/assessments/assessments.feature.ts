import { createRoute } from '@tanstack/react-router';
import { defineWebFeature } from '../../app/web-feature.ts';
import { screen } from '../../app/screen.tsx';

/** Risk and needs assessment (issue 9); first its instruments, which are versioned configuration. */
export const assessmentsFeature = defineWebFeature({
  routes: (root) => [
    createRoute({ getParentRoute: () => root, path: '/assessment-instruments', component: screen('assessments.read', () => import('./instruments-page.tsx').then((m) => m.InstrumentsPage)) }),
    createRoute({ getParentRoute: () => root, path: '/assessment-instruments/$code', component: screen('assessments.read', () => import('./instrument-page.tsx').then((m) => m.InstrumentPage)) }),
  ],
  nav: [{ to: '/assessment-instruments', labelKey: 'instruments.nav', ability: 'assessments.read' }],
});
