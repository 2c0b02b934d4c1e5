import { defineModule } from '../../platform/modules/module.ts';
import type { AssessmentRecordsService } from '../assessments/assessment-records.service.ts';
import type { AssessmentsService } from '../assessments/assessments.service.ts';
import { seedDemoPlans } from './plans.demo.ts';
import { plansRoutes } from './plans.routes.ts';
import { plansService } from './plans.service.ts';

/** Sentence plans (issue 9): objectives tied to assessed needs, interventions, review meetings, notes. */
export const plansModule = defineModule({
  name: 'plans',
  services: (deps, needs: { assessments: AssessmentsService; assessmentRecords: AssessmentRecordsService }) => ({
    plans: plansService({ ...deps, assessments: needs.assessments, assessmentRecords: needs.assessmentRecords }),
  }),
  routes: (app, { plans }) => plansRoutes(app, plans),
  permissions: ['plans.read', 'plans.manage'],
  demo: seedDemoPlans,
  navigation: [{ id: 'plans-unreviewed', labelKey: 'plans.nav', path: '/plans/unreviewed', permission: 'plans.read' }],
});
