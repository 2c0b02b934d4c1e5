/**
 * Every web feature with screens. Adding one: its folder with a `<feature>.feature.ts`, and one
 * line here. The navigation lists the features' entries in this order.
 * (auth and allocation have no screens of their own: their parts are used by app.tsx and by the
 * prisoner file; movements lends its panels to the prisoner file and has the movement-control screens.)
 */
import { dashboardFeature } from './dashboard/dashboard.feature.ts';
import { prisonersFeature } from './prisoners/prisoners.feature.ts';
import { receptionFeature } from './reception/reception.feature.ts';
import { importsFeature } from './imports/imports.feature.ts';
import { statisticsFeature } from './statistics/statistics.feature.ts';
import { facilitiesFeature } from './facilities/facilities.feature.ts';
import { movementsFeature } from './movements/movements.feature.ts';
import { countsFeature } from './counts/counts.feature.ts';
import { alertsFeature } from './alerts/alerts.feature.ts';
import { assessmentsFeature } from './assessments/assessments.feature.ts';
import { handoverFeature } from './handover/handover.feature.ts';
import { plansFeature } from './plans/plans.feature.ts';
import { casenotesFeature } from './casenotes/casenotes.feature.ts';
import { classificationFeature } from './classification/classification.feature.ts';
import { programmesFeature } from './programmes/programmes.feature.ts';
import { caseloadFeature } from './caseload/caseload.feature.ts';
import { incidentsFeature } from './incidents/incidents.feature.ts';
import { forceFeature } from './force/force.feature.ts';
import { observationsFeature } from './observations/observations.feature.ts';
import { searchesFeature } from './searches/searches.feature.ts';
import { regimeFeature } from './regime/regime.feature.ts';
import { alarmsFeature } from './alarms/alarms.feature.ts';
import { usersFeature } from './users/users.feature.ts';
import { auditFeature } from './audit/audit.feature.ts';

export const WEB_FEATURES = [
  dashboardFeature,
  prisonersFeature,
  receptionFeature,
  importsFeature,
  statisticsFeature,
  facilitiesFeature,
  movementsFeature,
  countsFeature,
  alertsFeature,
  assessmentsFeature,
  classificationFeature,
  plansFeature,
  programmesFeature,
  casenotesFeature,
  handoverFeature,
  caseloadFeature,
  incidentsFeature,
  forceFeature,
  observationsFeature,
  searchesFeature,
  regimeFeature,
  alarmsFeature,
  usersFeature,
  auditFeature,
] as const;
