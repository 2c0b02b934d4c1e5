import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { AlarmIngest } from './alarms.ingest.ts';
import { TOPIC_FILTER } from './alarms.rules.ts';

export interface MqttIngestOptions {
  url: string;
  /** Stable across restarts: the broker keeps the session (subscription and unacknowledged messages) under it. */
  clientId: string;
  /** Subscribe to this filter instead of every facility's (tests use their own prefix-free filters). */
  topicFilter?: string;
  /** How long the broker keeps the session while we are away (default a day). */
  sessionExpirySeconds?: number;
  log?: (message: string, err?: unknown) => void;
}

// Handed to mqtt.js instead of "done" so it goes on to the next packet without sending a PUBACK:
// the acknowledgement is sent by us, once the batch holding the message has committed.
const DEFERRED = Object.assign(new Error('acknowledged after the batch commits'), { deferred: true });

/**
 * The MQTT side of the ingest (docs/alarms.md "MQTT"): QoS 1 subscription on a persistent session
 * (clean: false, MQTT 5 session expiry), so messages published while Vigil or the broker was down
 * are delivered when both are back. mqtt.js reconnects by itself; the subscription is made again
 * whenever the broker did not keep the session. Each message is acknowledged only after the batch
 * that stored it committed; a message of a connection that has since dropped is not acknowledged
 * at all, and the broker sends it again (the idempotency key makes the second copy a duplicate).
 */
export function mqttIngest(ingest: AlarmIngest, opts: MqttIngestOptions) {
  const log = opts.log ?? ((m: string, e?: unknown) => console.error(m, e ?? ''));
  const filter = opts.topicFilter ?? TOPIC_FILTER;
  const options: IClientOptions = {
    clientId: opts.clientId,
    clean: false,
    protocolVersion: 5,
    // The broker may have this many messages unacknowledged with us: a flood goes into our batches,
    // not into the broker's queue (whose limit would drop messages).
    properties: { sessionExpiryInterval: opts.sessionExpirySeconds ?? 24 * 3600, receiveMaximum: 65_535 },
    reconnectPeriod: 1_000,
    connectTimeout: 5_000,
    resubscribe: false,
  };
  const client: MqttClient = mqtt.connect(opts.url, options);
  let connection = 0;
  let received = 0;
  let acknowledged = 0;
  let subscribed = false;
  let readyResolve!: () => void;
  const ready = new Promise<void>((resolve) => (readyResolve = resolve));

  client.on('connect', (connack) => {
    connection++;
    if (connack.sessionPresent && subscribed) return readyResolve();
    client.subscribe(filter, { qos: 1 }, (err) => {
      if (err) return log('vigil: could not subscribe to the device topics', err);
      subscribed = true;
      readyResolve();
    });
  });
  client.on('error', (err) => log(`vigil: MQTT ${err.message}`));
  client.on('offline', () => log('vigil: the MQTT broker is not reachable; reconnecting'));

  const sendAck = (messageId: number) => {
    const send = (client as unknown as { _sendPacket(p: object, cb?: () => void): void })._sendPacket.bind(client);
    send({ cmd: 'puback', messageId, reasonCode: 0 });
    acknowledged++;
  };

  client.handleMessage = (packet, callback) => {
    const topic = packet.topic;
    const raw = Buffer.isBuffer(packet.payload) ? packet.payload.toString('utf8') : String(packet.payload);
    const ofConnection = connection;
    const { messageId, qos } = packet;
    received++;
    ingest.submit([{ channel: 'mqtt', topic, facilityCode: null, deviceCode: null, raw }]).then(
      () => {
        if (qos === 0 || messageId === undefined) return;
        // Acknowledge only on the connection that brought it; after a reconnect the broker sends it again.
        if (ofConnection === connection && client.connected) sendAck(messageId);
      },
      () => {
        // Not stored: not acknowledged. Reconnecting makes the broker send it again.
        if (ofConnection === connection && client.connected) client.stream.destroy();
      },
    );
    if (qos === 0) callback();
    else callback(DEFERRED);
  };

  return {
    client,
    /** Settles once subscribed the first time. */
    ready,
    stats: () => ({ received, acknowledged, connected: client.connected }),
    async stop() {
      await ingest.idle().catch(() => {});
      await client.endAsync(false).catch(() => {});
    },
  };
}
export type MqttIngest = ReturnType<typeof mqttIngest>;
