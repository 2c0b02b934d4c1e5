import { createRoute } from '@tanstack/react-router';
import { defineWebFeature } from '../../app/web-feature.ts';
import { screen } from '../../app/screen.tsx';

export const usersFeature = defineWebFeature({
  routes: (root) => [
    createRoute({ getParentRoute: () => root, path: '/users', component: screen('users.read', () => import('./users-page.tsx').then((m) => m.UsersPage)) }),
  ],
  nav: [{ to: '/users', labelKey: 'nav.users', ability: 'users.read' }],
});
