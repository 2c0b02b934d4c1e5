import { createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { AuditPage } from '../features/audit/audit-page.tsx';
import { DashboardPage } from '../features/dashboard/dashboard-page.tsx';
import { FacilitiesPage } from '../features/facilities/facilities-page.tsx';
import { FacilityPage } from '../features/facilities/facility-page.tsx';
import { UsersPage } from '../features/users/users-page.tsx';
import { Layout } from './layout.tsx';
import { NotFoundPage, RequireAbility } from './require-ability.tsx';

const root = createRootRoute({ component: Layout, notFoundComponent: NotFoundPage });

// Each screen names the ability it needs; a direct link without it shows the no-access page.
const home = createRoute({
  getParentRoute: () => root,
  path: '/',
  component: () => (
    <RequireAbility ability="dashboard.read">
      <DashboardPage />
    </RequireAbility>
  ),
});
const users = createRoute({
  getParentRoute: () => root,
  path: '/users',
  component: () => (
    <RequireAbility ability="users.read">
      <UsersPage />
    </RequireAbility>
  ),
});
const facilities = createRoute({
  getParentRoute: () => root,
  path: '/facilities',
  component: () => (
    <RequireAbility ability="facilities.read">
      <FacilitiesPage />
    </RequireAbility>
  ),
});
export const facilityRoute = createRoute({
  getParentRoute: () => root,
  path: '/facilities/$facilityId',
  component: () => (
    <RequireAbility ability="facilities.read">
      <FacilityPage />
    </RequireAbility>
  ),
});
const audit = createRoute({
  getParentRoute: () => root,
  path: '/audit',
  component: () => (
    <RequireAbility ability="audit.read">
      <AuditPage />
    </RequireAbility>
  ),
});

const routeTree = root.addChildren([home, users, facilities, facilityRoute, audit]);

export const router = createRouter({ routeTree, defaultPreload: false });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
