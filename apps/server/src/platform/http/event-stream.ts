import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** How often a quiet stream sends a comment, so proxies and the browser keep it open. */
const HEARTBEAT_MS = 15_000;

export interface EventStream {
  /** One event; `data` goes out as JSON on one line. Ignored once the stream has ended. */
  send(event: string, data: unknown): void;
  end(): void;
  /** Settles when the stream has ended, from either side. */
  readonly closed: Promise<void>;
}

/**
 * Streams of one app, so that closing the app ends them: an open stream would otherwise hold the
 * server's close until its client went away.
 */
export function eventStreams(app: FastifyInstance) {
  const open = new Set<EventStream>();
  app.addHook('preClose', async () => {
    for (const s of open) s.end();
  });

  return {
    /**
     * Answers with a server-sent event stream (text/event-stream). The body goes out through
     * Fastify's own send, so the security headers and the request id are set as on any response.
     */
    open(reply: FastifyReply): EventStream {
      const body = new PassThrough();
      let ended = false;
      let settle!: () => void;
      const closed = new Promise<void>((resolve) => (settle = resolve));
      const heartbeat = setInterval(() => body.write(': keep-alive\n\n'), HEARTBEAT_MS);
      const stream: EventStream = {
        send(event, data) {
          if (!ended) body.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
        },
        end() {
          if (ended) return;
          ended = true;
          clearInterval(heartbeat);
          open.delete(stream);
          body.end();
          settle();
        },
        closed,
      };
      open.add(stream);
      // The client went away (tab closed, network lost).
      reply.raw.on('close', () => stream.end());
      void reply
        .header('content-type', 'text/event-stream; charset=utf-8')
        .header('cache-control', 'no-store')
        // A reverse proxy must pass each event on as it comes, not buffer the response.
        .header('x-accel-buffering', 'no')
        .send(body);
      return stream;
    },
  };
}
