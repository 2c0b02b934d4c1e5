import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CreateAlertTypeBody, CreateUserBody, UpdateUserBody } from '@vigil/contracts';
import { getPath, isRequired, setPath } from './paths.ts';

test('a field is read and replaced by its dotted path, leaving the rest untouched', () => {
  const values = { code: 'x', names: { en: 'A', ru: 'Б' } };
  const next = setPath(values, 'names.ru', 'В');
  assert.deepEqual(next, { code: 'x', names: { en: 'A', ru: 'В' } });
  assert.equal(values.names.ru, 'Б');
  assert.equal(getPath(next, 'names.ru'), 'В');
  assert.equal(getPath(next, 'names.tg'), undefined);
});

test('fields the contract refuses empty are the required ones', () => {
  assert.equal(isRequired(CreateAlertTypeBody, 'code', ''), true);
  assert.equal(isRequired(CreateAlertTypeBody, 'names.tg', ''), true);
  assert.equal(isRequired(CreateAlertTypeBody, 'source', ''), true);
  assert.equal(isRequired(CreateAlertTypeBody, 'restrictedTo', []), false);
  assert.equal(isRequired(CreateUserBody, 'patronymic', ''), false);
  assert.equal(isRequired(CreateUserBody, 'roles', []), true);
  assert.equal(isRequired(CreateUserBody, 'username', ''), true);
  // The user name cannot be changed, so an edit's contract does not have it.
  assert.equal(isRequired(UpdateUserBody, 'username', ''), false);
  assert.equal(isRequired(undefined, 'code', ''), false);
});
