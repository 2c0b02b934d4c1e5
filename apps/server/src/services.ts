import type { Kysely } from 'kysely';
import type { DB } from './platform/db/schema.ts';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db/connect.ts';
import { authService } from './modules/auth/auth.service.ts';
import { facilitiesService } from './modules/facilities/facilities.service.ts';
import { locationsService } from './modules/locations/locations.service.ts';
import { dashboardService } from './modules/dashboard/dashboard.service.ts';
import { usersService } from './modules/users/users.service.ts';
import { auditService } from './modules/audit/audit.service.ts';

export interface ServiceDeps {
  db: Kysely<DB>;
  config: Config;
  database: Database;
}

/** The composition root: each service gets only what it uses. */
export function buildServices(deps: ServiceDeps) {
  return {
    auth: authService(deps),
    facilities: facilitiesService(deps),
    locations: locationsService(deps),
    dashboard: dashboardService(deps),
    users: usersService(deps),
    audit: auditService(deps),
  };
}
export type Services = ReturnType<typeof buildServices>;
