import type { Kysely } from 'kysely';
import type { Alarm, AlarmNames, AlarmTypeData, DeviceKind } from '@vigil/contracts';
import { systemContext } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/db.ts';
import type { DB } from '../../platform/db/schema.ts';
import { locationQueries } from '../locations/index.ts';
import type { AlarmRow, AlarmsRepository } from './alarms.repository.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const TTL_MS = 30_000;

/**
 * Turns alarm rows into what the console shows, with the device, the place's path and the type's
 * names. Versions of a type never change, and devices and places rarely, so they are kept a short
 * while: presenting a flood's alarms costs one query for the rows, not one per alarm.
 */
export function alarmPresenter(db: Kysely<DB>, repo: AlarmsRepository) {
  const system = systemContext('alarms').actor;
  const places = locationQueries(db);
  const typeVersions = new Map<string, { code: string; version: number; names: AlarmNames; data: AlarmTypeData }>();
  const devices = new Map<string, { at: number; code: string; name: string; kind: DeviceKind }>();
  const paths = new Map<string, { at: number; path: string }>();
  const users = new Map<string, string>();

  async function load(rows: readonly AlarmRow[], trx: Db) {
    const now = Date.now();
    const missingTypes = [...new Set(rows.map((r) => r.type_entry_id))].filter((id) => !typeVersions.has(id));
    if (missingTypes.length) {
      const entries = await trx.selectFrom('catalogue_entries').select(['id', 'code', 'version', 'data']).where('id', 'in', missingTypes).execute();
      for (const e of entries) {
        const data = e.data as AlarmTypeData;
        typeVersions.set(e.id, { code: e.code, version: e.version, names: data.names, data });
      }
    }
    const missingDevices = [...new Set(rows.map((r) => r.device_id))].filter((id) => (devices.get(id)?.at ?? 0) < now - TTL_MS);
    for (const d of await repo.devicePresentation(missingDevices, trx)) devices.set(d.id, { at: now, code: d.code, name: d.name, kind: d.kind });
    for (const id of [...new Set(rows.map((r) => r.location_id))]) {
      if ((paths.get(id)?.at ?? 0) >= now - TTL_MS) continue;
      const place = await places.find(system, id, trx);
      paths.set(id, { at: now, path: place?.path ?? '' });
    }
    const missingUsers = [...new Set(rows.flatMap((r) => [r.acknowledged_by, r.resolved_by]).filter((u): u is string => !!u && !users.has(u)))];
    for (const u of await repo.usernames(missingUsers, trx)) users.set(u.id, u.username);
  }

  const one = (r: AlarmRow): Alarm => {
    const type = typeVersions.get(r.type_entry_id)!;
    const device = devices.get(r.device_id)!;
    return {
      id: r.id,
      facilityId: r.facility_id,
      deviceId: r.device_id,
      deviceCode: device.code,
      deviceName: device.name,
      deviceKind: device.kind,
      locationId: r.location_id,
      locationPath: paths.get(r.location_id)?.path ?? '',
      type: { code: type.code, version: type.version, names: type.names },
      priority: r.priority,
      condition: r.condition,
      state: r.state,
      shelvedUntil: iso(r.shelved_until),
      eventCount: r.event_count,
      raisedAt: r.raised_at.toISOString(),
      lastEventAt: r.last_event_at.toISOString(),
      clearedAt: iso(r.cleared_at),
      acknowledgedAt: iso(r.acknowledged_at),
      acknowledgedBy: r.acknowledged_by ? (users.get(r.acknowledged_by) ?? null) : null,
      resolvedAt: iso(r.resolved_at),
      resolvedBy: r.resolved_by ? (users.get(r.resolved_by) ?? null) : null,
      resolution: r.resolution,
      escalationLevel: r.escalation_level,
      version: r.version,
    };
  };

  return {
    async many(rows: readonly AlarmRow[], trx: Db = db): Promise<Alarm[]> {
      await load(rows, trx);
      return rows.map(one);
    },
    async present(row: AlarmRow, trx: Db = db): Promise<Alarm> {
      await load([row], trx);
      return one(row);
    },
    /** The type version an alarm was raised under (its procedure's texts). */
    async typeOf(entryId: string, trx: Db = db) {
      if (!typeVersions.has(entryId)) await load([{ type_entry_id: entryId } as AlarmRow].slice(0, 0), trx);
      if (!typeVersions.has(entryId)) {
        const e = await trx.selectFrom('catalogue_entries').select(['id', 'code', 'version', 'data']).where('id', '=', entryId).executeTakeFirstOrThrow();
        const data = e.data as AlarmTypeData;
        typeVersions.set(e.id, { code: e.code, version: e.version, names: data.names, data });
      }
      return typeVersions.get(entryId)!;
    },
    forgetDevice(id: string) {
      devices.delete(id);
    },
  };
}
export type AlarmPresenter = ReturnType<typeof alarmPresenter>;
