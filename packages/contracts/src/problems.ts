import type { Language } from './common.ts';
import { platformProblems } from './problems/platform.ts';
import { authProblems } from './problems/auth.ts';
import { usersProblems } from './problems/users.ts';
import { facilitiesProblems } from './problems/facilities.ts';
import { locationsProblems } from './problems/locations.ts';
import { prisonersProblems } from './problems/prisoners.ts';
import { receptionProblems } from './problems/reception.ts';
import { allocationProblems } from './problems/allocation.ts';
import { alertsProblems } from './problems/alerts.ts';
import { movementsProblems } from './problems/movements.ts';
import { countsProblems } from './problems/counts.ts';
import { importsProblems } from './problems/imports.ts';
import { assessmentsProblems } from './problems/assessments.ts';
import { handoverProblems } from './problems/handover.ts';
import { plansProblems } from './problems/plans.ts';
import { casenotesProblems } from './problems/casenotes.ts';
import { classificationProblems } from './problems/classification.ts';
import { programmesProblems } from './problems/programmes.ts';
import { incidentsProblems } from './problems/incidents.ts';
import { forceProblems } from './problems/force.ts';
import { observationsProblems } from './problems/observations.ts';
import { searchesProblems } from './problems/searches.ts';
import { regimeProblems } from './problems/regime.ts';
import { alarmsProblems } from './problems/alarms.ts';

/**
 * Stable problem codes (the `code` and the last part of `type` in RFC 9457 problem+json) with the
 * message shown to the user in each language, one file per module under problems/ (a new module adds
 * its file and one line here). Add a code there before throwing it.
 */
export const PROBLEMS = {
  ...platformProblems,
  ...authProblems,
  ...usersProblems,
  ...facilitiesProblems,
  ...locationsProblems,
  ...prisonersProblems,
  ...receptionProblems,
  ...allocationProblems,
  ...alertsProblems,
  ...movementsProblems,
  ...countsProblems,
  ...importsProblems,
  ...assessmentsProblems,
  ...handoverProblems,
  ...plansProblems,
  ...casenotesProblems,
  ...classificationProblems,
  ...programmesProblems,
  ...incidentsProblems,
  ...forceProblems,
  ...observationsProblems,
  ...searchesProblems,
  ...regimeProblems,
  ...alarmsProblems,
} as const;

export type ProblemCode = keyof typeof PROBLEMS;

export function problemMessage(code: ProblemCode, language: Language): string {
  return PROBLEMS[code][language];
}
