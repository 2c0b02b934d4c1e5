import { sql, type Kysely } from 'kysely';
import type { Alarm, AlarmTypeData, DeviceEventPayload, IngestResult } from '@vigil/contracts';
import { systemContext } from '../../platform/access/actor.ts';
import type { DB } from '../../platform/db/schema.ts';
import { runWrite } from '../../platform/db/write.ts';
import { publishMany } from '../../platform/events/outbox.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { CatalogueEntry } from '../../platform/catalogue/catalogue.ts';
import { localDay } from '../../platform/time/calendar.ts';
import type { LiveHub } from './alarms.live.ts';
import type { AlarmPresenter } from './alarms.presenter.ts';
import type { AlarmRow, AlarmsRepository, IngestDevice } from './alarms.repository.ts';
import { foldEvents, parseMessage, parseTopic, TELEMETRY_TYPE, type ParsedMessage } from './alarms.rules.ts';

/** One message as it arrived, with what to do once it is stored (the MQTT acknowledgement). */
export interface IngestItem {
  channel: 'mqtt' | 'webhook';
  topic: string | null;
  facilityCode: string | null;
  deviceCode: string | null;
  raw: string;
  /** Already read (a webhook body is checked by its route). */
  parsed?: ParsedMessage;
}

type Quarantined = { item: IngestItem; reason: string; detail: string | null; facilityId: string | null; owner: number };

interface Pending {
  items: IngestItem[];
  resolve(r: IngestResult): void;
  reject(e: unknown): void;
}

export interface IngestOptions {
  /** The most messages stored in one transaction. */
  maxBatch?: number;
  log?: (message: string, err?: unknown) => void;
}

const CACHE_MS = 5_000;
const cut = (s: string, n = 2000) => (s.length > n ? s.slice(0, n) : s);
// jsonb and text refuse NUL; JSON can spell it (\u0000) and half a surrogate pair.
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The ingest (docs/alarms.md "Ingest"): messages from MQTT and webhooks are queued and stored in
 * batches, one transaction each: the events once per idempotency key, the alarms they raise or
 * fold into, what could not be taken in quarantine, one audit event for the batch. Only when the
 * batch has committed are its messages acknowledged (the MQTT PUBACK, the webhook's answer), so
 * an event is never acknowledged and then lost. Batches run one at a time, so one process never
 * races itself for an alarm's row.
 */
export function alarmIngest(deps: {
  db: Kysely<DB>;
  clock: Clock;
  repo: AlarmsRepository;
  presenter: AlarmPresenter;
  live: LiveHub;
  types: { inForce(day: string): Promise<CatalogueEntry<AlarmTypeData>[]> };
  options?: IngestOptions;
}) {
  const { db, repo, presenter, live, clock } = deps;
  const maxBatch = deps.options?.maxBatch ?? 2000;
  const log = deps.options?.log ?? ((m: string, e?: unknown) => console.error(m, e ?? ''));
  const ctx = systemContext('alarm-ingest');
  const queue: Pending[] = [];
  let running: Promise<void> | null = null;
  let stopped = false;

  // Devices and facilities by code, kept a few seconds: a flood asks about the same few devices.
  const deviceCache = new Map<string, { at: number; device: IngestDevice | null }>();
  const facilityCache = new Map<string, { at: number; id: string | null }>();
  let typeCache: { at: number; types: Map<string, CatalogueEntry<AlarmTypeData>> } | null = null;

  async function typesNow() {
    const now = Date.now();
    if (!typeCache || typeCache.at < now - CACHE_MS) {
      const entries = await deps.types.inForce(localDay(clock.now(), 'UTC'));
      typeCache = { at: now, types: new Map(entries.map((e) => [e.code, e])) };
    }
    return typeCache.types;
  }

  async function devicesFor(pairs: { facilityCode: string; deviceCode: string }[]) {
    const now = Date.now();
    const key = (f: string, d: string) => `${f}\u0000${d}`;
    const wanted = new Map(pairs.map((p) => [key(p.facilityCode, p.deviceCode), p]));
    const missing = [...wanted.entries()].filter(([k]) => (deviceCache.get(k)?.at ?? 0) < now - CACHE_MS).map(([, p]) => p);
    if (missing.length) {
      const found = await repo.ingestDevices(missing);
      for (const p of missing) deviceCache.set(key(p.facilityCode, p.deviceCode), { at: now, device: null });
      for (const d of found) deviceCache.set(key(d.facility_code, d.code), { at: now, device: d });
    }
    return (f: string, d: string) => deviceCache.get(key(f, d))?.device ?? null;
  }

  async function facilityId(code: string | null) {
    if (!code) return null;
    const now = Date.now();
    const hit = facilityCache.get(code);
    if (hit && hit.at >= now - CACHE_MS) return hit.id;
    const f = await repo.facilityByCode(code);
    facilityCache.set(code, { at: now, id: f?.id ?? null });
    return f?.id ?? null;
  }

  /** Stores one batch; returns the counts per pending request and what changed. */
  async function store(batch: Pending[]) {
    const items = batch.flatMap((p) => p.items);
    const types = await typesNow();
    const quarantined: Quarantined[] = [];
    const valid: { item: IngestItem; device: IngestDevice; payload: DeviceEventPayload; owner: number }[] = [];

    // Read every message first: what cannot be taken goes to quarantine with its reason.
    const read: { item: IngestItem; owner: number; facilityCode: string; deviceCode: string; payload: DeviceEventPayload }[] = [];
    batch.forEach((p, owner) => {
      for (const item of p.items) {
        let facilityCode = item.facilityCode;
        let deviceCode = item.deviceCode;
        if (item.topic !== null) {
          const t = parseTopic(item.topic);
          if (!t) {
            quarantined.push({ item, reason: 'bad-topic', detail: 'expected vigil/<facility>/devices/<device>/events', facilityId: null, owner });
            continue;
          }
          facilityCode = t.facilityCode;
          deviceCode = t.deviceCode;
        }
        const parsed = item.parsed ?? parseMessage(item.raw);
        if (!parsed.ok) {
          quarantined.push({ item: { ...item, facilityCode, deviceCode }, reason: parsed.reason, detail: parsed.detail, facilityId: null, owner });
          continue;
        }
        if (UNSTORABLE.test(JSON.stringify(parsed.payload))) {
          quarantined.push({ item: { ...item, facilityCode, deviceCode }, reason: 'invalid-payload', detail: 'NUL characters or broken surrogate pairs', facilityId: null, owner });
          continue;
        }
        read.push({ item, owner, facilityCode: facilityCode!, deviceCode: deviceCode!, payload: parsed.payload });
      }
    });
    const deviceOf = await devicesFor(read.map((r) => ({ facilityCode: r.facilityCode, deviceCode: r.deviceCode })));
    for (const r of read) {
      const device = deviceOf(r.facilityCode, r.deviceCode);
      const item = { ...r.item, facilityCode: r.facilityCode, deviceCode: r.deviceCode };
      if (!device) {
        const fid = await facilityId(r.facilityCode);
        quarantined.push({ item, reason: fid ? 'unknown-device' : 'unknown-facility', detail: `${r.facilityCode}/${r.deviceCode}`, facilityId: fid, owner: r.owner });
      } else if (!device.active) {
        quarantined.push({ item, reason: 'inactive-device', detail: `${r.facilityCode}/${r.deviceCode}`, facilityId: device.facility_id, owner: r.owner });
      } else if (r.payload.type !== TELEMETRY_TYPE && !types.has(r.payload.type)) {
        quarantined.push({ item, reason: 'unknown-type', detail: r.payload.type, facilityId: device.facility_id, owner: r.owner });
      } else {
        valid.push({ item: r.item, device, payload: r.payload, owner: r.owner });
      }
    }

    const now = clock.now();
    // One per device and key within the batch too: a replay may arrive twice in the same batch.
    const seen = new Set<string>();
    const unique = valid.filter((v) => {
      const k = `${v.device.id}\u0000${v.payload.id}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });

    const result = await runWrite(db, ctx, async (w) => {
      const trx = w.trx;
      const inserted = unique.length
        ? (
            await sql<{ id: string; device_id: string; event_key: string }>`
              insert into alarm_device_events (device_id, facility_id, event_key, type, condition, occurred_at, channel, data)
              select * from unnest(
                ${unique.map((v) => v.device.id)}::uuid[], ${unique.map((v) => v.device.facility_id)}::uuid[], ${unique.map((v) => v.payload.id)}::text[],
                ${unique.map((v) => v.payload.type)}::text[], ${unique.map((v) => v.payload.condition)}::text[],
                ${unique.map((v) => (v.payload.at ? new Date(v.payload.at) : now).toISOString())}::timestamptz[],
                ${unique.map((v) => v.item.channel)}::text[], ${unique.map((v) => (v.payload.data ? JSON.stringify(v.payload.data) : null))}::jsonb[])
              on conflict (device_id, event_key) do nothing
              returning id, device_id, event_key`.execute(trx)
          ).rows
        : [];
      const stored = new Set(inserted.map((r) => `${r.device_id}\u0000${r.event_key}`));
      const idOf = new Map(inserted.map((r) => [`${r.device_id}\u0000${r.event_key}`, r.id]));
      const accepted = unique.filter((v) => stored.has(`${v.device.id}\u0000${v.payload.id}`));

      // Flood grouping: a batch's events per device and type fold into one alarm.
      const alarmEvents = accepted.filter((v) => v.payload.type !== TELEMETRY_TYPE);
      const devices = new Map(alarmEvents.map((v) => [v.device.id, v.device]));
      const groups = foldEvents(alarmEvents.map((v) => ({ deviceId: v.device.id, type: v.payload.type, condition: v.payload.condition, at: v.payload.at ? new Date(v.payload.at) : now })));
      const changed: AlarmRow[] = [];
      if (groups.length) {
        const open = await trx
          .selectFrom('alarms')
          .selectAll()
          .where('state', '<>', 'resolved')
          .where((eb) => eb.or(groups.map((g) => eb.and([eb('device_id', '=', g.deviceId), eb('type_code', '=', g.type)]))))
          .forUpdate()
          .execute();
        const openOf = new Map(open.map((a) => [`${a.device_id}\u0000${a.type_code}`, a]));
        const folds: { id: string; events: number; condition: string }[] = [];
        const conditionChanged: AlarmRow[] = [];
        const eventAlarm: { eventId: string; alarmId: string }[] = [];
        const eventsOf = (g: { deviceId: string; type: string }) =>
          alarmEvents.filter((v) => v.device.id === g.deviceId && v.payload.type === g.type).map((v) => idOf.get(`${v.device.id}\u0000${v.payload.id}`)!);
        for (const g of groups) {
          const existing = openOf.get(`${g.deviceId}\u0000${g.type}`);
          if (existing) {
            // Folding events into an open alarm is the device's doing, not an operator's: the
            // version (what an operator's change is checked against) stays, so a flood never
            // turns an operator's acknowledgement into an edit conflict.
            folds.push({ id: existing.id, events: g.events, condition: g.condition });
            for (const eventId of eventsOf(g)) eventAlarm.push({ eventId, alarmId: existing.id });
          } else if (g.anyRaised) {
            const type = types.get(g.type)!;
            const device = devices.get(g.deviceId)!;
            const row = await trx
              .insertInto('alarms')
              .values({
                facility_id: device.facility_id,
                device_id: device.id,
                location_id: device.location_id,
                type_code: g.type,
                type_entry_id: type.id,
                priority: type.data.priority,
                condition: g.condition,
                state: 'new',
                event_count: g.events,
                raised_at: now,
                last_event_at: now,
                cleared_at: g.condition === 'cleared' ? now : null,
              })
              .returningAll()
              .executeTakeFirstOrThrow();
            await trx
              .insertInto('alarm_steps')
              .values(type.data.sop.map((s, i) => ({ alarm_id: row.id, position: i + 1, code: s.code, mandatory: s.mandatory })))
              .execute();
            await repo.recordAction(trx, row.id, 'raised', null, null);
            await w.publish({ type: 'alarm.raised', entityId: row.id, facilityId: row.facility_id, payload: { alarmId: row.id, deviceId: row.device_id, type: row.type_code, priority: row.priority } });
            changed.push(row);
            for (const eventId of eventsOf(g)) eventAlarm.push({ eventId, alarmId: row.id });
          }
        }
        if (folds.length) {
          const folded = (
            await sql<AlarmRow>`
              update alarms a set event_count = a.event_count + f.events, last_event_at = ${now}, condition = f.condition,
                     cleared_at = case when f.condition = 'cleared' then ${now}::timestamptz else null end, updated_at = ${now}
                from unnest(${folds.map((f) => f.id)}::uuid[], ${folds.map((f) => f.events)}::int[], ${folds.map((f) => f.condition)}::text[]) as f(id, events, condition)
               where a.id = f.id
              returning a.*`.execute(trx)
          ).rows;
          for (const row of folded) {
            changed.push(row);
            if (row.condition !== openOf.get(`${row.device_id}\u0000${row.type_code}`)?.condition) conditionChanged.push(row);
          }
          await publishMany(
            trx,
            'alarm.changed',
            conditionChanged.map((r) => ({ entityId: r.id, facilityId: r.facility_id, payload: { alarmId: r.id, state: r.state, condition: r.condition } })),
          );
        }
        if (eventAlarm.length) {
          await sql`update alarm_device_events e set alarm_id = m.alarm_id
                      from unnest(${eventAlarm.map((m) => m.eventId)}::bigint[], ${eventAlarm.map((m) => m.alarmId)}::uuid[]) as m(id, alarm_id)
                     where e.id = m.id`.execute(trx);
        }
      }

      if (quarantined.length) {
        await trx
          .insertInto('alarm_quarantine')
          .values(
            quarantined.map((q) => ({
              channel: q.item.channel,
              topic: q.item.topic,
              facility_id: q.facilityId,
              facility_code: q.item.facilityCode?.slice(0, 40) ?? null,
              device_code: q.item.deviceCode?.slice(0, 60) ?? null,
              reason: q.reason,
              detail: q.detail,
              payload: cut(q.item.raw).replace(new RegExp(UNSTORABLE.source, 'g'), '\uFFFD'),
            })),
          )
          .execute();
      }
      const seenDevices = [...new Set(accepted.map((v) => v.device.id))];
      if (seenDevices.length) await trx.updateTable('alarm_devices').set({ last_seen_at: now }).where('id', 'in', seenDevices).execute();

      const facilities = [...new Set([...valid.map((v) => v.device.facility_id), ...quarantined.map((q) => q.facilityId).filter((f): f is string => !!f)])];
      await w.audit({
        action: 'alarm.events-ingested',
        entityType: 'alarm-device',
        entityId: seenDevices[0] ?? valid[0]?.device.id ?? undefined,
        facilityId: facilities.length === 1 ? facilities[0] : null,
        after: { channels: [...new Set(items.map((i) => i.channel))], messages: items.length, accepted: accepted.length, duplicates: valid.length - accepted.length, quarantined: quarantined.length, alarms: changed.length },
      });
      return { accepted, changed, facilities };
    });

    // Counts per request: a request's duplicates are its valid events that were not stored now.
    const acceptedKeys = new Set(result.accepted.map((v) => v.item));
    const perOwner = batch.map(() => ({ accepted: 0, duplicates: 0, quarantined: 0 }));
    for (const v of valid) perOwner[v.owner]![acceptedKeys.has(v.item) ? 'accepted' : 'duplicates']++;
    for (const q of quarantined) perOwner[q.owner]!.quarantined++;
    return { perOwner, changed: result.changed, accepted: result.accepted, facilities: result.facilities, quarantined: quarantined.length, valid: valid.length };
  }

  async function announce(out: Awaited<ReturnType<typeof store>>) {
    if (live.size === 0) return;
    let alarms: Alarm[] = [];
    if (out.changed.length) {
      // The last row of each alarm in the batch is how it stands now.
      const last = new Map(out.changed.map((r) => [r.id, r]));
      alarms = await presenter.many([...last.values()]);
      live.emit({ kind: 'alarms', alarms });
    }
    live.emit({
      kind: 'ingest',
      facilityIds: out.facilities,
      accepted: out.accepted.length,
      duplicates: out.valid - out.accepted.length,
      quarantined: out.quarantined,
      keys: out.accepted.map((v) => v.payload.id),
    });
  }

  async function drain() {
    while (queue.length && !stopped) {
      const batch: Pending[] = [];
      let n = 0;
      while (queue.length && (n === 0 || n + queue[0]!.items.length <= maxBatch)) {
        const p = queue.shift()!;
        batch.push(p);
        n += p.items.length;
      }
      try {
        const t0 = performance.now();
        const out = await store(batch);
        if (process.env.VIGIL_ALARMS_TRACE) console.log(`vigil: ${n} device messages stored in ${(performance.now() - t0).toFixed(1)} ms`);
        batch.forEach((p, i) => p.resolve(out.perOwner[i]!));
        await announce(out).catch((err) => log('vigil: alarms could not be announced to the console', err));
      } catch (err) {
        // Nothing was stored, so nothing is acknowledged: MQTT messages are sent again by the broker, a webhook is told to retry.
        for (const p of batch) p.reject(err);
        log('vigil: a batch of device events could not be stored', err);
      }
    }
  }

  function kick() {
    if (!running) running = drain().finally(() => (running = null));
    return running;
  }

  return {
    /** Queues messages; settles once they are stored (or refused), with what happened to them. */
    submit(items: IngestItem[]): Promise<IngestResult> {
      if (stopped) return Promise.reject(new Error('the alarm ingest has stopped'));
      return new Promise<IngestResult>((resolve, reject) => {
        queue.push({ items, resolve, reject });
        // A microtask later, so messages parsed from one network read join the same batch.
        queueMicrotask(() => void kick());
      });
    },
    /** Settles when everything queued so far is stored. */
    async idle() {
      while (running || queue.length) await (running ?? kick());
    },
    async stop() {
      await this.idle().catch(() => {});
      stopped = true;
    },
    forgetDevices() {
      deviceCache.clear();
    },
    get queued() {
      return queue.reduce((n, p) => n + p.items.length, 0);
    },
  };
}
export type AlarmIngest = ReturnType<typeof alarmIngest>;
