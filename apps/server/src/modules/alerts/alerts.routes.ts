import {
  AlertType,
  AlertTypeList,
  AlertTypeParams,
  CatalogueHistory,
  CreateAlertTypeBody,
  EndAlertBody,
  IdParams,
  LocationAlertList,
  PrisonerAlert,
  PrisonerAlertList,
  RaiseAlertBody,
  UpdateAlertTypeBody,
} from '@vigil/contracts';
import type { App } from '../../platform/http/app-type.ts';
import type { AlertsService } from './alerts.service.ts';

export function alertsRoutes(app: App, alerts: AlertsService) {
  app.get('/api/v1/alert-types', {
    config: { access: { permission: 'alerts.read' } },
    schema: { tags: ['alerts'], summary: 'Alert codes the reader may see, with their names in each language', response: { 200: AlertTypeList } },
    handler: async (request) => alerts.types(request.ctx),
  });

  app.get('/api/v1/alert-types/configuration', {
    config: { access: { permission: 'alerts.configure' } },
    schema: { tags: ['alerts'], summary: 'Every alert code, restricted and inactive ones included', response: { 200: AlertTypeList } },
    handler: async () => alerts.allTypes(),
  });

  app.post('/api/v1/alert-types', {
    config: { access: { permission: 'alerts.configure' } },
    schema: { tags: ['alerts'], summary: 'Add an alert code', body: CreateAlertTypeBody, response: { 201: AlertType } },
    handler: async (request, reply) => reply.status(201).send(await alerts.createType(request.ctx, request.body)),
  });

  app.get('/api/v1/alert-types/:code/versions', {
    config: { access: { permission: 'alerts.configure' } },
    schema: {
      tags: ['alerts'],
      summary: "Every version of a code: when each took effect, the source it follows, who made it and how many alerts were raised under it",
      params: AlertTypeParams,
      response: { 200: CatalogueHistory },
    },
    handler: async (request) => alerts.typeHistory(request.params.code),
  });

  app.put('/api/v1/alert-types/:code', {
    config: { access: { permission: 'alerts.configure' } },
    schema: { tags: ['alerts'], summary: 'Rename, activate, deactivate or restrict an alert code', params: AlertTypeParams, body: UpdateAlertTypeBody, response: { 200: AlertType } },
    handler: async (request) => alerts.updateType(request.ctx, request.params.code, request.body),
  });

  app.get('/api/v1/prisoners/:id/alerts', {
    config: { access: { permission: 'alerts.read' } },
    schema: { tags: ['alerts'], summary: "A prisoner's alerts, current first, then the history", params: IdParams, response: { 200: PrisonerAlertList } },
    handler: async (request) => alerts.ofPrisoner(request.ctx, request.params.id),
  });

  app.post('/api/v1/prisoners/:id/alerts', {
    config: { access: { permission: 'alerts.manage' } },
    schema: { tags: ['alerts'], summary: 'Raise an alert', params: IdParams, body: RaiseAlertBody, response: { 201: PrisonerAlert } },
    handler: async (request, reply) => reply.status(201).send(await alerts.raise(request.ctx, request.params.id, request.body)),
  });

  app.post('/api/v1/alerts/:id/end', {
    config: { access: { permission: 'alerts.manage' } },
    schema: { tags: ['alerts'], summary: 'End an alert today, with a reason (send the version you saw)', params: IdParams, body: EndAlertBody, response: { 200: PrisonerAlert } },
    handler: async (request) => alerts.end(request.ctx, request.params.id, request.body),
  });

  app.get('/api/v1/locations/:id/alerts', {
    config: { access: { permission: 'alerts.read' } },
    schema: { tags: ['alerts'], summary: 'Alerts in force of everyone placed under a wing, landing or cell now', params: IdParams, response: { 200: LocationAlertList } },
    handler: async (request) => alerts.underLocation(request.ctx, request.params.id),
  });
}
