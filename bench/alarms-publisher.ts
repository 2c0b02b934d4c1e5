// The alarm benchmark's device side, in a process of its own (the server has the other core):
// publishes `rate` device events a second for `seconds` over MQTT at QoS 1, each with a unique
// idempotency key carrying its send time (`<run>.<n>.<ms>`), spread over the devices and a mix of
// telemetry and alarm types; a share of keys is sent a second time (replays). Prints one JSON line.
import mqtt from 'mqtt';

const [url, facility, devicesArg, rateArg, secondsArg, replayArg, run] = process.argv.slice(2);
const devices = devicesArg!.split(',');
const rate = Number(rateArg);
const seconds = Number(secondsArg);
const replayShare = Number(replayArg);
const TYPES = ['state', 'state', 'state', 'state', 'door-held', 'perimeter', 'tamper', 'state'];

const client = await mqtt.connectAsync(url!, { clientId: `vigil-bench-pub-${run}`, clean: true, reconnectPeriod: 500 });
let sent = 0;
let replays = 0;
const started = Date.now();
const tick = 10;
const pending: Promise<unknown>[] = [];
const recent: { topic: string; body: string }[] = [];
while (Date.now() - started < seconds * 1000) {
  const due = Math.floor(((Date.now() - started) / 1000) * rate) - sent;
  for (let i = 0; i < due; i++) {
    const n = sent++;
    const device = devices[n % devices.length]!;
    const topic = `vigil/${facility}/devices/${device}/events`;
    const body = JSON.stringify({ id: `${run}.${n}.${Date.now()}`, type: TYPES[n % TYPES.length], condition: n % 16 === 5 ? 'cleared' : 'raised' });
    pending.push(client.publishAsync(topic, body, { qos: 1 }));
    recent.push({ topic, body });
    if (recent.length > 100) recent.shift();
    if (replayShare > 0 && Math.random() < replayShare && recent.length > 10) {
      const again = recent[Math.floor(Math.random() * recent.length)]!;
      pending.push(client.publishAsync(again.topic, again.body, { qos: 1 }));
      replays++;
    }
  }
  if (pending.length > 20_000) await Promise.all(pending.splice(0));
  await new Promise((r) => setTimeout(r, tick));
}
await Promise.all(pending);
const elapsed = (Date.now() - started) / 1000;
await client.endAsync();
console.log(JSON.stringify({ sent, replays, seconds: elapsed }));
process.exit(0);
