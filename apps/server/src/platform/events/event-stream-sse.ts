import type { Actor } from '../access/actor.ts';
import type { EventStream } from '../http/event-stream.ts';
import type { EventDispatcher } from './dispatcher.ts';
import { mayHear } from './events.rules.ts';

/**
 * Streams the events this actor may hear, as they commit, until the stream ends. Each goes out as
 * an event named by its type with the envelope as data; a first `ready` says the stream is
 * listening, so a client knows from when it hears everything.
 */
export function streamDomainEvents(stream: EventStream, actor: Actor, events: Pick<EventDispatcher, 'listen'>): void {
  const stop = events.listen((envelope) => {
    if (mayHear(actor, envelope)) stream.send(envelope.type, envelope);
  });
  void stream.closed.then(stop);
  stream.send('ready', {});
}
