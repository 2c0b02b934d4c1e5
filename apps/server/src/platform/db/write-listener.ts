import { listenConnection } from './listen-connection.ts';
import { WRITES_CHANNEL, type TableWrites } from './table-writes.ts';

/**
 * Listens for the tables other processes on the same PostgreSQL write (`TableWrites` announces
 * them at commit) and counts them here, so this process's caches drop what those writes made
 * stale: a user deactivated with the command line loses their sessions in the server at once.
 * While the listener is down, nothing is heard: on every (re)connection everything counts as
 * written, and the caches' lifetimes bound what was missed.
 */
export function listenForWrites(connectionString: string, writes: TableWrites, log: (message: string) => void) {
  return listenConnection(connectionString, WRITES_CHANNEL, {
    notice: (payload) => writes.count(payload.split(',')),
    resumed: () => writes.count(['*']),
    lost(why) {
      writes.count(['*']);
      log(`vigil: lost the database write notices (${why}); reconnecting`);
    },
  });
}
