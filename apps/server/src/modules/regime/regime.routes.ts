import { FacilityIdParams, IdParams, PrisonerRegime, PrisonerRegimeQuery, RegimeMonitor, RegimeMonitorQuery, RegimeSheet, RegimeSheetQuery, RegimeSheetSaved, SaveRegimeSheetBody } from '@vigil/contracts';
import type { App } from '../../platform/http/app-type.ts';
import type { RegimeService } from './regime.service.ts';

export function regimeRoutes(app: App, regime: RegimeService) {
  app.get('/api/v1/facilities/:facilityId/regime/sheet', {
    config: { access: { permission: 'regime.read' } },
    schema: { tags: ['regime'], summary: 'A wing’s daily regime sheet: one row per prisoner on the wing, with the day’s record once made', params: FacilityIdParams, querystring: RegimeSheetQuery, response: { 200: RegimeSheet } },
    handler: async (request) => regime.sheet(request.ctx, request.params.facilityId, request.query.wingId, request.query.date),
  });

  app.put('/api/v1/regime/sheet', {
    config: { access: { permission: 'regime.record' } },
    schema: {
      tags: ['regime'],
      summary: 'Save rows of a daily sheet (each with the version it was based on, null for the first); a refusal needs its reason',
      body: SaveRegimeSheetBody,
      response: { 200: RegimeSheetSaved },
    },
    handler: async (request) => regime.saveSheet(request.ctx, request.body),
  });

  app.get('/api/v1/facilities/:facilityId/regime/monitor', {
    config: { access: { permission: 'regime.read' } },
    schema: { tags: ['regime'], summary: 'Mandela Rule 23: prisoners not offered an hour outdoors on the day, with the days in a row', params: FacilityIdParams, querystring: RegimeMonitorQuery, response: { 200: RegimeMonitor } },
    handler: async (request) => regime.monitor(request.ctx, request.params.facilityId, request.query),
  });

  app.get('/api/v1/prisoners/:id/regime', {
    config: { access: { permission: 'regime.read' } },
    schema: { tags: ['regime'], summary: 'A prisoner’s daily regime record over the last days', params: IdParams, querystring: PrisonerRegimeQuery, response: { 200: PrisonerRegime } },
    handler: async (request) => regime.ofPrisoner(request.ctx, request.params.id, request.query.days),
  });
}
