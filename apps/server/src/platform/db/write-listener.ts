import pg from 'pg';
import { WRITES_CHANNEL, type TableWrites } from './table-writes.ts';

const RETRY_MS = 1_000;

/**
 * Listens for the tables other processes on the same PostgreSQL write (`TableWrites` announces
 * them at commit) and counts them here, so this process's caches drop what those writes made
 * stale: a user deactivated with the command line loses their sessions in the server at once.
 * While the listener is down, nothing is heard: on every (re)connection everything counts as
 * written, and the caches' lifetimes bound what was missed.
 */
export async function listenForWrites(connectionString: string, writes: TableWrites, log: (message: string) => void) {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  const lost = (c: pg.Client, why: string) => {
    if (client !== c) return;
    client = null;
    writes.count(['*']);
    if (closed) return;
    log(`vigil: lost the database write notices (${why}); reconnecting`);
    void c.end().catch(() => {});
    retry = setTimeout(() => void connect(), RETRY_MS);
  };

  async function connect() {
    const c = new pg.Client({ connectionString });
    c.on('notification', (m) => {
      if (m.channel === WRITES_CHANNEL && m.payload) writes.count(m.payload.split(','));
    });
    c.on('error', (err) => lost(c, err.message));
    c.on('end', () => lost(c, 'connection ended'));
    client = c;
    try {
      await c.connect();
      await c.query(`listen ${WRITES_CHANNEL}`);
      writes.count(['*']);
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
