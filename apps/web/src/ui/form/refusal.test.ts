import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TFunction } from 'i18next';
import { ApiProblem } from '../../api/client.ts';
import { readRefusal, saveButtonTestId } from './refusal.ts';

const t = ((key: string) => key) as unknown as TFunction;

test('the save button is named after the form unless a name is given', () => {
  assert.equal(saveButtonTestId('alert-type-form'), 'alert-type-save');
  assert.equal(saveButtonTestId('bulk-cells-form', 'bulk-save'), 'bulk-save');
  assert.equal(saveButtonTestId(undefined, 'correct-save'), 'correct-save');
  assert.equal(saveButtonTestId(), undefined);
});

test('by default a refusal marks the fields it names and the alert shows the whole problem', () => {
  const error = new ApiProblem({ type: 'x', title: 'Code taken', status: 409, code: 'duplicate-code', errors: [{ path: 'body.names.en', message: 'control-characters' }] });
  const refusal = readRefusal(error, t, { 'duplicate-code': { field: 'code' } });
  assert.deepEqual(refusal.fieldErrors, { 'names.en': 'fieldErrors.control-characters', code: 'Code taken' });
  assert.equal(refusal.alert, error);
});

test('a network failure marks no field', () => {
  assert.deepEqual(readRefusal(new Error('offline'), t).fieldErrors, {});
});

test('a problem said beside its field only is marked there and left out of the alert', () => {
  const error = new ApiProblem({ type: 'x', title: 'Ends before it starts', status: 422, code: 'alert-ends-before-start' });
  const refusal = readRefusal(error, t, { 'alert-ends-before-start': { field: 'endsOn', besideOnly: true } });
  assert.deepEqual(refusal.fieldErrors, { endsOn: 'Ends before it starts' });
  assert.equal(refusal.alert, null);
});
