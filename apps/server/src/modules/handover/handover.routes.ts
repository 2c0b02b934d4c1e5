import { z } from 'zod';
import {
  CatalogueHistory,
  CreateRecipientProfileBody,
  Handover,
  HandoverList,
  IdParams,
  IssueHandoverBody,
  RecipientProfile,
  RecipientProfileList,
  RecipientProfileParams,
  ReleasePlan,
  ReleasePlanView,
  SaveReleasePlanBody,
  UpdateRecipientProfileBody,
} from '@vigil/contracts';
import type { App } from '../../platform/http/app-type.ts';
import type { HandoverService } from './handover.service.ts';

const tags = ['handover'];
const manage = { permission: 'handover.manage' } as const;
const configure = { permission: 'handover.configure' } as const;

export function handoverRoutes(app: App, handover: HandoverService) {
  app.get('/api/v1/handover-profiles', {
    config: { access: { anyPermission: ['handover.manage', 'handover.configure'] } },
    schema: { tags, summary: 'Recipient profiles in force and in use: what each kind of agency may receive, and in which language', response: { 200: RecipientProfileList } },
    handler: async () => handover.profiles(),
  });

  app.get('/api/v1/handover-profiles/configuration', {
    config: { access: configure },
    schema: { tags, summary: 'Every recipient profile at its newest version, retired and scheduled ones included', response: { 200: RecipientProfileList } },
    handler: async () => handover.allProfiles(),
  });

  app.post('/api/v1/handover-profiles', {
    config: { access: configure },
    schema: { tags, summary: 'Add a recipient profile', body: CreateRecipientProfileBody, response: { 201: RecipientProfile } },
    handler: async (request, reply) => reply.status(201).send(await handover.createProfile(request.ctx, request.body)),
  });

  app.get('/api/v1/handover-profiles/:code/versions', {
    config: { access: configure },
    schema: { tags, summary: 'Every version of a profile: when each took effect, its source, its author and how many handovers were issued under it', params: RecipientProfileParams, response: { 200: CatalogueHistory } },
    handler: async (request) => handover.profileHistory(request.params.code),
  });

  app.put('/api/v1/handover-profiles/:code', {
    config: { access: configure },
    schema: { tags, summary: 'Change what a profile allows, its language or its names, or retire it, as a new version', params: RecipientProfileParams, body: UpdateRecipientProfileBody, response: { 200: RecipientProfile } },
    handler: async (request) => handover.updateProfile(request.ctx, request.params.code, request.body),
  });

  app.get('/api/v1/prisoners/:id/release-plan', {
    config: { access: manage },
    schema: { tags, summary: "The prisoner's release plan, or none yet with the file's earliest release date (the read is audited)", params: IdParams, response: { 200: ReleasePlanView } },
    handler: async (request) => handover.plan(request.ctx, request.params.id),
  });

  app.put('/api/v1/prisoners/:id/release-plan', {
    config: { access: manage },
    schema: { tags, summary: 'Write the whole release plan: the first (no version) or a change to the current one (409 when someone saved since)', params: IdParams, body: SaveReleasePlanBody, response: { 200: ReleasePlan } },
    handler: async (request) => handover.savePlan(request.ctx, request.params.id, request.body),
  });

  app.get('/api/v1/prisoners/:id/handovers', {
    config: { access: manage },
    schema: { tags, summary: "The prisoner's handovers, newest first: to whom, under which profile version, by whom, with the file's hash (the read is audited)", params: IdParams, response: { 200: HandoverList } },
    handler: async (request) => handover.handovers(request.ctx, request.params.id),
  });

  app.post('/api/v1/prisoners/:id/handovers', {
    config: { access: manage },
    schema: { tags, summary: "Issue a handover package from the agreed plan to a named agency: a PDF in the profile's language holding only what the profile allows", params: IdParams, body: IssueHandoverBody, response: { 201: Handover } },
    handler: async (request, reply) => reply.status(201).send(await handover.issue(request.ctx, request.params.id, request.body)),
  });

  app.get('/api/v1/handovers/:id/package.pdf', {
    config: { access: manage },
    schema: {
      tags,
      summary: 'The handover package as issued (same bytes as its logged hash); every download is audited as handover.downloaded',
      params: IdParams,
      produces: ['application/pdf'],
      response: { 200: z.string().describe('application/pdf') },
    },
    handler: async (request, reply) => {
      const { filename, bytes } = await handover.pdf(request.ctx, request.params.id);
      return (
        reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${filename}"`)
          .header('cache-control', 'private, no-store')
          // A Buffer bypasses the serializer; the string schema above only documents the body.
          .send(bytes as unknown as string)
      );
    },
  });
}
