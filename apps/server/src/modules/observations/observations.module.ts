import { defineModule } from '../../platform/modules/module.ts';
import { seedDemoObservations } from './observations.demo.ts';
import { observationsRoutes } from './observations.routes.ts';
import { observationSweeper, observationsService } from './observations.service.ts';

/** Observation levels and checks (issue 10 must-have 4, docs/observations.md). */
export const observationsModule = defineModule({
  name: 'observations',
  services: (deps) => {
    const observations = observationsService(deps);
    return { observations, observationSweeper: observationSweeper(observations, (err) => console.error('observation sweep failed', err)) };
  },
  routes: (app, { observations }) => observationsRoutes(app, observations),
  // Missed checks are recorded by a sweep every 15 seconds while the app serves.
  start: async ({ observationSweeper }) => observationSweeper.start(),
  stop: ({ observationSweeper }) => observationSweeper.stop(),
  permissions: ['observations.read', 'observations.set', 'observations.check', 'observations.supervise'],
  navigation: [
    { id: 'observations', labelKey: 'observations.nav', path: '/observations', permission: 'observations.read' },
    { id: 'observations-supervision', labelKey: 'observations.supervisionNav', path: '/observation-supervision', permission: 'observations.supervise' },
  ],
  demo: seedDemoObservations,
});
