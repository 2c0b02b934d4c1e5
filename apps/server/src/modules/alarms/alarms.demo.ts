import { createHash } from 'node:crypto';
import type { AlarmTypeData, DeviceKind } from '@vigil/contracts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { inChunks, type DemoContext } from '../demo/demo-context.ts';
import type { PlannedFacility } from '../demo/demo.plan.ts';
import { seededRandom } from '../demo/random.ts';

/** Demo devices' webhook tokens are derived from their codes (documented in docs/alarms.md for trying webhooks). */
export const demoDeviceToken = (facilityCode: string, deviceCode: string) => createHash('sha256').update(`vigil-demo-device:${facilityCode}:${deviceCode}`).digest('base64url').slice(0, 32);
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface PlannedDevice {
  code: string;
  kind: DeviceKind;
  name: string;
  /** The place's path on the location tree (codes from the top, joined with "-"). */
  placePath: string;
  /** The alarm types it raises. */
  types: string[];
}
type DemoDevice = PlannedDevice & { placeId: string };

/**
 * The devices of a demo facility, from its planned tree alone (the simulator uses the same list
 * when it cannot read the database): a control-room panel, per building a duress button, a door
 * contact on the first wing's gate and a smoke detector, and three perimeter fence zones.
 */
export function demoDevicePlan(facility: Pick<PlannedFacility, 'places'>): PlannedDevice[] {
  const top = facility.places;
  const buildings = top.filter((p) => p.kind === 'building');
  const devices: PlannedDevice[] = [{ code: 'PANEL-1', kind: 'alarm-panel', name: 'Control room panel', placePath: top[0]!.code, types: ['tamper', 'device-fault'] }];
  for (const b of buildings) {
    const gate = b.children[0] ? `${b.code}-${b.children[0].code}` : b.code;
    devices.push({ code: `DUR-${b.code}`, kind: 'duress-button', name: `Duress button, ${b.code}`, placePath: b.code, types: ['duress'] });
    devices.push({ code: `DOOR-${b.code}-1`, kind: 'door-contact', name: `Landing gate, ${b.code}`, placePath: gate, types: ['door-held', 'door-forced'] });
    devices.push({ code: `FIRE-${b.code}`, kind: 'fire-detector', name: `Smoke detector, ${b.code}`, placePath: b.code, types: ['fire', 'device-fault'] });
  }
  for (let z = 1; z <= 3; z++) devices.push({ code: `PER-Z${z}`, kind: 'perimeter-sensor', name: `Perimeter fence zone ${z}`, placePath: top[z % top.length]!.code, types: ['perimeter', 'tamper'] });
  return devices;
}

const HISTORY_DAYS = 21;

/**
 * The demo control room: in every demo facility a panel, duress buttons and door contacts per
 * block, perimeter zones and fire detectors, registered against the places of its tree; three
 * weeks of alarms handled by the security staff (acknowledged, procedure done, resolved, with the
 * odd escalation), and a few still open so the console is alive on first sign-in. "Now" is the
 * newest admission of the plan (the seed's own clock), so the same seed gives the same rows.
 */
export async function seedDemoAlarms({ trx, ctx, plan, prisoners, ids }: DemoContext) {
  const random = seededRandom(0xa1a4);
  const now = prisoners.reduce((max, p) => (p.admittedAt > max ? p.admittedAt : max), new Date(0));
  const staff = await trx.selectFrom('users').select(['id', 'username']).where('username', 'in', ['security', 'senior', 'officer']).orderBy('username').execute();
  const operators = staff.length ? staff : [];
  const typeRows = await trx.selectFrom('catalogue_entries').select(['id', 'code', 'data']).where('catalogue', '=', 'alarm-types').where('version', '=', 1).execute();
  const types = new Map(typeRows.map((t) => [t.code, { id: t.id, data: t.data as AlarmTypeData }]));
  let devicesWritten = 0;
  let alarmsWritten = 0;

  for (const facility of plan.facilities) {
    const facilityId = ids.facilities.get(facility.code);
    const places = await trx.selectFrom('locations').select(['id', 'code', 'parent_id']).where('facility_id', '=', facilityId).execute();
    const byId = new Map(places.map((p) => [p.id, p]));
    const pathOf = (p: { code: string; parent_id: string | null }): string => (p.parent_id ? `${pathOf(byId.get(p.parent_id)!)}-${p.code}` : p.code);
    const idOfPath = new Map(places.map((p) => [pathOf(p), p.id]));
    const planned: DemoDevice[] = demoDevicePlan(facility).map((d) => ({ ...d, placeId: idOfPath.get(d.placePath)! }));
    const devices = await trx
      .insertInto('alarm_devices')
      .values(
        planned.map((d) => ({
          facility_id: facilityId,
          location_id: d.placeId,
          code: d.code,
          kind: d.kind,
          name: d.name,
          token_hash: hash(demoDeviceToken(facility.code, d.code)),
          last_seen_at: now,
          created_at: new Date(now.getTime() - 90 * 86_400_000),
          updated_at: new Date(now.getTime() - 90 * 86_400_000),
        })),
      )
      .returning(['id', 'code', 'location_id'])
      .execute();
    devicesWritten += devices.length;
    const deviceOf = new Map(devices.map((d) => [d.code, d]));

    // History: a few alarms a day, mostly door-held and perimeter nuisance, now and then a duress.
    const alarmRows: { alarm: Record<string, unknown>; steps: { position: number; code: string; mandatory: boolean; done_at: Date | null; done_by: string | null }[]; actions: { action: string; user_id: string | null; at: Date; note: string | null }[]; events: number }[] = [];
    for (let day = HISTORY_DAYS; day >= 0; day--) {
      const count = random.int(2, 6);
      for (let i = 0; i < count; i++) {
        const d = random.pick(planned);
        const typeCode = random.chance(0.1) && d.types.includes('duress') ? 'duress' : random.pick(d.types);
        if (typeCode === 'fire' && !random.chance(0.1)) continue;
        const type = types.get(typeCode)!;
        const raisedAt = new Date(now.getTime() - day * 86_400_000 - random.int(0, 86_000) * 1000);
        if (raisedAt > now) continue;
        const open = day === 0 && i < 2 && typeCode !== 'duress' && typeCode !== 'fire';
        const op = operators.length ? random.pick(operators) : null;
        const ackAt = new Date(raisedAt.getTime() + random.int(5, type.data.escalateAfterSeconds * 2) * 1000);
        const escalated = ackAt.getTime() - raisedAt.getTime() >= type.data.escalateAfterSeconds * 1000;
        const resolvedAt = new Date(ackAt.getTime() + random.int(60, 1200) * 1000);
        const events = random.int(1, typeCode === 'perimeter' ? 40 : 3);
        const state = open ? (i === 0 ? 'new' : 'acknowledged') : 'resolved';
        const cleared = !open || random.chance(0.5);
        alarmRows.push({
          alarm: {
            facility_id: facilityId,
            device_id: deviceOf.get(d.code)!.id,
            location_id: d.placeId,
            type_code: typeCode,
            type_entry_id: type.id,
            priority: type.data.priority,
            condition: cleared ? 'cleared' : 'raised',
            state,
            event_count: events,
            raised_at: raisedAt,
            last_event_at: new Date(raisedAt.getTime() + events * 1000),
            cleared_at: cleared ? new Date(raisedAt.getTime() + events * 1000 + 30_000) : null,
            acknowledged_at: state === 'new' || !op ? null : ackAt,
            acknowledged_by: state === 'new' || !op ? null : op.id,
            resolved_at: state === 'resolved' ? resolvedAt : null,
            resolved_by: state === 'resolved' && op ? op.id : null,
            resolution: state === 'resolved' ? random.pick(['Checked on camera: no threat', 'Officer attended; door secured', 'False alarm: wind on the fence', 'Response team attended; officer safe', 'Maintenance request logged']) : null,
            escalation_level: escalated && !open ? 1 : 0,
            created_at: raisedAt,
            updated_at: state === 'resolved' ? resolvedAt : raisedAt,
          },
          steps: type.data.sop.map((s, k) => ({
            position: k + 1,
            code: s.code,
            mandatory: s.mandatory,
            done_at: state === 'resolved' && (s.mandatory || random.chance(0.5)) ? new Date(ackAt.getTime() + (k + 1) * 30_000) : null,
            done_by: state === 'resolved' && op ? op.id : null,
          })),
          actions: [
            { action: 'raised', user_id: null, at: raisedAt, note: null },
            ...(escalated && !open ? [{ action: 'escalated', user_id: null, at: new Date(raisedAt.getTime() + type.data.escalateAfterSeconds * 1000), note: 'level 1' }] : []),
            ...(state !== 'new' && op ? [{ action: 'acknowledge', user_id: op.id, at: ackAt, note: null }] : []),
            ...(state === 'resolved' && op ? [{ action: 'resolve', user_id: op.id, at: resolvedAt, note: null }] : []),
          ],
          events,
        });
      }
    }
    for (const row of alarmRows) {
      const inserted = await trx.insertInto('alarms').values(row.alarm as never).returning(['id', 'raised_at']).executeTakeFirstOrThrow();
      await trx.insertInto('alarm_steps').values(row.steps.map((s) => ({ ...s, done_by: s.done_at ? s.done_by : null, alarm_id: inserted.id }))).execute();
      await trx.insertInto('alarm_actions').values(row.actions.map((a) => ({ ...a, alarm_id: inserted.id }))).execute();
      if ((row.alarm.escalation_level as number) > 0) {
        const t = types.get(row.alarm.type_code as string)!;
        await trx.insertInto('alarm_escalations').values({ alarm_id: inserted.id, level: 1, after_seconds: t.data.escalateAfterSeconds, escalated_at: new Date(inserted.raised_at.getTime() + t.data.escalateAfterSeconds * 1000) }).execute();
      }
      const device = row.alarm.device_id as string;
      const events = Array.from({ length: row.events }, (_, k) => ({
        device_id: device,
        facility_id: facilityId,
        event_key: `demo-${inserted.id}-${k}`,
        type: row.alarm.type_code as string,
        condition: 'raised' as const,
        occurred_at: new Date(inserted.raised_at.getTime() + k * 1000),
        received_at: new Date(inserted.raised_at.getTime() + k * 1000),
        channel: 'mqtt' as const,
        alarm_id: inserted.id,
      }));
      await inChunks(events, (chunk) => trx.insertInto('alarm_device_events').values(chunk).execute());
      alarmsWritten++;
    }
  }
  await appendAudit(trx, ctx, { action: 'demo.alarms-seeded', entityType: 'alarm', after: { devices: devicesWritten, alarms: alarmsWritten } });
}
