import type { Alarm } from '@vigil/contracts';

/** What the console hears as it happens: alarms as they now stand, and what each ingest batch took. */
export type LiveMessage =
  | { kind: 'alarms'; alarms: Alarm[] }
  | { kind: 'ingest'; facilityIds: string[]; accepted: number; duplicates: number; quarantined: number; keys: string[] };

/**
 * The console's fast path (docs/alarms.md "Live console"): after an ingest batch or an operator's
 * change commits, the alarms it touched go straight to every open console stream of this process,
 * without a round trip through the outbox. The domain events (alarm.raised, alarm.changed) are
 * still written in the same transaction for subscribers and other processes.
 */
export function liveHub() {
  const listeners = new Set<(m: LiveMessage) => void>();
  return {
    listen(l: (m: LiveMessage) => void): () => void {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    emit(m: LiveMessage) {
      for (const l of listeners) {
        try {
          l(m);
        } catch {
          // a listener's failure (a closed stream) never stops the others
        }
      }
    },
    get size() {
      return listeners.size;
    },
  };
}
export type LiveHub = ReturnType<typeof liveHub>;
