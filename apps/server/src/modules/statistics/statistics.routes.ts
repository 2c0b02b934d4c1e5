import { z } from 'zod';
import { EXPORT_FORMATS, OccupancyStatistics, PopulationStatistics, StatisticsQuery } from '@vigil/contracts';
import type { App } from '../../platform/http/app-type.ts';
import type { ExportFile, StatisticsService } from './statistics.service.ts';
import { CONTENT_TYPES } from './statistics.export.ts';

export function statisticsRoutes(app: App, statistics: StatisticsService) {
  app.get('/api/v1/statistics/population', {
    config: { access: { permission: 'statistics.read' } },
    schema: {
      tags: ['statistics'],
      summary: 'Mandela Rule 10: everyone held per facility, by state, legal status, sex, age band, nationality and extremism flag',
      querystring: StatisticsQuery,
      response: { 200: PopulationStatistics },
    },
    handler: async (request) => statistics.population(request.ctx, request.query.facilityId),
  });

  app.get('/api/v1/statistics/occupancy', {
    config: { access: { permission: 'statistics.read' } },
    schema: {
      tags: ['statistics'],
      summary: 'Occupancy against baseline and operational capacity, per facility and per residential place',
      querystring: StatisticsQuery,
      response: { 200: OccupancyStatistics },
    },
    handler: async (request) => statistics.occupancy(request.ctx, request.query.facilityId),
  });

  for (const format of EXPORT_FORMATS) {
    app.get(`/api/v1/statistics/population.${format}`, {
      config: { access: { permission: 'statistics.read' } },
      schema: {
        tags: ['statistics'],
        summary: `The population report as ${format.toUpperCase()}, headers in the user's language (the export is audited as statistics.exported)`,
        querystring: StatisticsQuery,
        produces: [CONTENT_TYPES[format]],
        response: { 200: z.string().describe(`${CONTENT_TYPES[format]}, a header row, one row per facility and a total row`) },
      },
      handler: async (request, reply) => {
        const file = await statistics.exportPopulation(request.ctx, format, request.query.facilityId);
        // A Buffer bypasses the serializer; the string schema above only documents the body.
        return reply.headers(downloadHeaders(file)).send(file.bytes as unknown as string);
      },
    });

    app.get(`/api/v1/statistics/occupancy.${format}`, {
      config: { access: { permission: 'statistics.read' } },
      schema: {
        tags: ['statistics'],
        summary: `The occupancy report as ${format.toUpperCase()}, headers in the user's language (the export is audited as statistics.exported)`,
        querystring: StatisticsQuery,
        produces: [CONTENT_TYPES[format]],
        response: { 200: z.string().describe(`${CONTENT_TYPES[format]}, a header row, per facility its total row and then its places`) },
      },
      handler: async (request, reply) => {
        const file = await statistics.exportOccupancy(request.ctx, format, request.query.facilityId);
        return reply.headers(downloadHeaders(file)).send(file.bytes as unknown as string);
      },
    });
  }
}

const downloadHeaders = (file: ExportFile) => ({
  'content-type': file.contentType,
  'content-disposition': `attachment; filename="${file.filename}"`,
  'cache-control': 'no-store',
});
