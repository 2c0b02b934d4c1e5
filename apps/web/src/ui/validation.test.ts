import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TFunction } from 'i18next';
import { BulkCellsBody, CreateIntakeBody, CreateLocationBody, NAME_MAX } from '@vigil/contracts';
import { birthInFuture, lengthLimitNote, problemBesideFieldOnly, problemFieldErrors, validate } from './validation.ts';

// Stands in for i18next: returns the key, so the test sees which message was chosen.
const t = ((key: string) => key) as unknown as TFunction;

test('forms are checked with the same contract the server uses, with messages from the catalogue', () => {
  const result = validate(CreateLocationBody, { parentId: null, kind: 'wing', code: 'bad code!', name: '' }, t);
  assert.equal(result.data, null);
  assert.deepEqual(result.errors, { code: 'fieldErrors.code-format', name: 'fieldErrors.required' });
});

test('a valid body comes back parsed, with the contract defaults filled in', () => {
  const result = validate(
    BulkCellsBody,
    { landingId: '3f1c2a43-1a8e-4c39-9d1e-5b7cf1f0a001', firstNumber: 1, count: 12, baselineCapacity: 2, operationalCapacity: 3, sexDesignation: 'male', securityLevel: 'medium' },
    t,
  );
  assert.equal(result.errors, null);
  assert.equal(result.data?.digits, 2);
  assert.equal(result.data?.prefix, '');
});

test('too many cells at once is refused before anything is sent', () => {
  const result = validate(
    BulkCellsBody,
    { landingId: '3f1c2a43-1a8e-4c39-9d1e-5b7cf1f0a001', firstNumber: 1, count: 500, baselineCapacity: 2, operationalCapacity: 3, sexDesignation: 'male', securityLevel: 'medium' },
    t,
  );
  assert.deepEqual(result.errors, { count: 'fieldErrors.tooBig' });
});

test('a name over the contract limit says "at most N characters", and so does an input that has reached it', () => {
  const long = 'Қ'.repeat(NAME_MAX + 1);
  const result = validate(CreateIntakeBody, { familyName: long, givenName: 'Умед' }, ((key: string, o?: { max: string }) => `${key}:${o?.max}`) as unknown as TFunction);
  assert.deepEqual(result.errors, { familyName: `fieldErrors.tooLong:${NAME_MAX}` });
  assert.equal(lengthLimitNote('Қ'.repeat(NAME_MAX), NAME_MAX, t), 'fieldErrors.tooLong');
  assert.equal(lengthLimitNote('Саидов', NAME_MAX, t), undefined);
});

test('a date of birth after today is refused before anything is sent', () => {
  const now = new Date(2026, 11, 3);
  assert.equal(birthInFuture('2026-12-04', t, now), 'fieldErrors.birth-in-future');
  assert.equal(birthInFuture('2026-12-03', t, now), undefined);
  assert.equal(birthInFuture('', t, now), undefined);
});

test("the server's field errors land on their fields, and a problem about one field marks it too", () => {
  const problem = {
    type: 'about:blank',
    title: 'This code is already used here.',
    status: 409,
    code: 'duplicate-code',
    errors: [
      { path: 'body.names.en', message: 'too_small' },
      { path: 'body.code', message: 'alert-code-format' },
      { path: 'body.names.en', message: 'second message for the same field' },
    ],
  };
  assert.deepEqual(problemFieldErrors(problem, t), { 'names.en': 'fieldErrors.invalid', code: 'fieldErrors.alert-code-format' });
  assert.deepEqual(problemFieldErrors(problem, t, { 'duplicate-code': { field: 'code' } }).code, 'This code is already used here.');
  assert.deepEqual(problemFieldErrors(problem, t, { 'duplicate-code': { field: 'code', message: 'taken' } }).code, 'taken');
  assert.deepEqual(problemFieldErrors({ ...problem, code: 'edit-conflict', errors: undefined }, t, { 'duplicate-code': { field: 'code' } }), {});
});

test('a problem marked besideOnly is said beside its field alone; others also above the buttons', () => {
  const problem = { type: 'about:blank', status: 422, code: 'alert-dates', title: 'The end date is before the start date.' };
  const fields = { 'alert-dates': { field: 'endsOn', message: 'ends before it starts', besideOnly: true } };
  assert.equal(problemBesideFieldOnly(problem, fields), true);
  assert.deepEqual(problemFieldErrors(problem, t, fields), { endsOn: 'ends before it starts' });
  assert.equal(problemBesideFieldOnly(problem, { 'alert-dates': { field: 'endsOn' } }), false);
  assert.equal(problemBesideFieldOnly({ ...problem, code: 'edit-conflict' }, fields), false);
  assert.equal(problemBesideFieldOnly(problem), false);
});
