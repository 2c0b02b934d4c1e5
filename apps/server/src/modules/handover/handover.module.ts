import { defineModule } from '../../platform/modules/module.ts';
import type { AssessmentRecordsService } from '../assessments/assessment-records.service.ts';
import type { AssessmentsService } from '../assessments/assessments.service.ts';
import { seedDemoReleasePlans } from './handover.demo.ts';
import { handoverRoutes } from './handover.routes.ts';
import { handoverService } from './handover.service.ts';

/** Release and handover (issue 9): the release plan and redacted handover packages to receiving agencies. */
export const handoverModule = defineModule({
  name: 'handover',
  services: (deps, needs: { assessments: AssessmentsService; assessmentRecords: AssessmentRecordsService }) => ({
    handover: handoverService({ ...deps, assessments: needs.assessments, assessmentRecords: needs.assessmentRecords }),
  }),
  routes: (app, { handover }) => handoverRoutes(app, handover),
  permissions: ['handover.manage', 'handover.configure'],
  demo: seedDemoReleasePlans,
  navigation: [{ id: 'handover-profiles', labelKey: 'handoverProfiles.nav', path: '/handover-profiles', permission: 'handover.configure' }],
});
