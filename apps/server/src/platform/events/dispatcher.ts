import type { Transaction } from 'kysely';
import type { Database } from '../db/connect.ts';
import type { DB } from '../db/schema.ts';
import type { DomainEvent, DomainEventType, EventEnvelope } from './event-types.ts';
import { listenForEvents } from './event-notices.ts';
import { lockSubscriber, markHandled, pendingEvents, wasHandled } from './delivery.repository.ts';

/** How often every subscriber looks for what it has not handled, whatever it heard. */
const CATCH_UP_MS = 30_000;
const BATCH = 100;

/**
 * Handles one event. Its writes go through `trx`, the transaction in which the event is marked
 * handled: both happen, or neither. On the embedded database the handler must not use any other
 * connection (there is one, and the transaction holds it).
 */
export type EventHandler<T extends DomainEventType> = (event: DomainEvent<T>, trx: Transaction<DB>) => Promise<void>;

interface Subscriber {
  name: string;
  types: ReadonlySet<string>;
  handler: EventHandler<DomainEventType>;
  /** The round of deliveries under way, if any. */
  round: Promise<void> | null;
  /** Heard of more while a round was under way: go round again. */
  again: boolean;
}

type Outcome = 'handled' | 'busy' | 'failed';

type Log = (message: string, err?: unknown) => void;

export interface DispatcherOptions {
  catchUpEveryMs?: number;
  log?: Log;
}

/**
 * Delivers committed events to the subscribers registered in this process, each event once per
 * subscriber even across crashes and processes (docs/adr/008-domain-events.md), and to live
 * listeners (server-sent event streams), which get what is heard while they listen and no more.
 */
export function eventDispatcher(database: Pick<Database, 'db' | 'kind' | 'pool'>, opts: DispatcherOptions = {}) {
  const { db } = database;
  const subscribers = new Map<string, Subscriber>();
  const live = new Set<(envelope: EventEnvelope) => void>();
  let log: Log = opts.log ?? ((message: string, err?: unknown) => console.error(message, err ?? ''));
  let state: 'new' | 'running' | 'stopped' = 'new';
  let notices: { close(): Promise<void> } | null = null;
  let timer: NodeJS.Timeout | null = null;

  async function deliverOne(s: Subscriber, event: DomainEvent): Promise<Outcome> {
    try {
      return await db.transaction().execute(async (trx): Promise<Outcome> => {
        if (!(await lockSubscriber(trx, s.name))) return 'busy';
        // Another process may have handled it between our look and our lock.
        if (await wasHandled(trx, s.name, event.id)) return 'handled';
        await s.handler(event, trx);
        await markHandled(trx, s.name, event.id);
        return 'handled';
      });
    } catch (err) {
      log(`vigil: subscriber ${s.name} failed on event ${event.type} ${event.id}; it is retried later`, err);
      return 'failed';
    }
  }

  /** Everything pending, oldest first; stops at a failure so the subscriber sees its events in order. */
  async function deliverPending(s: Subscriber) {
    for (;;) {
      const pending = await pendingEvents(db, s.name, [...s.types], BATCH);
      for (const event of pending) {
        if (state !== 'running') return;
        // Busy: another process is delivering to this subscriber, and will deliver this too.
        if ((await deliverOne(s, event)) !== 'handled') return;
      }
      if (pending.length < BATCH) return;
    }
  }

  function kick(s: Subscriber): Promise<void> {
    if (state !== 'running') return Promise.resolve();
    if (s.round) {
      s.again = true;
      return s.round;
    }
    s.round = (async () => {
      do {
        s.again = false;
        await deliverPending(s).catch((err) => log(`vigil: could not look for events pending for ${s.name}`, err));
      } while (s.again && state === 'running');
    })().finally(() => (s.round = null));
    return s.round;
  }

  const catchUp = () => Promise.all([...subscribers.values()].map(kick)).then(() => {});

  return {
    /**
     * Registers a subscriber under a name that stays the same from release to release: what it
     * has handled is recorded under that name. It is offered every event of these types it has
     * not handled, the ones before it was registered included.
     */
    subscribe<T extends DomainEventType>(name: string, types: readonly T[], handler: EventHandler<T>) {
      if (subscribers.has(name)) throw new Error(`event subscriber ${name} is registered twice`);
      const s: Subscriber = { name, types: new Set(types), handler: handler as EventHandler<DomainEventType>, round: null, again: false };
      subscribers.set(name, s);
      void kick(s);
    },

    /** Calls `listener` with each event committed from now until the returned function is called. */
    listen(listener: (envelope: EventEnvelope) => void): () => void {
      live.add(listener);
      return () => live.delete(listener);
    },

    /** Starts hearing events, and delivers what was missed while no dispatcher ran. */
    async start(logTo?: Log) {
      if (state !== 'new') return;
      state = 'running';
      if (logTo) log = logTo;
      notices = await listenForEvents(database, {
        heard(envelope) {
          for (const l of live) l(envelope);
          for (const s of subscribers.values()) if (s.types.has(envelope.type)) void kick(s);
        },
        resumed: () => void catchUp(),
        log: (message) => log(message),
      });
      timer = setInterval(() => void catchUp(), opts.catchUpEveryMs ?? CATCH_UP_MS);
      timer.unref();
      await catchUp();
    },

    /** Delivers everything pending now (also what the timer does); settles when done. */
    catchUp,

    /** Stops after the event each subscriber is handling; what is left is delivered by the next start. */
    async stop() {
      if (state === 'stopped') return;
      state = 'stopped';
      if (timer) clearInterval(timer);
      live.clear();
      await notices?.close();
      await Promise.all([...subscribers.values()].map((s) => s.round));
    },
  };
}
export type EventDispatcher = ReturnType<typeof eventDispatcher>;
