import pg from 'pg';

const RETRY_MS = 1_000;

export interface ListenHandlers {
  /** A notice on the channel, with its payload. */
  notice(payload: string): void;
  /** (Re)connected and listening: anything announced while down was missed. */
  resumed(): void;
  /** Lost the connection; it is retried every second until closed. */
  lost(why: string): void;
}

/**
 * A PostgreSQL connection of its own that LISTENs on one channel and reconnects when lost: the
 * write notices of the caches (write-listener.ts) and the domain events (events/event-notices.ts)
 * both hear other processes this way.
 */
export async function listenConnection(config: string | pg.ClientConfig, channel: string, on: ListenHandlers): Promise<{ close(): Promise<void> }> {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  const lost = (c: pg.Client, why: string) => {
    if (client !== c) return;
    client = null;
    if (closed) return;
    on.lost(why);
    void c.end().catch(() => {});
    retry = setTimeout(() => void connect(), RETRY_MS);
  };

  async function connect() {
    const c = new pg.Client(typeof config === 'string' ? { connectionString: config } : config);
    c.on('notification', (m) => {
      if (m.channel === channel && m.payload) on.notice(m.payload);
    });
    c.on('error', (err) => lost(c, err.message));
    c.on('end', () => lost(c, 'connection ended'));
    client = c;
    try {
      await c.connect();
      await c.query(`listen ${channel}`);
      on.resumed();
    } catch (err) {
      lost(c, (err as Error).message);
    }
  }

  await connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
