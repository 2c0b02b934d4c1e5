import { defineModule } from '../../platform/modules/module.ts';
import { assessmentRecordsRoutes } from './assessment-records.routes.ts';
import { assessmentRecordsService } from './assessment-records.service.ts';
import { assessmentsRoutes } from './assessments.routes.ts';
import { assessmentsService } from './assessments.service.ts';

/** Risk and needs assessment (issue 9): the instruments, versioned configuration, and the assessments made with them. */
export const assessmentsModule = defineModule({
  name: 'assessments',
  services: (deps) => ({ assessments: assessmentsService(deps), assessmentRecords: assessmentRecordsService(deps) }),
  routes: (app, { assessments, assessmentRecords }) => {
    assessmentsRoutes(app, assessments);
    assessmentRecordsRoutes(app, assessmentRecords);
  },
  permissions: ['assessments.read', 'assessments.configure', 'assessments.assess', 'assessments.approve'],
  navigation: [{ id: 'assessment-instruments', labelKey: 'instruments.nav', path: '/assessment-instruments', permission: 'assessments.read' }],
});
