import type { App } from '../app.ts';
import type { Config } from '../platform/config.ts';
import type { Services } from '../services.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { facilitiesRoutes } from './facilities/facilities.routes.ts';
import { locationsRoutes } from './locations/locations.routes.ts';
import { dashboardRoutes } from './dashboard/dashboard.routes.ts';
import { usersRoutes } from './users/users.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';

/** Every feature module's routes. Each route declares its access; see platform/http/access-hook.ts. */
export function registerModules(app: App, services: Services, config: Config) {
  authRoutes(app, services.auth, { secureCookies: config.production, signInPerMinute: config.signInRateLimitPerMinute });
  facilitiesRoutes(app, services.facilities);
  locationsRoutes(app, services.locations);
  dashboardRoutes(app, services.dashboard);
  usersRoutes(app, services.users);
  auditRoutes(app, services.audit);
}
