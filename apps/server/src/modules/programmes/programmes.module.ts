import { defineModule } from '../../platform/modules/module.ts';
import { seedDemoProgrammes } from './programmes.demo.ts';
import { programmesRoutes } from './programmes.routes.ts';
import { programmesService } from './programmes.service.ts';
import { registersService } from './registers.service.ts';

/** Programmes and work (issue 9): the catalogue, waiting lists, enrolments, registers and hours worked. */
export const programmesModule = defineModule({
  name: 'programmes',
  services: (deps) => ({ programmes: programmesService(deps), programmeRegisters: registersService(deps) }),
  routes: (app, { programmes, programmeRegisters }) => programmesRoutes(app, programmes, programmeRegisters),
  // A prisoner released or transferred away gives up their places there. The name records what
  // was handled: it never changes.
  subscriptions: ({ programmes }) => [
    {
      name: 'programmes.end-on-leaving',
      types: ['prisoner.released', 'prisoner.transferred'],
      handler: async (event, trx) => {
        if (event.type === 'prisoner.transferred') await programmes.endOnLeaving(trx, event.payload.prisonerId, 'transferred', event.payload.fromFacilityId);
        if (event.type === 'prisoner.released') await programmes.endOnLeaving(trx, event.payload.prisonerId, 'released', null);
      },
    },
  ],
  permissions: ['programmes.read', 'programmes.manage', 'programmes.attendance'],
  navigation: [{ id: 'programmes', labelKey: 'programmes.nav', path: '/programmes', permission: 'programmes.read' }],
  demo: seedDemoProgrammes,
});
