import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, ApiProblem, newIdempotencyKey, setCsrfToken, setRequestLanguage, withQuery } from './client.ts';

// The fetch wrapper is tested against a stand-in for the network: what matters here is what it
// sends (headers, body) and how it reads problem+json, not a server.
const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
  setCsrfToken(null);
  setRequestLanguage('en');
});

function answer(status: number, body: unknown, seen: { url?: string; init?: RequestInit }[]) {
  globalThis.fetch = (async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });
  }) as typeof fetch;
}

test('writes carry the CSRF token and the interface language; reads carry no token', async () => {
  const seen: { url?: string; init?: RequestInit }[] = [];
  answer(200, { ok: true }, seen);
  setCsrfToken('tok-123');
  setRequestLanguage('tg');
  await api.post('/api/v1/auth/facility', { facilityId: 'x' });
  await api.get('/api/v1/facilities');
  const [post, get] = seen.map((s) => s.init!.headers as Record<string, string>);
  assert.equal(post!['X-CSRF-Token'], 'tok-123');
  assert.equal(post!['Accept-Language'], 'tg');
  assert.equal(seen[0]!.init!.body, JSON.stringify({ facilityId: 'x' }));
  assert.equal(seen[0]!.init!.credentials, 'same-origin');
  assert.equal(get!['X-CSRF-Token'], undefined);
});

test('a problem+json answer becomes an ApiProblem with its translated title and field errors', async () => {
  answer(409, { type: 'x', title: 'Кто-то другой изменил эту запись', status: 409, code: 'edit-conflict', errors: [{ path: 'body.code', message: 'code-format' }] }, []);
  const error = await api.put('/api/v1/locations/1', {}).catch((e: unknown) => e);
  assert.ok(error instanceof ApiProblem);
  assert.equal(error.code, 'edit-conflict');
  assert.equal(error.status, 409);
  assert.equal(error.message, 'Кто-то другой изменил эту запись');
  assert.deepEqual(error.fieldErrors(), { code: 'code-format' });
});

test('a network failure is an ApiProblem too, so screens have one kind of error to show', async () => {
  globalThis.fetch = (async () => {
    throw new TypeError('failed to fetch');
  }) as typeof fetch;
  const error = await api.get('/api/v1/dashboard').catch((e: unknown) => e);
  assert.ok(error instanceof ApiProblem);
  assert.equal(error.code, 'network');
});

test('query strings leave out empty filters', () => {
  assert.equal(withQuery('/api/v1/users', { q: '', role: null, includeInactive: undefined, limit: 50 }), '/api/v1/users?limit=50');
  assert.equal(withQuery('/api/v1/users', { q: 'Қодиров Ф' }), '/api/v1/users?q=%D2%9A%D0%BE%D0%B4%D0%B8%D1%80%D0%BE%D0%B2+%D0%A4');
});

test('an upload sends the file itself with its own type, and the CSRF token and language like any write', async () => {
  const seen: { url?: string; init?: RequestInit }[] = [];
  answer(201, { id: 'i-1' }, seen);
  setCsrfToken('tok-9');
  setRequestLanguage('ru');
  const file = new Blob(['a;b\r\n'], { type: 'text/csv' });
  assert.deepEqual(await api.upload('POST', '/api/v1/imports/prisoners?facilityId=f', file, 'text/csv'), { id: 'i-1' });
  const headers = seen[0]!.init!.headers as Record<string, string>;
  assert.equal(seen[0]!.init!.body, file);
  assert.equal(headers['Content-Type'], 'text/csv');
  assert.equal(headers['X-CSRF-Token'], 'tok-9');
  assert.equal(headers['Accept-Language'], 'ru');
});

const keyOf = (s: { init?: RequestInit }) => (s.init!.headers as Record<string, string>)['Idempotency-Key'];

test('every POST carries its own Idempotency-Key (a UUID); reads and PUTs carry none', async () => {
  const seen: { url?: string; init?: RequestInit }[] = [];
  answer(201, { id: 'a-1' }, seen);
  await api.post('/api/v1/prisoners/p/alerts', { code: 'self-harm' });
  await api.post('/api/v1/prisoners/p/alerts', { code: 'self-harm' });
  await api.upload('POST', '/api/v1/imports/prisoners?facilityId=f', new Blob(['x']), 'text/csv');
  await api.get('/api/v1/facilities');
  await api.put('/api/v1/locations/1', {});
  const keys = seen.map(keyOf);
  for (const key of keys.slice(0, 3)) assert.match(key!, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(new Set(keys.slice(0, 3)).size, 3);
  assert.deepEqual(keys.slice(3), [undefined, undefined]);
  assert.notEqual(newIdempotencyKey(), newIdempotencyKey());
});

test('a POST whose answer is lost is sent again with the same key, and a still-running first attempt is waited for', async () => {
  const seen: RequestInit[] = [];
  const answers: (() => Response)[] = [
    () => {
      throw new TypeError('failed to fetch');
    },
    () => new Response(JSON.stringify({ type: 'x', title: 'busy', status: 409, code: 'idempotency-key-in-flight' }), { status: 409 }),
    () => new Response(JSON.stringify({ id: 'a-1' }), { status: 201 }),
  ];
  globalThis.fetch = (async (_url: string, init: RequestInit) => {
    seen.push(init);
    return answers[seen.length - 1]!();
  }) as typeof fetch;
  assert.deepEqual(await api.post('/api/v1/prisoners/p/alerts', { code: 'self-harm' }), { id: 'a-1' });
  assert.equal(seen.length, 3);
  assert.equal(new Set(seen.map((init) => keyOf({ init }))).size, 1);
});

test('an edit conflict (409) is not retried: only our own still-running attempt is', async () => {
  let calls = 0;
  globalThis.fetch = (async () => {
    calls++;
    return new Response(JSON.stringify({ type: 'x', title: 'conflict', status: 409, code: 'edit-conflict' }), { status: 409 });
  }) as typeof fetch;
  const error = await api.post('/api/v1/facilities/f/deactivate', {}).catch((e: unknown) => e);
  assert.ok(error instanceof ApiProblem);
  assert.equal(error.code, 'edit-conflict');
  assert.equal(calls, 1);
});
