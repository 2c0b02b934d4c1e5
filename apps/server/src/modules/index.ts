import type { ServicesOf } from '../platform/modules/module.ts';
import { authModule } from './auth/auth.module.ts';
import { facilitiesModule } from './facilities/facilities.module.ts';
import { locationsModule } from './locations/locations.module.ts';
import { dashboardModule } from './dashboard/dashboard.module.ts';
import { usersModule } from './users/users.module.ts';
import { auditModule } from './audit/audit.module.ts';
import { prisonersModule } from './prisoners/prisoners.module.ts';
import { receptionModule } from './reception/reception.module.ts';
import { alertsModule } from './alerts/alerts.module.ts';
import { allocationModule } from './allocation/allocation.module.ts';
import { movementsModule } from './movements/movements.module.ts';
import { countsModule } from './counts/counts.module.ts';
import { statisticsModule } from './statistics/statistics.module.ts';
import { importsModule } from './imports/imports.module.ts';
import { assessmentsModule } from './assessments/assessments.module.ts';
import { handoverModule } from './handover/handover.module.ts';
import { plansModule } from './plans/plans.module.ts';
import { casenotesModule } from './casenotes/casenotes.module.ts';
import { classificationModule } from './classification/classification.module.ts';
import { caseloadModule } from './caseload/caseload.module.ts';
import { searchesModule } from './searches/searches.module.ts';
import { programmesModule } from './programmes/programmes.module.ts';
import { incidentsModule } from './incidents/incidents.module.ts';
import { forceModule } from './force/force.module.ts';
import { observationsModule } from './observations/observations.module.ts';
import { regimeModule } from './regime/regime.module.ts';
import { alarmsModule } from './alarms/alarms.module.ts';

/**
 * Every feature module, in the order their services are built: a module comes after the modules
 * whose services it needs. Adding a module is its folder plus one line here (docs/adding-a-module.md).
 */
export const MODULES = [
  authModule,
  facilitiesModule,
  locationsModule,
  dashboardModule,
  usersModule,
  auditModule,
  prisonersModule,
  receptionModule,
  alertsModule,
  allocationModule,
  movementsModule,
  countsModule,
  statisticsModule,
  importsModule,
  assessmentsModule,
  classificationModule,
  plansModule,
  programmesModule,
  casenotesModule,
  handoverModule,
  caseloadModule,
  incidentsModule,
  forceModule,
  observationsModule,
  searchesModule,
  regimeModule,
  alarmsModule,
] as const;

export type ModuleServices = ServicesOf<typeof MODULES>;
