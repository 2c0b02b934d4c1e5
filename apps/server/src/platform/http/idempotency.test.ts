import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Problem } from '../errors.ts';
import { isFinalOutcome, parseIdempotencyKey } from './idempotency.ts';

test('an Idempotency-Key is a UUID-like token, bare or as a quoted structured-field string', () => {
  assert.equal(parseIdempotencyKey(undefined), null);
  assert.equal(parseIdempotencyKey('8e03978e-40d5-43e8-bc93-6894a57f9324'), '8e03978e-40d5-43e8-bc93-6894a57f9324');
  assert.equal(parseIdempotencyKey('"8e03978e-40d5-43e8-bc93-6894a57f9324"'), '8e03978e-40d5-43e8-bc93-6894a57f9324');
  assert.equal(parseIdempotencyKey('a'.repeat(255)), 'a'.repeat(255));
});

test('a malformed Idempotency-Key is a 400 problem, not ignored', () => {
  for (const bad of ['', 'short', 'a'.repeat(256), 'has space in it', 'кириллица-ключ', '"unterminated', 'semi;colon-key', ['one-key-1', 'two-key-2']]) {
    assert.throws(() => parseIdempotencyKey(bad), (e: unknown) => e instanceof Problem && e.code === 'idempotency-key-invalid' && e.status === 400, String(bad));
  }
});

test('2xx and 4xx outcomes are final and replayed; 5xx are not', () => {
  assert.deepEqual([200, 201, 204, 400, 409, 422, 499, 500, 503].map(isFinalOutcome), [true, true, true, true, true, true, true, false, false]);
});
