import { defineModule } from '../../platform/modules/module.ts';
import { auditRoutes } from './audit.routes.ts';
import { auditService } from './audit.service.ts';

/** The audit trail: search it, export it (the chain itself lives in platform/audit). */
export const auditModule = defineModule({
  name: 'audit',
  services: (deps) => ({ audit: auditService(deps) }),
  routes: (app, { audit }) => auditRoutes(app, audit),
  permissions: ['audit.read', 'audit.export'],
  navigation: [{ id: 'audit', labelKey: 'nav.audit', path: '/audit', permission: 'audit.read' }],
});
