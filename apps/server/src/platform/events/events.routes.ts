import { z } from 'zod';
import type { App } from '../http/app-type.ts';
import { eventStreams } from '../http/event-stream.ts';
import { streamDomainEvents } from './event-stream-sse.ts';
import type { EventDispatcher } from './dispatcher.ts';

export function eventsRoutes(app: App, events: EventDispatcher) {
  const streams = eventStreams(app);

  app.get('/api/v1/events/stream', {
    config: { access: { permission: 'prisoners.read' } },
    schema: {
      tags: ['events'],
      summary:
        'Domain events as they happen, as server-sent events: a first `ready`, then one event per change (named by its type: prisoner.admitted, alert.raised, …) with what changed where as data (id, seq, type, entityType, entityId, facilityId, occurredAt). Only events of facilities in scope and kinds the user may read.',
      produces: ['text/event-stream'],
      response: { 200: z.string().describe('text/event-stream') },
    },
    handler: async (request, reply) => {
      streamDomainEvents(streams.open(reply), request.ctx.actor, events);
      return reply;
    },
  });
}
