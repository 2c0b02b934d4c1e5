import { z } from 'zod';
import { IdParams } from '@vigil/contracts';
import type { App } from '../../platform/http/app-type.ts';
import type { PrisonerRecordService } from './prisoner-record.service.ts';

export function prisonerRecordRoutes(app: App, record: PrisonerRecordService) {
  app.get('/api/v1/prisoners/:id/record.pdf', {
    config: { access: { permission: 'prisoners.read' } },
    schema: {
      tags: ['prisoners'],
      summary: "The printable record as PDF, in the user's language (printing is audited as prisoner.printed)",
      params: IdParams,
      produces: ['application/pdf'],
      response: { 200: z.string().describe('application/pdf') },
    },
    handler: async (request, reply) => {
      const { filename, bytes } = await record.pdf(request.ctx, request.params.id);
      return (
        reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `inline; filename="${filename}"`)
          .header('cache-control', 'private, no-store')
          // A Buffer bypasses the serializer; the string schema above only documents the body.
          .send(bytes as unknown as string)
      );
    },
  });
}
