import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  AlarmTypeData,
  type Alarm,
  type AlarmDetail,
  type AlarmQuery,
  type AlarmRateReport,
  type AlarmType,
  type CreateAlarmTypeBody,
  type CreateDeviceBody,
  type Device,
  type DeviceWithToken,
  type FloodStatus,
  type IngestResult,
  type ResolveAlarmBody,
  type ReviseAlarmTypeBody,
  type ShelveAlarmBody,
  type UpdateDeviceBody,
  type WebhookBody,
} from '@vigil/contracts';
import { systemContext, type RequestContext } from '../../platform/access/actor.ts';
import { auditRead } from '../../platform/audit/audit.ts';
import { catalogue, type CatalogueEntry } from '../../platform/catalogue/catalogue.ts';
import type { DB } from '../../platform/db/schema.ts';
import { runWrite, type Write } from '../../platform/db/write.ts';
import { Problem } from '../../platform/errors.ts';
import type { ServiceDeps } from '../../platform/modules/module.ts';
import { localDay } from '../../platform/time/calendar.ts';
import { locationQueries } from '../locations/index.ts';
import { alarmIngest, type IngestOptions } from './alarms.ingest.ts';
import { liveHub } from './alarms.live.ts';
import { mqttIngest, type MqttIngest, type MqttIngestOptions } from './alarms.mqtt.ts';
import { alarmPresenter } from './alarms.presenter.ts';
import { alarmsRepository, type AlarmRow, type DeviceRow } from './alarms.repository.ts';
import { EEMUA, escalationLevel, isFlood, missingMandatory, nextState, peakWindow, rateBand, resolvable, shelvable, shelvedUntil, stepProblem, type OperatorAction } from './alarms.rules.ts';

/** Alarm types: priority, escalation and the procedure. An alarm keeps the version it was raised under. */
export const alarmTypesCatalogue = (db: Kysely<DB>) =>
  catalogue(db, {
    name: 'alarm-types',
    schema: AlarmTypeData,
    usage: async (trx, ids) => new Map((await alarmsRepository(db).countByTypeEntry(ids, trx)).map((r) => [r.type_entry_id, Number(r.n)])),
  });

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const iso = (d: Date | null) => (d ? d.toISOString() : null);

const presentType = (e: CatalogueEntry<AlarmTypeData>): AlarmType => ({
  code: e.code,
  version: e.version,
  effectiveFrom: e.effectiveFrom,
  source: e.source,
  names: e.data.names,
  priority: e.data.priority,
  escalateAfterSeconds: e.data.escalateAfterSeconds,
  sop: e.data.sop,
});

export function alarmsService(deps: ServiceDeps & { ingestOptions?: IngestOptions }) {
  const { db, clock } = deps;
  const repo = alarmsRepository(db);
  const types = alarmTypesCatalogue(db);
  const places = locationQueries(db);
  const live = liveHub();
  const presenter = alarmPresenter(db, repo);
  const ingest = alarmIngest({ db, clock, repo, presenter, live, types, options: deps.ingestOptions });
  const mqttClients = new Set<MqttIngest>();
  let escalationTimer: NodeJS.Timeout | null = null;
  const today = () => localDay(clock.now(), 'UTC');

  async function presentDevice(row: DeviceRow & { facility_code?: string }, trx = db): Promise<Device> {
    const place = await places.find(systemContext().actor, row.location_id, trx);
    const facilityCode = row.facility_code ?? (await trx.selectFrom('facilities').select('code').where('id', '=', row.facility_id).executeTakeFirstOrThrow()).code;
    return {
      id: row.id,
      facilityId: row.facility_id,
      facilityCode,
      code: row.code,
      kind: row.kind,
      name: row.name,
      locationId: row.location_id,
      locationPath: place?.path ?? '',
      active: row.active,
      lastSeenAt: iso(row.last_seen_at),
      version: row.version,
    };
  }

  /** After a change commits: the console hears it at once. */
  async function announce(rows: AlarmRow[]) {
    if (rows.length && live.size) live.emit({ kind: 'alarms', alarms: await presenter.many(rows) });
  }

  /** One operator action on an alarm, through the one write path. */
  async function act(
    ctx: RequestContext,
    id: string,
    version: number,
    action: OperatorAction,
    change: (row: AlarmRow, w: Write) => Promise<Partial<AlarmRow>> | Partial<AlarmRow>,
    auditAction: string,
    note: string | null = null,
  ): Promise<Alarm> {
    let changed: AlarmRow | undefined;
    const view = await runWrite(db, ctx, (w) =>
      w.update<AlarmRow, Alarm>({
        lock: (trx) => repo.lockAlarm(ctx.actor, id, trx),
        expectedVersion: version,
        check: (row) => {
          if (nextState(row.state, action) === null) throw new Problem('alarm-state-transition');
        },
        apply: async (trx, row) => {
          const values = await change(row, w);
          const next = nextState(row.state, action)!;
          changed = await repo.updateAlarm(trx, id, row.version, { state: next, ...values });
          if (changed) {
            await repo.recordAction(trx, id, action === 'complete-step' ? 'step-completed' : action, ctx.actor.userId, note);
            await w.publish({ type: 'alarm.changed', entityId: id, facilityId: changed.facility_id, payload: { alarmId: id, state: changed.state, condition: changed.condition } });
          }
          return changed;
        },
        present: (row, trx) => presenter.present(row, trx),
        audit: (row) => ({ action: auditAction, entityType: 'alarm', entityId: id, facilityId: row.facility_id }),
      }),
    );
    if (changed) await announce([changed]).catch(() => {});
    return view;
  }

  async function detail(ctx: RequestContext, row: AlarmRow): Promise<AlarmDetail> {
    const [alarm, steps, escalations, actions, type] = await Promise.all([presenter.present(row), repo.steps(row.id), repo.escalations(row.id), repo.actions(row.id), presenter.typeOf(row.type_entry_id)]);
    void ctx;
    return {
      ...alarm,
      steps: steps.map((s) => ({
        position: s.position,
        code: s.code,
        text: type.data.sop[s.position - 1]?.text ?? { en: s.code, ru: s.code, tg: s.code },
        mandatory: s.mandatory,
        doneAt: iso(s.done_at),
        doneBy: s.done_by,
        note: s.note,
      })),
      escalations: escalations.map((e) => ({ level: e.level, at: e.escalated_at.toISOString(), afterSeconds: e.after_seconds })),
      actions: actions.map((a) => ({ action: a.action, at: a.at.toISOString(), by: a.username, note: a.note })),
    };
  }

  /** Escalates alarms left unacknowledged, and unshelves those whose shelving ran out. */
  async function sweep(): Promise<{ escalated: number; unshelved: number }> {
    const now = clock.now();
    const inForce = new Map((await types.inForce(today())).map((t) => [t.code, t]));
    const ctx = systemContext('alarm-escalation');
    const changed: AlarmRow[] = [];
    let escalated = 0;
    for (const a of await repo.unacknowledged()) {
      const type = inForce.get(a.type_code);
      if (!type) continue;
      const level = escalationLevel({ state: a.state, raisedAt: a.raised_at, shelvedUntil: a.shelved_until }, type.data.escalateAfterSeconds, now);
      if (level <= a.escalation_level) continue;
      await runWrite(db, ctx, async (w) => {
        const row = await w.trx.selectFrom('alarms').selectAll().where('id', '=', a.id).forUpdate().executeTakeFirst();
        if (!row || row.state !== 'new' || row.escalation_level >= level) return;
        for (let l = row.escalation_level + 1; l <= level; l++) {
          await w.trx.insertInto('alarm_escalations').values({ alarm_id: row.id, level: l, after_seconds: type.data.escalateAfterSeconds * l, escalated_at: now }).onConflict((oc) => oc.doNothing()).execute();
        }
        const up = await repo.touchAlarm(w.trx, row.id, { escalation_level: level });
        await repo.recordAction(w.trx, row.id, 'escalated', null, `level ${level}`);
        await w.publish({ type: 'alarm.changed', entityId: row.id, facilityId: row.facility_id, payload: { alarmId: row.id, state: row.state, condition: row.condition } });
        await w.audit({ action: 'alarm.escalated', entityType: 'alarm', entityId: row.id, facilityId: row.facility_id, before: { escalationLevel: row.escalation_level }, after: { escalationLevel: level } });
        if (up) changed.push(up);
        escalated++;
      });
    }
    let unshelved = 0;
    for (const a of await repo.shelvingOver(now)) {
      await runWrite(db, ctx, async (w) => {
        const row = await w.trx.selectFrom('alarms').selectAll().where('id', '=', a.id).forUpdate().executeTakeFirst();
        if (!row || !row.shelved_until || row.shelved_until > now) return;
        const up = await repo.touchAlarm(w.trx, row.id, { shelved_until: null });
        await repo.recordAction(w.trx, row.id, 'unshelved', null, null);
        await w.publish({ type: 'alarm.changed', entityId: row.id, facilityId: row.facility_id, payload: { alarmId: row.id, state: row.state, condition: row.condition } });
        await w.audit({ action: 'alarm.unshelved', entityType: 'alarm', entityId: row.id, facilityId: row.facility_id, before: { shelvedUntil: row.shelved_until }, after: { shelvedUntil: null } });
        if (up) changed.push(up);
        unshelved++;
      });
    }
    await announce(changed).catch(() => {});
    return { escalated, unshelved };
  }

  return {
    live,
    ingest,

    // ---- Types ----
    async types(): Promise<{ items: AlarmType[] }> {
      return { items: (await types.inForce(today())).map(presentType) };
    },
    async typeHistory(code: string) {
      const h = await types.history(code, today());
      if (!h) throw new Problem('not-found');
      return h;
    },
    addType(ctx: RequestContext, body: CreateAlarmTypeBody): Promise<AlarmType> {
      return runWrite(db, ctx, async (w) => {
        const e = await types.add(w, body.code, body.data, { effectiveFrom: body.effectiveFrom ?? today(), source: body.source }, today());
        const view = presentType(e);
        await w.audit({ action: 'alarm-type.added', entityType: 'alarm-type', entityId: e.id, after: view });
        return view;
      });
    },
    reviseType(ctx: RequestContext, code: string, body: ReviseAlarmTypeBody): Promise<AlarmType> {
      return runWrite(db, ctx, (w) =>
        types.revise(w, code, body.version, () => body.data, { effectiveFrom: body.effectiveFrom ?? today(), source: body.source }, today(), presentType, (row) => ({
          action: 'alarm-type.revised',
          entityType: 'alarm-type',
          entityId: row.id,
        })),
      );
    },

    // ---- Devices ----
    async devices(ctx: RequestContext, facilityId?: string): Promise<{ items: Device[] }> {
      const rows = await repo.devices(ctx.actor, facilityId);
      return { items: await Promise.all(rows.map((r) => presentDevice(r))) };
    },
    registerDevice(ctx: RequestContext, body: CreateDeviceBody): Promise<DeviceWithToken> {
      const token = randomBytes(24).toString('base64url');
      return runWrite(db, ctx, async (w) => {
        const place = await places.find(ctx.actor, body.locationId, w.trx);
        if (!place) throw Problem.at('not-found', 'locationId');
        if (place.facility_id !== body.facilityId) throw Problem.at('device-place-facility', 'locationId');
        const taken = await w.trx.selectFrom('alarm_devices').select('id').where('facility_id', '=', body.facilityId).where('code', '=', body.code).executeTakeFirst();
        if (taken) throw Problem.at('device-duplicate-code', 'code');
        const view = await w.create({
          insert: (trx) => repo.insertDevice(trx, { facility_id: body.facilityId, location_id: body.locationId, code: body.code, kind: body.kind, name: body.name, token_hash: hashToken(token) }),
          present: (row, trx) => presentDevice(row, trx),
          audit: (row) => ({ action: 'alarm-device.registered', entityType: 'alarm-device', entityId: row.id, facilityId: row.facility_id }),
        });
        ingest.forgetDevices();
        return { ...view, token };
      });
    },
    updateDevice(ctx: RequestContext, id: string, body: UpdateDeviceBody): Promise<Device> {
      return runWrite(db, ctx, async (w) => {
        const view = await w.update<DeviceRow, Device>({
          lock: (trx) => repo.lockDevice(ctx.actor, id, trx),
          expectedVersion: body.version,
          check: async (row, trx) => {
            const place = await places.find(ctx.actor, body.locationId, trx);
            if (!place) throw Problem.at('not-found', 'locationId');
            if (place.facility_id !== row.facility_id) throw Problem.at('device-place-facility', 'locationId');
          },
          apply: (trx, row) => repo.updateDevice(trx, id, row.version, { location_id: body.locationId, name: body.name, active: body.active }),
          present: (row, trx) => presentDevice(row, trx),
          audit: (row) => ({ action: 'alarm-device.updated', entityType: 'alarm-device', entityId: id, facilityId: row.facility_id }),
        });
        ingest.forgetDevices();
        presenter.forgetDevice(id);
        return view;
      });
    },
    rotateToken(ctx: RequestContext, id: string, version: number): Promise<DeviceWithToken> {
      const token = randomBytes(24).toString('base64url');
      return runWrite(db, ctx, async (w) => {
        const view = await w.update<DeviceRow, Device>({
          lock: (trx) => repo.lockDevice(ctx.actor, id, trx),
          expectedVersion: version,
          apply: (trx, row) => repo.updateDevice(trx, id, row.version, { token_hash: hashToken(token) }),
          present: (row, trx) => presentDevice(row, trx),
          audit: (row) => ({ action: 'alarm-device.token-rotated', entityType: 'alarm-device', entityId: id, facilityId: row.facility_id }),
        });
        return { ...view, token };
      });
    },

    // ---- Webhook ----
    /** A device's own events over HTTP: the device is named by facility and code, and proves itself with its token. */
    async webhook(facilityCode: string, deviceCode: string, token: string | undefined, body: WebhookBody): Promise<IngestResult> {
      const device = await repo.deviceByCode(facilityCode, deviceCode);
      const given = Buffer.from(hashToken(token ?? ''), 'hex');
      const expected = Buffer.from(device?.token_hash ?? hashToken(randomBytes(8).toString('hex')), 'hex');
      if (!device || !token || !timingSafeEqual(given, expected)) throw new Problem('device-token');
      return ingest.submit(
        body.events.map((e) => ({ channel: 'webhook' as const, topic: null, facilityCode, deviceCode, raw: JSON.stringify(e), parsed: { ok: true as const, payload: e } })),
      );
    },

    /** Starts taking MQTT messages (the module's start, or a test); stopped with the service. */
    async connectMqtt(opts: MqttIngestOptions): Promise<MqttIngest> {
      const client = mqttIngest(ingest, opts);
      mqttClients.add(client);
      return client;
    },

    // ---- Alarms ----
    async alarms(ctx: RequestContext, q: AlarmQuery): Promise<{ items: Alarm[] }> {
      return { items: await presenter.many(await repo.alarms(ctx.actor, q)) };
    },
    async alarm(ctx: RequestContext, id: string): Promise<AlarmDetail> {
      const row = await repo.findAlarm(ctx.actor, id);
      if (!row) throw new Problem('not-found');
      return detail(ctx, row);
    },
    acknowledge(ctx: RequestContext, id: string, version: number) {
      return act(ctx, id, version, 'acknowledge', () => ({ acknowledged_at: clock.now(), acknowledged_by: ctx.actor.userId }), 'alarm.acknowledged');
    },
    start(ctx: RequestContext, id: string, version: number) {
      return act(ctx, id, version, 'start', () => ({}), 'alarm.started');
    },
    async completeStep(ctx: RequestContext, id: string, position: number, version: number, note: string | undefined): Promise<AlarmDetail> {
      await act(
        ctx,
        id,
        version,
        'complete-step',
        async (row, w) => {
          const steps = await repo.steps(row.id, w.trx);
          const problem = stepProblem(
            steps.map((s) => ({ position: s.position, mandatory: s.mandatory, done: s.done_at !== null })),
            position,
          );
          if (problem) throw problem === 'not-found' ? Problem.at('not-found', 'position') : new Problem(problem);
          await repo.completeStep(w.trx, row.id, position, ctx.actor.userId, note?.trim() || null);
          return {};
        },
        'alarm.step-completed',
        `step ${position}`,
      );
      return this.alarm(ctx, id);
    },
    shelve(ctx: RequestContext, id: string, body: ShelveAlarmBody) {
      return act(
        ctx,
        id,
        body.version,
        'shelve',
        (row) => {
          if (!shelvable(row.priority)) throw new Problem('alarm-shelve-critical');
          return { shelved_until: shelvedUntil(clock.now(), body.minutes) };
        },
        'alarm.shelved',
        body.reason,
      );
    },
    resolve(ctx: RequestContext, id: string, body: ResolveAlarmBody) {
      return act(
        ctx,
        id,
        body.version,
        'resolve',
        async (row, w) => {
          if (!resolvable(row.state)) throw new Problem('alarm-state-transition');
          const steps = await repo.steps(row.id, w.trx);
          const missing = missingMandatory(steps.map((s) => ({ position: s.position, mandatory: s.mandatory, done: s.done_at !== null })));
          if (missing.length) {
            throw new Problem(
              'alarm-sop-incomplete',
              undefined,
              missing.map((p) => ({ path: `steps.${p}`, message: 'alarm-sop-incomplete' })),
            );
          }
          return { resolved_at: clock.now(), resolved_by: ctx.actor.userId, resolution: body.resolution, shelved_until: null };
        },
        'alarm.resolved',
        body.resolution,
      );
    },

    // ---- Quarantine, flood, rate ----
    async quarantine(ctx: RequestContext, q: { facilityId?: string; limit: number }) {
      const rows = await repo.quarantine(ctx.actor, q);
      await auditRead(db, ctx, { action: 'alarm.quarantine-viewed', entityType: 'alarm-device', facilityId: q.facilityId ?? null });
      return {
        items: rows.map((r) => ({
          id: r.id,
          channel: r.channel,
          topic: r.topic,
          facilityCode: r.facility_code,
          deviceCode: r.device_code,
          reason: r.reason as never,
          detail: r.detail,
          payload: r.payload,
          receivedAt: r.received_at.toISOString(),
        })),
      };
    },
    async flood(ctx: RequestContext, facilityId?: string): Promise<FloodStatus> {
      const now = clock.now();
      const windowSeconds = 60;
      const groups = await repo.floodGroups(ctx.actor, facilityId, new Date(now.getTime() - windowSeconds * 1000));
      const raised = await repo.raisedSince(ctx.actor, facilityId, new Date(now.getTime() - 600_000));
      const events = groups.reduce((n, g) => n + Number(g.n), 0);
      const folded = groups.reduce((n, g) => n + Number(g.folded), 0);
      return {
        facilityId: facilityId ?? null,
        windowSeconds,
        events,
        alarmsRaised: raised.length,
        folded,
        flood: isFlood(raised.length) || events > 600,
        groups: groups.slice(0, 20).map((g) => ({ deviceCode: g.device_code, type: g.type, events: Number(g.n) })),
      };
    },
    async rateReport(ctx: RequestContext, q: { facilityId?: string; hours: number }): Promise<AlarmRateReport> {
      const to = clock.now();
      const from = new Date(to.getTime() - q.hours * 3600_000);
      const raised = await repo.raisedSince(ctx.actor, q.facilityId, from);
      const operators = await repo.operatorActions(ctx.actor, q.facilityId, from);
      const n = Math.max(1, operators.length);
      const windows = (q.hours * 60) / 10;
      const perOperatorPer10Min = Math.round((raised.length / n / windows) * 100) / 100;
      const { peak, floodWindows } = peakWindow(raised.map((r) => r.raised_at));
      return {
        facilityId: q.facilityId ?? null,
        from: from.toISOString(),
        to: to.toISOString(),
        alarms: raised.length,
        operators: operators.length,
        perOperatorPer10Min,
        perOperatorPerHour: Math.round(perOperatorPer10Min * 6 * 100) / 100,
        band: rateBand(perOperatorPer10Min, peak),
        peak10Min: peak,
        floodWindows,
        byOperator: operators
          .map((o) => {
            const perHour = Math.round((Number(o.handled) / q.hours) * 100) / 100;
            return { username: o.username, handled: Number(o.handled), perHour, band: rateBand(perHour / 6) };
          })
          .sort((a, b) => b.handled - a.handled),
        guidance: `EEMUA 191: ≤ ${EEMUA.acceptablePer10Min} alarm per 10 minutes per operator acceptable, ≤ ${EEMUA.manageablePer10Min} manageable, more over-demanding; > ${EEMUA.floodPer10Min} in 10 minutes is a flood`,
      };
    },

    /** The escalation and unshelving job, once (the background job runs it every few seconds). */
    sweep,
    startBackground(everyMs = 5_000) {
      if (escalationTimer) return;
      escalationTimer = setInterval(() => void sweep().catch((err) => console.error('vigil: the alarm escalation job failed', err)), everyMs);
      escalationTimer.unref();
    },
    async stop() {
      if (escalationTimer) clearInterval(escalationTimer);
      escalationTimer = null;
      await Promise.all([...mqttClients].map((c) => c.stop()));
      mqttClients.clear();
      await ingest.stop();
    },
  };
}
export type AlarmsService = ReturnType<typeof alarmsService>;
