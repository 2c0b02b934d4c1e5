import pg from 'pg';
import type { Database } from '../db/connect.ts';
import { listenConnection } from '../db/listen-connection.ts';
import type { EventEnvelope } from './event-types.ts';
import { EVENTS_CHANNEL } from './outbox.ts';

export interface NoticeHandlers {
  /** An event committed, in this process or another. */
  heard(envelope: EventEnvelope): void;
  /** (Re)connected: notices may have been missed while down, so whatever is pending is looked for. */
  resumed(): void;
  log(message: string): void;
}

/**
 * Hears the events committed on the database (`publish` announces them at commit). PostgreSQL: a
 * connection of its own, reconnected when lost, like the write notices (write-listener.ts).
 * PGlite: one process and one session, which hears its own notices, so every pooled connection
 * listens (the pool keeps one, and opens a new one after an idle one is closed).
 */
export async function listenForEvents(database: Pick<Database, 'kind' | 'pool'>, on: NoticeHandlers): Promise<{ close(): Promise<void> }> {
  const onNotification = (m: pg.Notification) => {
    if (m.channel !== EVENTS_CHANNEL || !m.payload) return;
    try {
      on.heard(JSON.parse(m.payload) as EventEnvelope);
    } catch (err) {
      on.log(`vigil: an event notice could not be read (${(err as Error).message})`);
    }
  };
  return database.kind === 'postgres' ? listenOnOwnConnection(database.pool.options, onNotification, on) : listenOnPool(database.pool, onNotification);
}

async function listenOnPool(pool: pg.Pool, onNotification: (m: pg.Notification) => void) {
  const listening = new WeakSet<pg.PoolClient>();
  const attach = async (client: pg.PoolClient) => {
    if (listening.has(client)) return;
    listening.add(client);
    client.on('notification', onNotification);
    await client.query(`listen ${EVENTS_CHANNEL}`);
  };
  const onConnect = (client: pg.PoolClient) => void attach(client).catch(() => listening.delete(client));
  pool.on('connect', onConnect);
  const client = await pool.connect();
  try {
    await attach(client);
  } finally {
    client.release();
  }
  return {
    // The listening connection is ended here, quietly: the embedded database's socket server
    // drops a connection that has listened abruptly when the pool ends it at close, which the
    // pool would report as a lost connection. The pool opens a fresh one if it is used again.
    async close() {
      pool.off('connect', onConnect);
      const client = await pool.connect();
      client.off('notification', onNotification);
      client.on('error', () => {});
      client.release(true);
    },
  };
}

function listenOnOwnConnection(options: pg.PoolConfig, onNotification: (m: pg.Notification) => void, on: NoticeHandlers) {
  return listenConnection(options, EVENTS_CHANNEL, {
    notice: (payload) => onNotification({ channel: EVENTS_CHANNEL, payload, processId: 0 }),
    resumed: () => on.resumed(),
    lost: (why) => on.log(`vigil: lost the database event notices (${why}); reconnecting`),
  });
}
