import {
  Alarm,
  AlarmDetail,
  AlarmList,
  AlarmQuery,
  AlarmRateReport,
  AlarmStreamQuery,
  AlarmType,
  AlarmTypeList,
  AlarmTypeParams,
  AlarmVersionBody,
  CatalogueHistory,
  CompleteStepBody,
  CreateAlarmTypeBody,
  CreateDeviceBody,
  Device,
  DeviceList,
  DeviceQuery,
  DeviceWithToken,
  FloodQuery,
  FloodStatus,
  IdParams,
  IngestResult,
  QuarantineList,
  QuarantineQuery,
  RateReportQuery,
  ResolveAlarmBody,
  ReviseAlarmTypeBody,
  RotateTokenBody,
  ShelveAlarmBody,
  StepParams,
  UpdateDeviceBody,
  WebhookBody,
  WebhookParams,
} from '@vigil/contracts';
import { z } from 'zod';
import { mayAccessFacility } from '../../platform/access/actor.ts';
import type { App } from '../../platform/http/app-type.ts';
import { eventStreams } from '../../platform/http/event-stream.ts';
import type { AlarmsService } from './alarms.service.ts';

const tags = ['alarms'];

export function alarmsRoutes(app: App, alarms: AlarmsService) {
  const streams = eventStreams(app);
  app.addHook('onClose', () => alarms.stop());

  // ---- Alarm types (catalogue) ----
  app.get('/api/v1/alarm-types', {
    config: { access: { permission: 'alarms.read' } },
    schema: { tags, summary: 'Alarm types in force: priority, escalation delay and the standard operating procedure', response: { 200: AlarmTypeList } },
    handler: async () => alarms.types(),
  });
  app.get('/api/v1/alarm-types/:code/history', {
    config: { access: { permission: 'alarms.read' } },
    schema: { tags, summary: 'Every version of an alarm type, with the alarms raised under each', params: AlarmTypeParams, response: { 200: CatalogueHistory } },
    handler: async (request) => alarms.typeHistory(request.params.code),
  });
  app.post('/api/v1/alarm-types', {
    config: { access: { permission: 'alarms.configure' } },
    schema: { tags, summary: 'Add an alarm type (version 1)', body: CreateAlarmTypeBody, response: { 201: AlarmType } },
    handler: async (request, reply) => reply.status(201).send(await alarms.addType(request.ctx, request.body)),
  });
  app.put('/api/v1/alarm-types/:code', {
    config: { access: { permission: 'alarms.configure' } },
    schema: { tags, summary: 'Revise an alarm type: a new version from its effective date; open alarms keep theirs', params: AlarmTypeParams, body: ReviseAlarmTypeBody, response: { 200: AlarmType } },
    handler: async (request) => alarms.reviseType(request.ctx, request.params.code, request.body),
  });

  // ---- Devices ----
  app.get('/api/v1/alarm-devices', {
    config: { access: { permission: 'alarms.read' } },
    schema: { tags, summary: 'Devices (alarm panels, door contacts, duress buttons, perimeter sensors, fire detectors) with their place', querystring: DeviceQuery, response: { 200: DeviceList } },
    handler: async (request) => alarms.devices(request.ctx, request.query.facilityId),
  });
  app.post('/api/v1/alarm-devices', {
    config: { access: { permission: 'alarms.configure' } },
    schema: { tags, summary: 'Register a device against a place; its webhook token is shown only in this answer', body: CreateDeviceBody, response: { 201: DeviceWithToken } },
    handler: async (request, reply) => reply.status(201).send(await alarms.registerDevice(request.ctx, request.body)),
  });
  app.put('/api/v1/alarm-devices/:id', {
    config: { access: { permission: 'alarms.configure' } },
    schema: { tags, summary: "Change a device's place, name or whether it is in service", params: IdParams, body: UpdateDeviceBody, response: { 200: Device } },
    handler: async (request) => alarms.updateDevice(request.ctx, request.params.id, request.body),
  });
  app.post('/api/v1/alarm-devices/:id/token', {
    config: { access: { permission: 'alarms.configure' } },
    schema: { tags, summary: "Replace a device's webhook token (the old one stops working); shown only in this answer", params: IdParams, body: RotateTokenBody, response: { 200: DeviceWithToken } },
    handler: async (request) => alarms.rotateToken(request.ctx, request.params.id, request.body.version),
  });

  // ---- Ingest by webhook ----
  app.post('/api/v1/ingest/devices/:facility/:code/events', {
    config: { access: { public: true } },
    schema: {
      tags,
      summary:
        'Device events over HTTP (docs/alarms.md): the device proves itself with its token (Authorization: Bearer …). Each event carries an idempotency key (`id`): a replay is counted once. Answered once stored.',
      params: WebhookParams,
      body: WebhookBody,
      response: { 200: IngestResult },
    },
    handler: async (request) => {
      const header = request.headers.authorization;
      const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
      return alarms.webhook(request.params.facility, request.params.code, token, request.body);
    },
  });
  app.get('/api/v1/alarm-quarantine', {
    config: { access: { permission: 'alarms.configure' } },
    schema: { tags, summary: 'Device messages that could not be taken (malformed, unknown device, unknown type), newest first, with the reason (the read is audited)', querystring: QuarantineQuery, response: { 200: QuarantineList } },
    handler: async (request) => alarms.quarantine(request.ctx, request.query),
  });

  // ---- Alarms ----
  app.get('/api/v1/alarms', {
    config: { access: { permission: 'alarms.read' } },
    schema: { tags, summary: 'Alarms, highest priority first then newest (open ones by default: the console)', querystring: AlarmQuery, response: { 200: AlarmList } },
    handler: async (request) => alarms.alarms(request.ctx, request.query),
  });
  app.get('/api/v1/alarms/stream', {
    config: { access: { permission: 'alarms.read' } },
    schema: {
      tags,
      summary:
        'The console live, as server-sent events: a first `ready`, then `alarms` (the alarms as they now stand, after each change commits) and `ingest` (counts of each stored batch; with trace=1 also the idempotency keys stored). Only facilities in scope.',
      querystring: AlarmStreamQuery,
      produces: ['text/event-stream'],
      response: { 200: z.string().describe('text/event-stream') },
    },
    handler: async (request, reply) => {
      const actor = request.ctx.actor;
      const { facilityId, trace } = request.query;
      const mine = (f: string) => mayAccessFacility(actor, f) && (!facilityId || facilityId === f);
      const stream = streams.open(reply);
      const stop = alarms.live.listen((m) => {
        if (m.kind === 'alarms') {
          const visible = m.alarms.filter((a) => mine(a.facilityId));
          if (visible.length) stream.send('alarms', visible);
        } else if (m.facilityIds.some(mine)) {
          stream.send('ingest', { accepted: m.accepted, duplicates: m.duplicates, quarantined: m.quarantined, at: Date.now(), ...(trace === '1' ? { keys: m.keys } : {}) });
        }
      });
      void stream.closed.then(stop);
      stream.send('ready', {});
      return reply;
    },
  });
  app.get('/api/v1/alarms/flood', {
    config: { access: { permission: 'alarms.read' } },
    schema: { tags, summary: 'Events of the last minute grouped by device and type, and whether the alarm rate is a flood (EEMUA 191)', querystring: FloodQuery, response: { 200: FloodStatus } },
    handler: async (request) => alarms.flood(request.ctx, request.query.facilityId),
  });
  app.get('/api/v1/alarms/rate-report', {
    config: { access: { permission: 'alarms.read' } },
    schema: { tags, summary: 'The alarm rate per operator over the last hours against the EEMUA 191 guidance', querystring: RateReportQuery, response: { 200: AlarmRateReport } },
    handler: async (request) => alarms.rateReport(request.ctx, request.query),
  });
  app.get('/api/v1/alarms/:id', {
    config: { access: { permission: 'alarms.read' } },
    schema: { tags, summary: 'One alarm with its procedure checklist, escalations and what operators did', params: IdParams, response: { 200: AlarmDetail } },
    handler: async (request) => alarms.alarm(request.ctx, request.params.id),
  });
  app.post('/api/v1/alarms/:id/acknowledge', {
    config: { access: { permission: 'alarms.operate' } },
    schema: { tags, summary: 'Acknowledge a new alarm (stops its escalation)', params: IdParams, body: AlarmVersionBody, response: { 200: Alarm } },
    handler: async (request) => alarms.acknowledge(request.ctx, request.params.id, request.body.version),
  });
  app.post('/api/v1/alarms/:id/start', {
    config: { access: { permission: 'alarms.operate' } },
    schema: { tags, summary: 'Take an acknowledged alarm in hand (in progress)', params: IdParams, body: AlarmVersionBody, response: { 200: Alarm } },
    handler: async (request) => alarms.start(request.ctx, request.params.id, request.body.version),
  });
  app.post('/api/v1/alarms/:id/steps/:position/complete', {
    config: { access: { permission: 'alarms.operate' } },
    schema: { tags, summary: 'Mark a step of the procedure done (in order: earlier mandatory steps first); the alarm goes in progress', params: StepParams, body: CompleteStepBody, response: { 200: AlarmDetail } },
    handler: async (request) => alarms.completeStep(request.ctx, request.params.id, request.params.position, request.body.version, request.body.note),
  });
  app.post('/api/v1/alarms/:id/shelve', {
    config: { access: { permission: 'alarms.operate' } },
    schema: { tags, summary: 'Shelve an alarm for a number of minutes (not critical ones); it unshelves itself', params: IdParams, body: ShelveAlarmBody, response: { 200: Alarm } },
    handler: async (request) => alarms.shelve(request.ctx, request.params.id, request.body),
  });
  app.post('/api/v1/alarms/:id/resolve', {
    config: { access: { permission: 'alarms.operate' } },
    schema: { tags, summary: 'Resolve an acknowledged alarm; refused while mandatory procedure steps are not done', params: IdParams, body: ResolveAlarmBody, response: { 200: Alarm } },
    handler: async (request) => alarms.resolve(request.ctx, request.params.id, request.body),
  });
}
