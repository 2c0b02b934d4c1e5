import { defineModule } from '../../platform/modules/module.ts';
import { evidenceService } from './evidence.service.ts';
import { schedulesService } from './schedules.service.ts';
import { seedDemoSearches } from './searches.demo.ts';
import { searchesRoutes } from './searches.routes.ts';
import { searchesService } from './searches.service.ts';

/** Searches, finds and evidence (issue 10, docs/searches.md): search records, schedules, finds, bags and their chain of custody. */
export const searchesModule = defineModule({
  name: 'searches',
  services: (deps) => ({ searches: searchesService(deps), searchSchedules: schedulesService(deps), evidence: evidenceService(deps) }),
  routes: (app, { searches, searchSchedules, evidence }) => searchesRoutes(app, searches, searchSchedules, evidence),
  permissions: ['searches.read', 'searches.record', 'searches.plan', 'evidence.read', 'evidence.handle'],
  navigation: [
    { id: 'searches', labelKey: 'searches.nav', path: '/searches', permission: 'searches.read' },
    { id: 'search-schedule', labelKey: 'searches.scheduleNav', path: '/searches/schedule', permission: 'searches.read' },
    { id: 'finds-map', labelKey: 'searches.findsNav', path: '/searches/finds', permission: 'searches.read' },
  ],
  demo: seedDemoSearches,
});
