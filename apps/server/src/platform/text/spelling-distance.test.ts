import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spellingDistance } from './spelling-distance.ts';

test('spelling distance: letters apart, in Latin, whatever the script or word order', () => {
  assert.equal(spellingDistance('Mukhammadiev Rustam', 'Мухаммадиев Рустам'), 0);
  assert.equal(spellingDistance('Mukhammadiev Rustam', 'Муҳаммадиев Рустам'), 1);
  assert.equal(spellingDistance('Mukhammadiev Rustam', 'Mohammadiev Rustam'), 2);
  assert.equal(spellingDistance('Rustam Mukhammadiev', 'Мухаммадиев Рустам'), 0);
  assert.equal(spellingDistance('Jusufova', 'Юсуфова'), 1);
  assert.ok(spellingDistance('Jusufova', 'Юсуфова') < spellingDistance('Jusufova', 'Жусуфова'));
  assert.equal(spellingDistance('Šarifī', 'Sharifi'), 1);
  assert.equal(spellingDistance('anything', '—'), Number.MAX_SAFE_INTEGER);
});
