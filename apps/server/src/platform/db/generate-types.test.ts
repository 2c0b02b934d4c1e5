import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enumFromCheck } from './generate-types.ts';

test('a check constraint listing values becomes the column’s allowed values', () => {
  assert.deepEqual(enumFromCheck("CHECK ((sex = ANY (ARRAY['male'::text, 'female'::text])))"), { column: 'sex', values: ['male', 'female'], array: false });
  assert.deepEqual(enumFromCheck("CHECK ((roles <@ ARRAY['officer'::text, 'o''brien'::text]))"), { column: 'roles', values: ['officer', "o'brien"], array: true });
});

test('other checks are not enums', () => {
  assert.equal(enumFromCheck('CHECK ((capacity >= 0))'), null);
  assert.equal(enumFromCheck('CHECK (((ends_on IS NULL) OR (ends_on >= starts_on)))'), null);
});
