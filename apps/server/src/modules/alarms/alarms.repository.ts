import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Actor } from '../../platform/access/actor.ts';
import { facilityScope } from '../../platform/access/facility-scope.ts';
import type { Db } from '../../platform/db/db.ts';
import type { AlarmDevices, Alarms, DB } from '../../platform/db/schema.ts';

export type DeviceRow = Selectable<AlarmDevices>;
export type AlarmRow = Selectable<Alarms>;

export interface IngestDevice {
  id: string;
  facility_id: string;
  location_id: string;
  active: boolean;
  facility_code: string;
  code: string;
}

/** Queries of the alarm console, each within the actor's facility scope (ingest runs as the system). */
export function alarmsRepository(db: Kysely<DB>) {
  return {
    // ---- Devices ----
    devices(actor: Actor, facilityId: string | undefined, trx: Db = db) {
      let q = trx
        .selectFrom('alarm_devices as d')
        .innerJoin('facilities as f', 'f.id', 'd.facility_id')
        .selectAll('d')
        .select('f.code as facility_code')
        .where(facilityScope(actor, 'd.facility_id'));
      if (facilityId) q = q.where('d.facility_id', '=', facilityId);
      return q.orderBy('f.code').orderBy('d.code').execute();
    },
    findDevice(actor: Actor, id: string, trx: Db = db) {
      return trx
        .selectFrom('alarm_devices as d')
        .innerJoin('facilities as f', 'f.id', 'd.facility_id')
        .selectAll('d')
        .select('f.code as facility_code')
        .where('d.id', '=', id)
        .where(facilityScope(actor, 'd.facility_id'))
        .executeTakeFirst();
    },
    lockDevice(actor: Actor, id: string, trx: Transaction<DB>) {
      return trx.selectFrom('alarm_devices').selectAll().where('id', '=', id).where(facilityScope(actor, 'facility_id')).forUpdate().executeTakeFirst();
    },
    insertDevice(trx: Transaction<DB>, values: { facility_id: string; location_id: string; code: string; kind: DeviceRow['kind']; name: string; token_hash: string }) {
      return trx.insertInto('alarm_devices').values(values).returningAll().executeTakeFirstOrThrow();
    },
    updateDevice(trx: Transaction<DB>, id: string, version: number, values: Partial<{ location_id: string; name: string; active: boolean; token_hash: string }>) {
      return trx
        .updateTable('alarm_devices')
        .set({ ...values, version: version + 1, updated_at: new Date() })
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst();
    },
    /** Devices by facility code and device code, for the ingest (any facility: the device is the credential). */
    ingestDevices(pairs: readonly { facilityCode: string; deviceCode: string }[], trx: Db = db): Promise<IngestDevice[]> {
      if (pairs.length === 0) return Promise.resolve([]);
      return trx
        .selectFrom('alarm_devices as d')
        .innerJoin('facilities as f', 'f.id', 'd.facility_id')
        .select(['d.id', 'd.facility_id', 'd.location_id', 'd.active', 'f.code as facility_code', 'd.code'])
        .where((eb) => eb.or(pairs.map((p) => eb.and([eb('f.code', '=', p.facilityCode), eb('d.code', '=', p.deviceCode)]))))
        .execute();
    },
    deviceByCode(facilityCode: string, deviceCode: string, trx: Db = db) {
      return trx
        .selectFrom('alarm_devices as d')
        .innerJoin('facilities as f', 'f.id', 'd.facility_id')
        .select(['d.id', 'd.facility_id', 'd.location_id', 'd.active', 'f.code as facility_code', 'd.code', 'd.token_hash'])
        .where('f.code', '=', facilityCode)
        .where('d.code', '=', deviceCode)
        .executeTakeFirst();
    },
    facilityByCode(code: string, trx: Db = db) {
      return trx.selectFrom('facilities').select(['id', 'code']).where('code', '=', code).executeTakeFirst();
    },
    devicePresentation(ids: readonly string[], trx: Db = db) {
      if (ids.length === 0) return Promise.resolve([]);
      return trx.selectFrom('alarm_devices').select(['id', 'code', 'name', 'kind']).where('id', 'in', ids).execute();
    },

    // ---- Alarms ----
    alarms(actor: Actor, q: { facilityId?: string; status: 'open' | 'resolved' | 'all'; priority?: string; type?: string; limit: number }, trx: Db = db) {
      let query = trx.selectFrom('alarms').selectAll().where(facilityScope(actor, 'facility_id'));
      if (q.facilityId) query = query.where('facility_id', '=', q.facilityId);
      if (q.status === 'open') query = query.where('state', '<>', 'resolved');
      if (q.status === 'resolved') query = query.where('state', '=', 'resolved');
      if (q.priority) query = query.where('priority', '=', q.priority as AlarmRow['priority']);
      if (q.type) query = query.where('type_code', '=', q.type);
      return query
        .orderBy(sql`case priority when 'critical' then 0 when 'high' then 1 when 'medium' then 2 else 3 end`)
        .orderBy('raised_at', 'desc')
        .limit(q.limit)
        .execute();
    },
    findAlarm(actor: Actor, id: string, trx: Db = db) {
      return trx.selectFrom('alarms').selectAll().where('id', '=', id).where(facilityScope(actor, 'facility_id')).executeTakeFirst();
    },
    lockAlarm(actor: Actor, id: string, trx: Transaction<DB>) {
      return trx.selectFrom('alarms').selectAll().where('id', '=', id).where(facilityScope(actor, 'facility_id')).forUpdate().executeTakeFirst();
    },
    updateAlarm(trx: Transaction<DB>, id: string, version: number, values: Partial<Omit<AlarmRow, 'id' | 'version'>>) {
      return trx
        .updateTable('alarms')
        .set({ ...values, version: version + 1, updated_at: new Date() })
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst();
    },
    /**
     * A change the system makes on its own (escalation, the end of shelving): the version, which
     * operators' changes are checked against, stays, so an operator acknowledging an alarm as it
     * escalates is not refused as an edit conflict.
     */
    touchAlarm(trx: Transaction<DB>, id: string, values: Partial<Omit<AlarmRow, 'id' | 'version'>>) {
      return trx.updateTable('alarms').set({ ...values, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirst();
    },
    alarmsByIds(ids: readonly string[], trx: Db = db) {
      if (ids.length === 0) return Promise.resolve([]);
      return trx.selectFrom('alarms').selectAll().where('id', 'in', ids).execute();
    },
    steps(alarmId: string, trx: Db = db) {
      return trx
        .selectFrom('alarm_steps as s')
        .leftJoin('users as u', 'u.id', 's.done_by')
        .select(['s.position', 's.code', 's.mandatory', 's.done_at', 's.note', 'u.username as done_by'])
        .where('s.alarm_id', '=', alarmId)
        .orderBy('s.position')
        .execute();
    },
    completeStep(trx: Transaction<DB>, alarmId: string, position: number, userId: string, note: string | null) {
      return trx
        .updateTable('alarm_steps')
        .set({ done_at: new Date(), done_by: userId, note })
        .where('alarm_id', '=', alarmId)
        .where('position', '=', position)
        .where('done_at', 'is', null)
        .executeTakeFirst();
    },
    escalations(alarmId: string, trx: Db = db) {
      return trx.selectFrom('alarm_escalations').selectAll().where('alarm_id', '=', alarmId).orderBy('level').execute();
    },
    actions(alarmId: string, trx: Db = db) {
      return trx
        .selectFrom('alarm_actions as a')
        .leftJoin('users as u', 'u.id', 'a.user_id')
        .select(['a.action', 'a.at', 'a.note', 'u.username'])
        .where('a.alarm_id', '=', alarmId)
        .orderBy('a.id')
        .execute();
    },
    recordAction(trx: Transaction<DB>, alarmId: string, action: string, userId: string | null, note: string | null) {
      return trx.insertInto('alarm_actions').values({ alarm_id: alarmId, action, user_id: userId, note }).execute();
    },
    usernames(ids: readonly string[], trx: Db = db) {
      if (ids.length === 0) return Promise.resolve([]);
      return trx.selectFrom('users').select(['id', 'username']).where('id', 'in', ids).execute();
    },
    /** Alarms still new (unacknowledged) and not shelved: what the escalation job looks at. */
    unacknowledged(trx: Db = db) {
      return trx
        .selectFrom('alarms')
        .selectAll()
        .where('state', '=', 'new')
        .where((eb) => eb.or([eb('shelved_until', 'is', null), eb('shelved_until', '<=', new Date())]))
        .execute();
    },
    /** Alarms whose shelving has run out. */
    shelvingOver(now: Date, trx: Db = db) {
      return trx.selectFrom('alarms').selectAll().where('shelved_until', 'is not', null).where('shelved_until', '<=', now).where('state', '<>', 'resolved').execute();
    },
    countByTypeEntry(ids: readonly string[], trx: Db = db) {
      if (ids.length === 0) return Promise.resolve([]);
      return trx.selectFrom('alarms').select(['type_entry_id']).select((eb) => eb.fn.countAll<string>().as('n')).where('type_entry_id', 'in', ids).groupBy('type_entry_id').execute();
    },

    // ---- Quarantine, flood and rate ----
    quarantine(actor: Actor, q: { facilityId?: string; limit: number }, trx: Db = db) {
      let query = trx.selectFrom('alarm_quarantine').selectAll();
      // Messages that named no facility we know are seen only by staff of every facility.
      query = actor.facilities === 'all' ? query : query.where(facilityScope(actor, 'facility_id'));
      if (q.facilityId) query = query.where('facility_id', '=', q.facilityId);
      return query.orderBy('received_at', 'desc').limit(q.limit).execute();
    },
    floodGroups(actor: Actor, facilityId: string | undefined, since: Date, trx: Db = db) {
      let q = trx
        .selectFrom('alarm_device_events as e')
        .innerJoin('alarm_devices as d', 'd.id', 'e.device_id')
        .select(['d.code as device_code', 'e.type'])
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .select((eb) => eb.fn.count<string>('e.alarm_id').as('folded'))
        .where('e.received_at', '>=', since)
        .where(facilityScope(actor, 'e.facility_id'));
      if (facilityId) q = q.where('e.facility_id', '=', facilityId);
      return q.groupBy(['d.code', 'e.type']).orderBy(sql`count(*)`, 'desc').execute();
    },
    raisedSince(actor: Actor, facilityId: string | undefined, since: Date, trx: Db = db) {
      let q = trx.selectFrom('alarms').select(['raised_at']).where('raised_at', '>=', since).where(facilityScope(actor, 'facility_id'));
      if (facilityId) q = q.where('facility_id', '=', facilityId);
      return q.execute();
    },
    operatorActions(actor: Actor, facilityId: string | undefined, since: Date, trx: Db = db) {
      let q = trx
        .selectFrom('alarm_actions as a')
        .innerJoin('alarms as al', 'al.id', 'a.alarm_id')
        .innerJoin('users as u', 'u.id', 'a.user_id')
        .select(['u.username'])
        .select((eb) => eb.fn.count<string>('a.alarm_id').distinct().as('handled'))
        .where('a.at', '>=', since)
        .where(facilityScope(actor, 'al.facility_id'));
      if (facilityId) q = q.where('al.facility_id', '=', facilityId);
      return q.groupBy('u.username').execute();
    },
  };
}
export type AlarmsRepository = ReturnType<typeof alarmsRepository>;
