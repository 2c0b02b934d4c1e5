import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { eventStreams } from './event-stream.ts';

async function serve() {
  const app = Fastify();
  await app.register(async (scope) => {
    const streams = eventStreams(scope);
    scope.get('/events', async (_request, reply) => {
      const stream = streams.open(reply);
      stream.send('progress', { processed: 1, total: 2 });
      return reply;
    });
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const res = await fetch(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}/events`);
  return { app, res, reader: res.body!.pipeThrough(new TextDecoderStream()).getReader() };
}

test('an event goes out at once in the text/event-stream format, uncached', async () => {
  const { app, res, reader } = await serve();
  assert.match(res.headers.get('content-type')!, /^text\/event-stream/);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  assert.equal((await reader.read()).value, 'event: progress\ndata: {"processed":1,"total":2}\n\n');
  await app.close();
});

test('closing the server ends the streams still open instead of waiting for their clients', async () => {
  const { app, reader } = await serve();
  await reader.read();
  const started = Date.now();
  await app.close();
  assert.ok(Date.now() - started < 2000, 'close does not wait for the client');
  assert.equal((await reader.read()).done, true);
});
