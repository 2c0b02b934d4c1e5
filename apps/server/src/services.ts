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
import { prisonersService } from './modules/prisoners/prisoners.service.ts';
import { receptionService } from './modules/reception/reception.service.ts';
import { alertsService } from './modules/alerts/alerts.service.ts';
import { allocationService } from './modules/allocation/allocation.service.ts';
import { movementsService } from './modules/movements/movements.service.ts';
import { releaseService } from './modules/movements/release.service.ts';
import { countsService } from './modules/counts/counts.service.ts';
import { statisticsService } from './modules/statistics/statistics.service.ts';
import { prisonerRecordService } from './modules/prisoners/prisoner-record.service.ts';
import { importsService } from './modules/imports/imports.service.ts';
import { eventDispatcher } from './platform/events/dispatcher.ts';

export interface ServiceDeps {
  db: Kysely<DB>;
  config: Config;
  database: Database;
}

/** The composition root: each service gets only what it uses. */
export function buildServices(deps: ServiceDeps) {
  const prisoners = prisonersService(deps);
  return {
    auth: authService(deps),
    facilities: facilitiesService(deps),
    locations: locationsService(deps),
    dashboard: dashboardService(deps),
    users: usersService(deps),
    audit: auditService(deps),
    prisoners,
    reception: receptionService({ ...deps, prisoners }),
    alerts: alertsService(deps),
    allocation: allocationService(deps),
    movements: movementsService(deps),
    release: releaseService(deps),
    counts: countsService(deps),
    statistics: statisticsService(deps),
    prisonerRecord: prisonerRecordService(deps),
    imports: importsService({ ...deps, prisoners }),
    events: eventDispatcher(deps.database),
  };
}
export type Services = ReturnType<typeof buildServices>;
