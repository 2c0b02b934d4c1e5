import { AllocateBody, CellOptionList, CellOptionsQuery, IdParams, Prisoner } from '@vigil/contracts';
import type { App } from '../../platform/http/app-type.ts';
import type { AllocationService } from './allocation.service.ts';

export function allocationRoutes(app: App, allocation: AllocationService) {
  app.get('/api/v1/prisoners/:id/cell-options', {
    config: { access: { permission: 'allocation.manage' } },
    schema: {
      tags: ['allocation'],
      summary: "Cells of the prisoner's facility, each checked against the separation rules, suitable first",
      params: IdParams,
      querystring: CellOptionsQuery,
      response: { 200: CellOptionList },
    },
    handler: async (request) => allocation.options(request.ctx, request.params.id, request.query),
  });

  app.post('/api/v1/prisoners/:id/allocate', {
    config: { access: { permission: 'allocation.manage' } },
    schema: {
      tags: ['allocation'],
      summary: 'Allocate a cell or move to another (Mandela Rule 11 checks; an override needs allocation.override and a reason)',
      params: IdParams,
      body: AllocateBody,
      response: { 200: Prisoner },
    },
    handler: async (request) => allocation.allocate(request.ctx, request.params.id, request.body),
  });
}
