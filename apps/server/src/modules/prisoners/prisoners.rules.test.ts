import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addTerm, ageGroup, releaseDates, separationCategory } from './prisoners.rules.ts';

const sentence = (startDate: string, years: number, months = 0, days = 0, remandDays = 0, earlyReleaseDays = 0) =>
  ({ court: null, startDate, years, months, days, remandDays, earlyReleaseDays });

test('Rule 11 age groups: child below 18, young adult below 21, adult from 21', () => {
  assert.deepEqual([17, 18, 20, 21].map(ageGroup), ['child', 'young-adult', 'young-adult', 'adult']);
  assert.deepEqual(separationCategory({ sex: 'female', legalStatus: 'untried', dateOfBirth: '2008-01-01' }, '2025-12-31'), {
    sex: 'female', legalStatus: 'untried', ageGroup: 'child',
  });
});

test('terms add years, then months (clamped to the month end), then days', () => {
  assert.equal(addTerm('2024-01-31', { years: 0, months: 1, days: 0 }), '2024-02-29');
  assert.equal(addTerm('2023-01-31', { years: 1, months: 1, days: 0 }), '2024-02-29');
  assert.equal(addTerm('2020-03-10', { years: 5, months: 0, days: 10 }), '2025-03-20');
});

test('remand counts towards the sentence; early release shortens only the earliest date', () => {
  assert.deepEqual(releaseDates([sentence('2020-01-01', 5, 0, 0, 100, 365)]), { latest: '2024-09-23', earliest: '2023-09-24' });
});

test('concurrent sentences: the one that ends last decides', () => {
  const r = releaseDates([sentence('2020-01-01', 2), sentence('2021-01-01', 3)]);
  assert.equal(r.latest, '2024-01-01');
});

test('no sentence, no release dates', () => {
  assert.deepEqual(releaseDates([]), { earliest: null, latest: null });
});
