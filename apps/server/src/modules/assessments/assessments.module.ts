import { defineModule } from '../../platform/modules/module.ts';
import { assessmentsRoutes } from './assessments.routes.ts';
import { assessmentsService } from './assessments.service.ts';

/** Risk and needs assessment (issue 9). First step: the instruments, versioned configuration. */
export const assessmentsModule = defineModule({
  name: 'assessments',
  services: (deps) => ({ assessments: assessmentsService(deps) }),
  routes: (app, { assessments }) => assessmentsRoutes(app, assessments),
  permissions: ['assessments.read', 'assessments.configure'],
  navigation: [{ id: 'assessment-instruments', labelKey: 'instruments.nav', path: '/assessment-instruments', permission: 'assessments.read' }],
});
