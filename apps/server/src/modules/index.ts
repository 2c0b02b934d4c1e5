import type { App } from '../app.ts';
import type { Config } from '../platform/config.ts';
import type { Services } from '../services.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { facilitiesRoutes } from './facilities/facilities.routes.ts';
import { locationsRoutes } from './locations/locations.routes.ts';
import { dashboardRoutes } from './dashboard/dashboard.routes.ts';
import { usersRoutes } from './users/users.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { prisonersRoutes } from './prisoners/prisoners.routes.ts';
import { receptionRoutes } from './reception/reception.routes.ts';
import { alertsRoutes } from './alerts/alerts.routes.ts';
import { allocationRoutes } from './allocation/allocation.routes.ts';
import { movementsRoutes } from './movements/movements.routes.ts';
import { countsRoutes } from './counts/counts.routes.ts';
import { statisticsRoutes } from './statistics/statistics.routes.ts';
import { prisonerRecordRoutes } from './prisoners/prisoner-record.routes.ts';
import { importsRoutes } from './imports/imports.routes.ts';
import { eventsRoutes } from '../platform/events/events.routes.ts';

/** Every feature module's routes. Each route declares its access; see platform/http/access-hook.ts. */
export function registerModules(app: App, services: Services, config: Config) {
  authRoutes(app, services.auth, { secureCookies: config.production, signInPerMinute: config.signInRateLimitPerMinute });
  facilitiesRoutes(app, services.facilities);
  locationsRoutes(app, services.locations);
  dashboardRoutes(app, services.dashboard);
  usersRoutes(app, services.users);
  auditRoutes(app, services.audit);
  prisonersRoutes(app, services.prisoners);
  receptionRoutes(app, services.reception);
  alertsRoutes(app, services.alerts);
  allocationRoutes(app, services.allocation);
  movementsRoutes(app, services.movements, services.release);
  countsRoutes(app, services.counts);
  statisticsRoutes(app, services.statistics);
  prisonerRecordRoutes(app, services.prisonerRecord);
  importsRoutes(app, services.imports);
  eventsRoutes(app, services.events);
}
