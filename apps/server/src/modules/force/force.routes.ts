import {
  CatalogueHistory,
  CreateForceReportBody,
  CreateForceTechniqueBody,
  ForceCodeParams,
  ForceReasonList,
  ForceReport,
  ForceReportList,
  ForceSettings,
  ForceStaffList,
  ForceTechnique,
  ForceTechniqueList,
  IdParams,
  ReviewForceReportBody,
  UpdateForceReportBody,
  UpdateForceSettingsBody,
  UpdateForceTechniqueBody,
} from '@vigil/contracts';
import type { App } from '../../platform/http/app-type.ts';
import type { ForceService } from './force.service.ts';

const tags = ['force'];
const readOrReport = { anyPermission: ['force.read', 'force.report'] } as const;
const configure = { permission: 'force.configure' } as const;

export function forceRoutes(app: App, force: ForceService) {
  app.get('/api/v1/force-techniques', {
    config: { access: { anyPermission: ['force.read', 'force.report', 'force.configure'] } },
    schema: { tags, summary: 'Techniques and restraint instruments in force: allowed or prohibited (Mandela Rule 47), maximum duration, review interval, protected states', response: { 200: ForceTechniqueList } },
    handler: async () => force.techniques(),
  });

  app.get('/api/v1/force-techniques/configuration', {
    config: { access: configure },
    schema: { tags, summary: 'Every technique and instrument at its newest version, scheduled ones included', response: { 200: ForceTechniqueList } },
    handler: async () => force.allTechniques(),
  });

  app.post('/api/v1/force-techniques', {
    config: { access: configure },
    schema: { tags, summary: 'Add a technique or restraint instrument to the list', body: CreateForceTechniqueBody, response: { 201: ForceTechnique } },
    handler: async (request, reply) => reply.status(201).send(await force.createTechnique(request.ctx, request.body)),
  });

  app.get('/api/v1/force-techniques/:code/versions', {
    config: { access: configure },
    schema: { tags, summary: 'Every version of a technique or instrument: when each took effect, its source, its author and how many uses were recorded under it', params: ForceCodeParams, response: { 200: CatalogueHistory } },
    handler: async (request) => force.techniqueHistory(request.params.code),
  });

  app.put('/api/v1/force-techniques/:code', {
    config: { access: configure },
    schema: { tags, summary: 'Change a technique or instrument (allow, prohibit, durations, protected states) as a new version', params: ForceCodeParams, body: UpdateForceTechniqueBody, response: { 200: ForceTechnique } },
    handler: async (request) => force.updateTechnique(request.ctx, request.params.code, request.body),
  });

  app.get('/api/v1/force-reasons', {
    config: { access: { anyPermission: ['force.read', 'force.report', 'force.configure'] } },
    schema: { tags, summary: 'The reasons a report may give, each under a lawful ground (Mandela Rules 47(2), 82(1)); none is a punishment (Rule 43(2))', response: { 200: ForceReasonList } },
    handler: async () => force.reasons(),
  });

  app.get('/api/v1/force-settings', {
    config: { access: { anyPermission: ['force.read', 'force.report', 'force.configure'] } },
    schema: { tags, summary: 'When a use-of-force report is due: hours after the force ended', response: { 200: ForceSettings } },
    handler: async () => force.settings(),
  });

  app.put('/api/v1/force-settings', {
    config: { access: configure },
    schema: { tags, summary: 'Change the hours within which a report is due, as a new version', body: UpdateForceSettingsBody, response: { 200: ForceSettings } },
    handler: async (request) => force.updateSettings(request.ctx, request.body),
  });

  app.get('/api/v1/facilities/:id/force-staff', {
    config: { access: { permission: 'force.report' } },
    schema: { tags, summary: 'Staff who may be named on a report (authorising, involved, injured): active staff of the facility', params: IdParams, response: { 200: ForceStaffList } },
    handler: async (request) => force.staff(request.ctx, request.params.id),
  });

  app.get('/api/v1/facilities/:id/force-reports', {
    config: { access: readOrReport },
    schema: { tags, summary: "A facility's use-of-force reports, newest first, with overdue and late flags (with only force.report: one's own)", params: IdParams, response: { 200: ForceReportList } },
    handler: async (request) => force.list(request.ctx, request.params.id),
  });

  app.get('/api/v1/prisoners/:id/force-reports', {
    config: { access: { permission: 'force.read' } },
    schema: { tags, summary: "The uses of force on a prisoner, newest first (the read is audited)", params: IdParams, response: { 200: ForceReportList } },
    handler: async (request) => force.ofPrisoner(request.ctx, request.params.id),
  });

  app.get('/api/v1/force-reports/:id', {
    config: { access: readOrReport },
    schema: { tags, summary: 'One use-of-force report, whole (the read is audited)', params: IdParams, response: { 200: ForceReport } },
    handler: async (request) => force.report(request.ctx, request.params.id),
  });

  app.post('/api/v1/force-reports', {
    config: { access: { permission: 'force.report' } },
    schema: { tags, summary: 'Report a use of force: a draft, or submitted whole (prohibited restraints and protected persons refused; publishes force.reported on submission)', body: CreateForceReportBody, response: { 201: ForceReport } },
    handler: async (request, reply) => reply.status(201).send(await force.create(request.ctx, request.body)),
  });

  app.put('/api/v1/force-reports/:id', {
    config: { access: { permission: 'force.report' } },
    schema: { tags, summary: 'Save a draft report whole again, or submit it (409 when submitted or changed since)', params: IdParams, body: UpdateForceReportBody, response: { 200: ForceReport } },
    handler: async (request) => force.update(request.ctx, request.params.id, request.body),
  });

  app.post('/api/v1/force-reports/:id/review', {
    config: { access: { permission: 'force.review' } },
    schema: { tags, summary: "A supervisor's review of a submitted report, with findings (not by anyone involved)", params: IdParams, body: ReviewForceReportBody, response: { 200: ForceReport } },
    handler: async (request) => force.review(request.ctx, request.params.id, request.body),
  });
}
