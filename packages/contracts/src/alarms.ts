import { z } from 'zod';
import { Id, text, Timestamp, Version } from './common.ts';
import { catalogueChangeFields } from './catalogues.ts';

/**
 * The alarm console (issue 10 must-have 7, docs/alarms.md): devices registered against places,
 * their events over MQTT and webhooks, and alarms in the ISA-18.2 manner: the device condition
 * (raised / cleared) kept apart from the operator state (new → acknowledged → in progress →
 * resolved), with priority, shelving, escalation and the standard operating procedure of the type.
 */

export const DEVICE_KINDS = ['alarm-panel', 'door-contact', 'duress-button', 'perimeter-sensor', 'fire-detector'] as const;
export const DeviceKind = z.enum(DEVICE_KINDS);
export type DeviceKind = z.infer<typeof DeviceKind>;

export const ALARM_PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;
export const AlarmPriority = z.enum(ALARM_PRIORITIES);
export type AlarmPriority = z.infer<typeof AlarmPriority>;

export const ALARM_CONDITIONS = ['raised', 'cleared'] as const;
export const AlarmCondition = z.enum(ALARM_CONDITIONS);
export type AlarmCondition = z.infer<typeof AlarmCondition>;

export const ALARM_STATES = ['new', 'acknowledged', 'in-progress', 'resolved'] as const;
export const AlarmState = z.enum(ALARM_STATES);
export type AlarmState = z.infer<typeof AlarmState>;

export const INGEST_CHANNELS = ['mqtt', 'webhook'] as const;
export const IngestChannel = z.enum(INGEST_CHANNELS);

/** A device code as it appears in an MQTT topic: letters, digits, dot, dash, underscore. */
export const DeviceCode = z.string().trim().regex(/^[A-Za-z0-9._-]{1,60}$/, 'device-code-format');

export const AlarmNames = z.object({ en: text(120), ru: text(120), tg: text(120) }).strict();
export type AlarmNames = z.infer<typeof AlarmNames>;

/** One step of a standard operating procedure, in order. */
export const SopStep = z.object({ code: z.string().trim().regex(/^[a-z0-9-]{1,40}$/), text: AlarmNames, mandatory: z.boolean() }).strict();
export type SopStep = z.infer<typeof SopStep>;

/** One version of an alarm type in the `alarm-types` catalogue. */
export const AlarmTypeData = z
  .object({
    names: AlarmNames,
    priority: AlarmPriority,
    /** Escalate when still unacknowledged this many seconds after it was raised. */
    escalateAfterSeconds: z.number().int().min(10).max(86_400),
    sop: z.array(SopStep).min(1).max(30),
  })
  .strict()
  .refine((d) => new Set(d.sop.map((s) => s.code)).size === d.sop.length, { message: 'duplicate-step', path: ['sop'] });
export type AlarmTypeData = z.infer<typeof AlarmTypeData>;

export const AlarmType = z.object({
  code: z.string(),
  version: z.number().int(),
  effectiveFrom: z.string(),
  source: z.string(),
  names: AlarmNames,
  priority: AlarmPriority,
  escalateAfterSeconds: z.number().int(),
  sop: z.array(SopStep),
});
export type AlarmType = z.infer<typeof AlarmType>;
export const AlarmTypeList = z.object({ items: z.array(AlarmType) });

export const AlarmTypeCode = z.string().trim().regex(/^[a-z0-9-]{1,40}$/, 'alarm-type-code-format');
export const CreateAlarmTypeBody = z.object({ code: AlarmTypeCode, data: AlarmTypeData, ...catalogueChangeFields }).strict();
export type CreateAlarmTypeBody = z.infer<typeof CreateAlarmTypeBody>;
export const ReviseAlarmTypeBody = z.object({ data: AlarmTypeData, version: Version, ...catalogueChangeFields }).strict();
export type ReviseAlarmTypeBody = z.infer<typeof ReviseAlarmTypeBody>;
export const AlarmTypeParams = z.object({ code: AlarmTypeCode }).strict();

// ---- Devices ----

export const CreateDeviceBody = z
  .object({
    facilityId: Id,
    locationId: Id,
    code: DeviceCode,
    kind: DeviceKind,
    name: text(120),
  })
  .strict();
export type CreateDeviceBody = z.infer<typeof CreateDeviceBody>;

export const UpdateDeviceBody = z.object({ locationId: Id, name: text(120), active: z.boolean(), version: Version }).strict();
export type UpdateDeviceBody = z.infer<typeof UpdateDeviceBody>;

export const Device = z.object({
  id: Id,
  facilityId: Id,
  facilityCode: z.string(),
  code: z.string(),
  kind: DeviceKind,
  name: z.string(),
  locationId: Id,
  locationPath: z.string(),
  active: z.boolean(),
  lastSeenAt: Timestamp.nullable(),
  version: Version,
});
export type Device = z.infer<typeof Device>;
export const DeviceList = z.object({ items: z.array(Device) });

/** A new device, or a new token: the token is shown once and only its hash is kept. */
export const DeviceWithToken = Device.extend({ token: z.string().describe('The ingest token for webhooks, shown only now') });
export type DeviceWithToken = z.infer<typeof DeviceWithToken>;
export const RotateTokenBody = z.object({ version: Version }).strict();

export const DeviceQuery = z.object({ facilityId: Id.optional() }).strict();

// ---- Device events (MQTT payload and webhook body are the same) ----

/**
 * One device event. `id` is the idempotency key: the same key from the same device is counted
 * once, whichever channel brought it and however often it is replayed. `type` is an alarm type
 * code (duress, door-forced, …) or `state` for ordinary telemetry (a door opened and closed).
 */
export const DeviceEventPayload = z
  .object({
    id: z.string().trim().min(1).max(120),
    type: z.string().trim().regex(/^[a-z0-9-]{1,40}$/),
    condition: AlarmCondition.default('raised'),
    at: z.iso.datetime({ offset: true }).optional(),
    data: z.record(z.string(), z.union([z.string().max(200), z.number(), z.boolean()])).optional(),
  })
  .strict();
export type DeviceEventPayload = z.infer<typeof DeviceEventPayload>;

export const WebhookBody = z.object({ events: z.array(DeviceEventPayload).min(1).max(1000) }).strict();
export type WebhookBody = z.infer<typeof WebhookBody>;

export const WebhookParams = z.object({ facility: z.string().regex(/^[A-Za-z0-9._-]{1,40}$/), code: DeviceCode }).strict();
export const AlarmStreamQuery = z.object({ facilityId: Id.optional(), trace: z.enum(['0', '1']).optional() }).strict();

export const IngestResult = z.object({
  accepted: z.number().int().describe('Events stored now'),
  duplicates: z.number().int().describe('Events whose idempotency key was already stored (counted once)'),
  quarantined: z.number().int(),
});
export type IngestResult = z.infer<typeof IngestResult>;

export const QUARANTINE_REASONS = ['malformed-json', 'invalid-payload', 'unknown-device', 'inactive-device', 'unknown-facility', 'bad-topic', 'unknown-type', 'too-large'] as const;
export const QuarantineReason = z.enum(QUARANTINE_REASONS);

export const QuarantinedMessage = z.object({
  id: Id,
  channel: IngestChannel,
  topic: z.string().nullable(),
  facilityCode: z.string().nullable(),
  deviceCode: z.string().nullable(),
  reason: QuarantineReason,
  detail: z.string().nullable(),
  payload: z.string().describe('The message as received (cut to 2,000 characters)'),
  receivedAt: Timestamp,
});
export type QuarantinedMessage = z.infer<typeof QuarantinedMessage>;
export const QuarantineList = z.object({ items: z.array(QuarantinedMessage) });
export const QuarantineQuery = z.object({ facilityId: Id.optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }).strict();

// ---- Alarms ----

export const AlarmStep = z.object({
  position: z.number().int(),
  code: z.string(),
  text: AlarmNames,
  mandatory: z.boolean(),
  doneAt: Timestamp.nullable(),
  doneBy: z.string().nullable(),
  note: z.string().nullable(),
});
export type AlarmStep = z.infer<typeof AlarmStep>;

export const AlarmEscalation = z.object({ level: z.number().int(), at: Timestamp, afterSeconds: z.number().int() });

export const AlarmAction = z.object({
  action: z.string(),
  at: Timestamp,
  by: z.string().nullable(),
  note: z.string().nullable(),
});

export const Alarm = z.object({
  id: Id,
  facilityId: Id,
  deviceId: Id,
  deviceCode: z.string(),
  deviceName: z.string(),
  deviceKind: DeviceKind,
  locationId: Id,
  locationPath: z.string(),
  type: z.object({ code: z.string(), version: z.number().int(), names: AlarmNames }),
  priority: AlarmPriority,
  condition: AlarmCondition,
  state: AlarmState,
  shelvedUntil: Timestamp.nullable(),
  eventCount: z.number().int().describe('Device events folded into this alarm (flood grouping)'),
  raisedAt: Timestamp,
  lastEventAt: Timestamp,
  clearedAt: Timestamp.nullable(),
  acknowledgedAt: Timestamp.nullable(),
  acknowledgedBy: z.string().nullable(),
  resolvedAt: Timestamp.nullable(),
  resolvedBy: z.string().nullable(),
  resolution: z.string().nullable(),
  escalationLevel: z.number().int(),
  version: Version,
});
export type Alarm = z.infer<typeof Alarm>;

export const AlarmDetail = Alarm.extend({
  steps: z.array(AlarmStep),
  escalations: z.array(AlarmEscalation),
  actions: z.array(AlarmAction),
});
export type AlarmDetail = z.infer<typeof AlarmDetail>;

export const AlarmList = z.object({ items: z.array(Alarm) });
export type AlarmList = z.infer<typeof AlarmList>;

export const AlarmQuery = z
  .object({
    facilityId: Id.optional(),
    /** `open`: not resolved (the console); `resolved`; `all`. */
    status: z.enum(['open', 'resolved', 'all']).default('open'),
    priority: AlarmPriority.optional(),
    type: z.string().max(40).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(200),
  })
  .strict();
export type AlarmQuery = z.infer<typeof AlarmQuery>;

export const AlarmVersionBody = z.object({ version: Version }).strict();
export const ShelveAlarmBody = z.object({ version: Version, minutes: z.number().int().min(1).max(480), reason: text(300) }).strict();
export type ShelveAlarmBody = z.infer<typeof ShelveAlarmBody>;
export const CompleteStepBody = z.object({ version: Version, note: z.string().trim().max(500).optional() }).strict();
export const StepParams = z.object({ id: Id, position: z.coerce.number().int().min(1).max(30) }).strict();
export const ResolveAlarmBody = z.object({ version: Version, resolution: text(1000) }).strict();
export type ResolveAlarmBody = z.infer<typeof ResolveAlarmBody>;

// ---- Flood and EEMUA 191 report ----

export const FloodStatus = z.object({
  facilityId: Id.nullable(),
  windowSeconds: z.number().int(),
  events: z.number().int().describe('Device events received in the window'),
  alarmsRaised: z.number().int().describe('New alarms in the last ten minutes'),
  folded: z.number().int().describe('Events folded into alarms already open, in the window'),
  flood: z.boolean().describe('More than ten alarms in ten minutes (EEMUA 191 flood)'),
  groups: z.array(z.object({ deviceCode: z.string(), type: z.string(), events: z.number().int() })),
});
export type FloodStatus = z.infer<typeof FloodStatus>;
export const FloodQuery = z.object({ facilityId: Id.optional() }).strict();

export const RATE_BANDS = ['acceptable', 'manageable', 'over-demanding', 'flood'] as const;
export const RateBand = z.enum(RATE_BANDS);
export type RateBand = z.infer<typeof RateBand>;

export const AlarmRateReport = z.object({
  facilityId: Id.nullable(),
  from: Timestamp,
  to: Timestamp,
  alarms: z.number().int(),
  operators: z.number().int().describe('Staff who acknowledged, worked or resolved an alarm in the period (at least 1)'),
  perOperatorPer10Min: z.number(),
  perOperatorPerHour: z.number(),
  band: RateBand,
  peak10Min: z.number().int().describe('The most alarms raised in any ten minutes'),
  floodWindows: z.number().int().describe('Ten-minute windows with more than ten alarms'),
  byOperator: z.array(z.object({ username: z.string(), handled: z.number().int(), perHour: z.number(), band: RateBand })),
  guidance: z.string(),
});
export type AlarmRateReport = z.infer<typeof AlarmRateReport>;
export const RateReportQuery = z
  .object({ facilityId: Id.optional(), hours: z.coerce.number().int().min(1).max(24 * 31).default(24) })
  .strict();
