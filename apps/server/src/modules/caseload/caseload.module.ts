import { defineModule } from '../../platform/modules/module.ts';
import type { ReassessmentService } from '../assessments/reassessment.service.ts';
import type { ClassificationService } from '../classification/classification.service.ts';
import type { PlansService } from '../plans/plans.service.ts';
import type { RegistersService } from '../programmes/registers.service.ts';
import { caseloadRoutes } from './caseload.routes.ts';
import { caseloadService } from './caseload.service.ts';

/** Dashboards of the risk-and-needs caseload (issue 9): numbers from the modules that own them. */
export const caseloadModule = defineModule({
  name: 'caseload',
  services: (deps, needs: { reassessment: ReassessmentService; classification: ClassificationService; plans: PlansService; programmeRegisters: RegistersService }) => ({
    caseload: caseloadService({ ...deps, ...needs }),
  }),
  routes: (app, { caseload }) => caseloadRoutes(app, caseload),
  // Read with statistics.read (the statistics module's): numbers, like the population report.
  permissions: [],
  navigation: [{ id: 'caseload', labelKey: 'caseload.nav', path: '/caseload', permission: 'statistics.read' }],
});
