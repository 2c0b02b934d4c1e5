import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TFunction } from 'i18next';
import { ApiProblem } from '../../api/client.ts';
import { readFileRefusal } from './problem-fields.ts';

const t = ((key: string) => key) as unknown as TFunction;

test('a refused file save names its fields by problem code, in the reader language, and the alert keeps no bare path', () => {
  const error = new ApiProblem({
    type: 'x',
    title: 'Check the file',
    status: 422,
    code: 'validation',
    detail: 'file.identity.dateOfBirth',
    errors: [{ path: 'body.file.identity.dateOfBirth', message: 'birth-in-future' }],
  });
  const refusal = readFileRefusal(t, 'tg')(error);
  assert.match(refusal.fieldErrors['file.identity.dateOfBirth'] ?? '', /.+/);
  assert.notEqual(refusal.fieldErrors['file.identity.dateOfBirth'], 'fieldErrors.invalid');
  assert.ok(refusal.alert instanceof ApiProblem);
  assert.equal(refusal.alert.problem.detail, undefined);
  assert.equal(refusal.alert.problem.title, 'Check the file');
});

test('an intake refusal drops the "data." before its paths', () => {
  const error = new ApiProblem({ type: 'x', title: 'No', status: 422, code: 'validation', errors: [{ path: 'body.data.identity.sex', message: 'x' }] });
  assert.deepEqual(Object.keys(readFileRefusal(t, 'en', 'data.')(error).fieldErrors), ['identity.sex']);
});
