import { defineModule } from '../../platform/modules/module.ts';
import type { PrisonersService } from '../prisoners/prisoners.service.ts';
import { importsRoutes } from './imports.routes.ts';
import { importsService } from './imports.service.ts';

/** Import of an existing prisoner register (CSV or XLSX): dry run, then all rows or none. */
export const importsModule = defineModule({
  name: 'imports',
  services: (deps, needs: { prisoners: PrisonersService }) => ({ imports: importsService({ ...deps, prisoners: needs.prisoners }) }),
  routes: (app, { imports }) => importsRoutes(app, imports),
  permissions: ['prisoners.import'],
  start: ({ imports }) => imports.resume(),
  navigation: [{ id: 'imports', labelKey: 'imports.nav', path: '/imports', permission: 'prisoners.import' }],
});
