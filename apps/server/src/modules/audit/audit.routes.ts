import { Readable } from 'node:stream';
import { z } from 'zod';
import { AuditEvent, AuditQuery, AuditVerifyResult, page } from '@vigil/contracts';
import type { App } from '../../platform/http/app-type.ts';
import type { AuditService } from './audit.service.ts';

const ExportQuery = AuditQuery.omit({ cursor: true, limit: true });

const filtersOf = (q: z.infer<typeof ExportQuery>) => ({
  actor: q.actor || undefined,
  action: q.action || undefined,
  entityType: q.entityType || undefined,
  entityId: q.entityId || undefined,
  facilityId: q.facilityId,
  from: q.from,
  to: q.to,
});

export function auditRoutes(app: App, audit: AuditService) {
  app.get('/api/v1/audit/events', {
    config: { access: { permission: 'audit.read' } },
    schema: {
      tags: ['audit'],
      summary: 'Audit events, newest first, in the facilities the user may see (events outside any facility: HQ-wide users only)',
      querystring: AuditQuery,
      response: { 200: page(AuditEvent) },
    },
    handler: async (request) => {
      const { cursor, limit, ...filters } = request.query;
      return audit.list(request.ctx, filtersOf(filters), { cursor, limit });
    },
  });

  app.get('/api/v1/audit/events.csv', {
    config: { access: { permission: 'audit.export' } },
    schema: {
      tags: ['audit'],
      summary: 'The same events as CSV, oldest first (the export is itself audited as audit.exported)',
      querystring: ExportQuery,
      produces: ['text/csv'],
      response: { 200: z.string().describe('text/csv; charset=utf-8, with a header row') },
    },
    handler: async (request, reply) => {
      const lines = await audit.exportCsv(request.ctx, filtersOf(request.query));
      const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 15);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="vigil-audit-${stamp}.csv"`)
        .header('cache-control', 'no-store')
        // A stream bypasses the serializer; the string schema above only documents the body.
        .send(Readable.from(lines) as unknown as string);
    },
  });

  app.get('/api/v1/audit/verify', {
    config: { access: { permission: 'audit.read' } },
    schema: { tags: ['audit'], summary: 'Walk the hash chain and report the first broken link', response: { 200: AuditVerifyResult } },
    handler: async (request) => audit.verify(request.ctx),
  });
}
