import { defineModule } from '../../platform/modules/module.ts';
import { assessmentRecordsRoutes } from './assessment-records.routes.ts';
import { assessmentRecordsService } from './assessment-records.service.ts';
import { assessmentsRoutes } from './assessments.routes.ts';
import { assessmentsService } from './assessments.service.ts';
import { seedDemoAssessments } from './assessments.demo.ts';
import { reassessmentService } from './reassessment.service.ts';
import { TRIGGERING_EVENTS } from './reassessment.rules.ts';

/** Risk and needs assessment (issue 9): the instruments, versioned configuration, and the assessments made with them. */
export const assessmentsModule = defineModule({
  name: 'assessments',
  services: (deps) => ({ assessments: assessmentsService(deps), assessmentRecords: assessmentRecordsService(deps), reassessment: reassessmentService(deps) }),
  routes: (app, { assessments, assessmentRecords, reassessment }) => {
    assessmentsRoutes(app, assessments);
    assessmentRecordsRoutes(app, assessmentRecords, reassessment);
  },
  // A category review, a graded intelligence report or a serious incident makes a reassessment due.
  subscriptions: ({ reassessment }) => [{ name: 'assessments.reassessment-triggers', types: TRIGGERING_EVENTS, handler: (event, trx) => reassessment.recordTriggers(event, trx) }],
  demo: seedDemoAssessments,
  permissions: ['assessments.read', 'assessments.configure', 'assessments.assess', 'assessments.approve'],
  navigation: [
    { id: 'assessments-due', labelKey: 'assessments.due.nav', path: '/assessments-due', permission: 'assessments.read' },
    { id: 'assessment-instruments', labelKey: 'instruments.nav', path: '/assessment-instruments', permission: 'assessments.read' },
  ],
});
