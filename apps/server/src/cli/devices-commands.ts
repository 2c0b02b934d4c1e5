import type { Command } from 'commander';
import { randomUUID } from 'node:crypto';
import mqtt from 'mqtt';
import { demoDevicePlan, type PlannedDevice } from '../modules/alarms/alarms.demo.ts';
import { topicFor } from '../modules/alarms/alarms.rules.ts';
import { buildDemoPlan } from '../modules/demo/demo.plan.ts';
import { CliFailure, withDatabase, type Io } from './runtime.ts';

interface SimDevice extends Pick<PlannedDevice, 'code' | 'kind' | 'types'> {
  facilityCode: string;
}

interface SimulateOptions {
  url: string;
  facility?: string;
  rate: string;
  duration: string;
  duress?: string;
  fire?: string;
  demoLayout?: boolean;
}

/** The devices to simulate: those registered in the database, or the demo's (when the database is held by the running server). */
async function devicesToSimulate(io: Io, opts: SimulateOptions): Promise<SimDevice[]> {
  const fromPlan = () =>
    buildDemoPlan(1).facilities.flatMap((f) => demoDevicePlan(f).map((d) => ({ code: d.code, kind: d.kind, types: d.types, facilityCode: f.code })));
  if (opts.demoLayout) return fromPlan();
  try {
    return await withDatabase({ existing: true }, async (database) =>
      (
        await database.db
          .selectFrom('alarm_devices as d')
          .innerJoin('facilities as f', 'f.id', 'd.facility_id')
          .select(['d.code', 'd.kind', 'f.code as facilityCode'])
          .where('d.active', '=', true)
          .execute()
      ).map((d) => ({ ...d, types: fromPlan().find((p) => p.code === d.code)?.types ?? defaultTypes(d.kind) })),
    );
  } catch (e) {
    io.err(`vigil: could not read the devices (${(e as Error).message.split('\n')[0]}); simulating the demo devices`);
    return fromPlan();
  }
}

const defaultTypes = (kind: string) =>
  ({ 'door-contact': ['door-held', 'door-forced'], 'duress-button': ['duress'], 'perimeter-sensor': ['perimeter', 'tamper'], 'fire-detector': ['fire'], 'alarm-panel': ['tamper', 'device-fault'] })[kind] ?? ['tamper'];

/**
 * One realistic event from a device: door contacts mostly open and shut (telemetry) and now and
 * then are held open or forced; perimeter zones raise and clear (wind, animals); a duress button
 * is very rarely pressed; detectors report faults. Fire is only sent when asked for.
 */
function nextEvent(d: SimDevice, r: () => number): { type: string; condition: 'raised' | 'cleared'; data?: Record<string, string | number | boolean> } {
  const x = r();
  switch (d.kind) {
    case 'door-contact':
      if (x < 0.9) return { type: 'state', condition: 'raised', data: { door: x < 0.45 ? 'open' : 'closed' } };
      if (x < 0.98) return { type: 'door-held', condition: r() < 0.5 ? 'raised' : 'cleared' };
      return { type: 'door-forced', condition: 'raised' };
    case 'perimeter-sensor':
      if (x < 0.7) return { type: 'state', condition: 'raised', data: { zone: 'secure' } };
      return { type: 'perimeter', condition: r() < 0.6 ? 'raised' : 'cleared' };
    case 'duress-button':
      if (x < 0.995) return { type: 'state', condition: 'raised', data: { battery: Math.round(80 + r() * 20) } };
      return { type: 'duress', condition: 'raised' };
    case 'fire-detector':
      return x < 0.99 ? { type: 'state', condition: 'raised', data: { smoke: false } } : { type: 'device-fault', condition: 'raised' };
    default:
      return x < 0.98 ? { type: 'state', condition: 'raised', data: { armed: true } } : { type: 'tamper', condition: r() < 0.5 ? 'raised' : 'cleared' };
  }
}

export function devicesCommands(program: Command, io: Io) {
  const devices = program.command('devices').description('Alarm devices (docs/alarms.md)');

  devices
    .command('simulate')
    .description('Publish realistic device traffic to the MQTT broker (door contacts, perimeter zones, duress buttons, detectors), or one duress or fire alarm')
    .option('--url <url>', 'MQTT broker', process.env.VIGIL_MQTT_URL && process.env.VIGIL_MQTT_URL !== 'off' ? process.env.VIGIL_MQTT_URL : 'mqtt://127.0.0.1:1883')
    .option('--facility <code>', 'only the devices of this facility (needed with --duress and --fire when codes repeat across facilities)')
    .option('--rate <n>', 'events a second across all devices', '5')
    .option('--duration <seconds>', 'how long to run (0: until stopped with Ctrl+C)', '60')
    .option('--duress <deviceCode>', 'press this duress button once and stop')
    .option('--fire <deviceCode>', 'raise a fire alarm on this detector once and stop')
    .option('--demo-layout', 'simulate the demo devices without reading the database')
    .action(async (opts: SimulateOptions) => {
      const rate = Number(opts.rate);
      const duration = Number(opts.duration);
      if (!Number.isFinite(rate) || rate <= 0 || rate > 100_000) throw new CliFailure(`--rate must be a number of events a second up to 100000, got "${opts.rate}"`);
      if (!Number.isFinite(duration) || duration < 0) throw new CliFailure(`--duration must be a number of seconds, got "${opts.duration}"`);
      const client = await mqtt.connectAsync(opts.url, { clientId: `vigil-simulator-${randomUUID().slice(0, 8)}`, connectTimeout: 5000, reconnectPeriod: 1000 }).catch((e: Error) => {
        throw new CliFailure(`cannot reach the MQTT broker at ${opts.url}: ${e.message}`);
      });
      const send = (facilityCode: string, deviceCode: string, body: object) => client.publishAsync(topicFor(facilityCode, deviceCode), JSON.stringify({ id: randomUUID(), at: new Date().toISOString(), ...body }), { qos: 1 });
      try {
        const oneShot = opts.duress ? { code: opts.duress, type: 'duress' } : opts.fire ? { code: opts.fire, type: 'fire' } : null;
        if (oneShot) {
          let facilityCode = opts.facility;
          if (!facilityCode) {
            const matches = (await devicesToSimulate(io, opts)).filter((d) => d.code === oneShot.code);
            if (matches.length !== 1) throw new CliFailure(`device ${oneShot.code} is ${matches.length === 0 ? 'not known' : 'in several facilities'}; name the facility with --facility`);
            facilityCode = matches[0]!.facilityCode;
          }
          await send(facilityCode, oneShot.code, { type: oneShot.type, condition: 'raised' });
          io.out(`${oneShot.type} raised on ${facilityCode}/${oneShot.code}`);
          return;
        }
        const all = (await devicesToSimulate(io, opts)).filter((d) => !opts.facility || d.facilityCode === opts.facility);
        if (all.length === 0) throw new CliFailure('no devices to simulate');
        io.out(`simulating ${all.length} devices at ${rate} events a second${duration ? ` for ${duration} s` : ''} on ${opts.url}`);
        const started = Date.now();
        let sent = 0;
        const byType = new Map<string, number>();
        let stop = false;
        const onSignal = () => (stop = true);
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        while (!stop && (duration === 0 || Date.now() - started < duration * 1000)) {
          const due = Math.floor(((Date.now() - started) / 1000) * rate) + 1 - sent;
          const sends: Promise<unknown>[] = [];
          for (let i = 0; i < Math.min(due, 5000); i++) {
            const d = all[Math.floor(Math.random() * all.length)]!;
            const e = nextEvent(d, Math.random);
            byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
            sends.push(send(d.facilityCode, d.code, e));
            sent++;
          }
          await Promise.all(sends);
          await new Promise((r) => setTimeout(r, Math.max(1, Math.min(100, 1000 / rate))));
        }
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        io.out(`sent ${sent} events: ${[...byType].map(([t, n]) => `${t} ${n}`).join(', ')}`);
      } finally {
        await client.endAsync();
      }
    });
}
