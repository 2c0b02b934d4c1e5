import { defineModule } from '../../platform/modules/module.ts';
import { casenotesRoutes } from './casenotes.routes.ts';
import { casenotesService } from './casenotes.service.ts';
import { seedDemoCasenotes } from './casenotes.demo.ts';
import { isTimelineEvent, TIMELINE_TYPES, timelineProjector } from './timeline.projector.ts';

/** Case notes, key workers and the prisoner's timeline (issue 9): the everyday record of dynamic security. */
export const casenotesModule = defineModule({
  name: 'casenotes',
  services: (deps) => ({ casenotes: casenotesService(deps), timelineProjector: timelineProjector(deps.db) }),
  routes: (app, { casenotes }) => casenotesRoutes(app, casenotes),
  permissions: ['casenotes.read', 'casenotes.write', 'casenotes.sensitive'],
  subscriptions: ({ casenotes, timelineProjector: timeline }) => [
    // A new subscriber is offered every past event (ADR 008): the timeline fills with the history already recorded.
    { name: 'casenotes.timeline', types: TIMELINE_TYPES, handler: async (event, trx) => (isTimelineEvent(event) ? timeline.project(event, trx) : undefined) },
    { name: 'casenotes.keyworker-on-leaving', types: ['prisoner.released', 'prisoner.transferred'], handler: (event, trx) => casenotes.endOnLeaving(event, trx) },
  ],
  demo: seedDemoCasenotes,
  navigation: [{ id: 'key-work', labelKey: 'casenotes.nav', path: '/key-work', permission: 'casenotes.read' }],
});
