import { CatalogueHistory, ImportInstrumentBody, Instrument, INSTRUMENT_IMPORT_LIMIT_BYTES, InstrumentList, InstrumentParams } from '@vigil/contracts';
import type { App } from '../../platform/http/app-type.ts';
import type { AssessmentsService } from './assessments.service.ts';

export function assessmentsRoutes(app: App, assessments: AssessmentsService) {
  app.get('/api/v1/assessment-instruments', {
    config: { access: { permission: 'assessments.read' } },
    schema: { tags: ['assessments'], summary: 'Risk-and-needs instruments at the version in force today, with their licence and provenance', response: { 200: InstrumentList } },
    handler: async () => assessments.instruments(),
  });

  app.get('/api/v1/assessment-instruments/:code/versions', {
    config: { access: { permission: 'assessments.read' } },
    schema: {
      tags: ['assessments'],
      summary: 'Every version of an instrument with its definition: when each took effect, the source it follows and who loaded it',
      params: InstrumentParams,
      response: { 200: CatalogueHistory },
    },
    handler: async (request) => assessments.instrumentHistory(request.params.code),
  });

  app.post('/api/v1/assessment-instruments', {
    config: { access: { permission: 'assessments.configure' } },
    // A licensed instrument's guidance text is long: more than the usual body limit, never more than this.
    bodyLimit: INSTRUMENT_IMPORT_LIMIT_BYTES,
    schema: {
      tags: ['assessments'],
      summary: 'Import an instrument definition (docs/assessments.md): a new code, or the next version of one; a malformed definition is 422 with every fault',
      body: ImportInstrumentBody,
      response: { 201: Instrument },
    },
    handler: async (request, reply) => reply.status(201).send(await assessments.importInstrument(request.ctx, request.body)),
  });
}
