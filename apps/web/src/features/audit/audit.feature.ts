import { createRoute } from '@tanstack/react-router';
import { defineWebFeature } from '../../app/web-feature.ts';
import { screen } from '../../app/screen.tsx';

export const auditFeature = defineWebFeature({
  routes: (root) => [
    createRoute({ getParentRoute: () => root, path: '/audit', component: screen('audit.read', () => import('./audit-page.tsx').then((m) => m.AuditPage)) }),
  ],
  nav: [{ to: '/audit', labelKey: 'nav.audit', ability: 'audit.read' }],
});
