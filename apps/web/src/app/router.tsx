import { createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { AuditPage } from '../features/audit/audit-page.tsx';
import { DashboardPage } from '../features/dashboard/dashboard-page.tsx';
import { FacilitiesPage } from '../features/facilities/facilities-page.tsx';
import { FacilityPage } from '../features/facilities/facility-page.tsx';
import { UsersPage } from '../features/users/users-page.tsx';
import { PrisonersPage } from '../features/prisoners/prisoners-page.tsx';
import { PrisonerPage } from '../features/prisoners/prisoner-page.tsx';
import { ReceptionPage } from '../features/reception/reception-page.tsx';
import { IntakePage } from '../features/reception/intake-page.tsx';
import { WingAlertsPage } from '../features/alerts/wing-alerts-page.tsx';
import { AlertTypesPage } from '../features/alerts/alert-types-page.tsx';
import { RollPage } from '../features/counts/roll-page.tsx';
import { ImportsPage } from '../features/imports/imports-page.tsx';
import { ImportPage } from '../features/imports/import-page.tsx';
import { StatisticsPage } from '../features/statistics/statistics-page.tsx';
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

const prisoners = createRoute({
  getParentRoute: () => root,
  path: '/prisoners',
  component: () => (
    <RequireAbility ability="prisoners.read">
      <PrisonersPage />
    </RequireAbility>
  ),
});
const prisoner = createRoute({
  getParentRoute: () => root,
  path: '/prisoners/$prisonerId',
  component: () => (
    <RequireAbility ability="prisoners.read">
      <PrisonerPage />
    </RequireAbility>
  ),
});
const reception = createRoute({
  getParentRoute: () => root,
  path: '/reception',
  component: () => (
    <RequireAbility ability="reception.manage">
      <ReceptionPage />
    </RequireAbility>
  ),
});
const intake = createRoute({
  getParentRoute: () => root,
  path: '/reception/$intakeId',
  component: () => (
    <RequireAbility ability="reception.manage">
      <IntakePage />
    </RequireAbility>
  ),
});

const wingAlerts = createRoute({
  getParentRoute: () => root,
  path: '/locations/$locationId/alerts',
  component: () => (
    <RequireAbility ability="alerts.read">
      <WingAlertsPage />
    </RequireAbility>
  ),
});

const alertTypes = createRoute({
  getParentRoute: () => root,
  path: '/alert-types',
  component: () => (
    <RequireAbility ability="alerts.configure">
      <AlertTypesPage />
    </RequireAbility>
  ),
});

const roll = createRoute({
  getParentRoute: () => root,
  path: '/facilities/$facilityId/roll',
  component: () => (
    <RequireAbility ability="prisoners.read">
      <RollPage />
    </RequireAbility>
  ),
});

const imports = createRoute({
  getParentRoute: () => root,
  path: '/imports',
  component: () => (
    <RequireAbility ability="prisoners.import">
      <ImportsPage />
    </RequireAbility>
  ),
});
const importRoute = createRoute({
  getParentRoute: () => root,
  path: '/imports/$importId',
  component: () => (
    <RequireAbility ability="prisoners.import">
      <ImportPage />
    </RequireAbility>
  ),
});

const statistics = createRoute({
  getParentRoute: () => root,
  path: '/statistics',
  component: () => (
    <RequireAbility ability="statistics.read">
      <StatisticsPage />
    </RequireAbility>
  ),
});

const routeTree = root.addChildren([home, users, facilities, facilityRoute, audit, prisoners, prisoner, reception, intake, wingAlerts, alertTypes, roll, imports, importRoute, statistics]);

export const router = createRouter({ routeTree, defaultPreload: false });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
