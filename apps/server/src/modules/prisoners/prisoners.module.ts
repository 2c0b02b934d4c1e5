import { defineModule } from '../../platform/modules/module.ts';
import { prisonerRecordRoutes } from './prisoner-record.routes.ts';
import { prisonerRecordService } from './prisoner-record.service.ts';
import { prisonersRoutes } from './prisoners.routes.ts';
import { prisonersService } from './prisoners.service.ts';
import { seedDemoPrisoners } from './prisoners.demo.ts';

/** The prisoner file (Mandela Rules 7–8): versions, corrections, search and the printed record. */
export const prisonersModule = defineModule({
  name: 'prisoners',
  services: (deps) => ({ prisoners: prisonersService(deps), prisonerRecord: prisonerRecordService(deps) }),
  routes: (app, { prisoners, prisonerRecord }) => {
    prisonersRoutes(app, prisoners);
    prisonerRecordRoutes(app, prisonerRecord);
  },
  permissions: ['prisoners.read', 'prisoners.correct', 'prisoners.views.read'],
  demo: seedDemoPrisoners,
  navigation: [{ id: 'prisoners', labelKey: 'prisoners.nav', path: '/prisoners', permission: 'prisoners.read' }],
});
