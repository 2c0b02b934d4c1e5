import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AGE_BANDS } from '@vigil/contracts';
import { ageGroup } from '../prisoners/prisoners.rules.ts';
import { AGE_BAND_UPPER_BOUNDS, ageBand, emptyCounts, isOvercrowded, occupancyPercent, sumCounts } from './statistics.rules.ts';

test('age bands: under 18, 18–20, then decades from 21, and 60 and over', () => {
  const cases: [number, string][] = [
    [0, 'under-18'], [17, 'under-18'], [18, '18-20'], [20, '18-20'], [21, '21-29'], [29, '21-29'], [30, '30-39'],
    [39, '30-39'], [40, '40-49'], [49, '40-49'], [50, '50-59'], [59, '50-59'], [60, '60-plus'], [99, '60-plus'],
  ];
  for (const [age, band] of cases) assert.equal(ageBand(age), band, `age ${age}`);
});

test('the bands are the contract bands, in order, and never split a Rule 11 separation group', () => {
  assert.deepEqual([...AGE_BAND_UPPER_BOUNDS.map(([b]) => b), '60-plus'], [...AGE_BANDS]);
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 120 }), (a, b) => {
      // Two ages in one band are in one separation group (child / young adult / adult).
      if (ageBand(a) === ageBand(b)) assert.equal(ageGroup(a), ageGroup(b));
      // Bands never go backwards as age grows.
      if (a <= b) assert.ok(AGE_BANDS.indexOf(ageBand(a)) <= AGE_BANDS.indexOf(ageBand(b)));
    }),
  );
});

test('occupancy is a percentage of the baseline, to one decimal; no baseline, no percentage', () => {
  assert.equal(occupancyPercent(3, 2), 150);
  assert.equal(occupancyPercent(1, 3), 33.3);
  assert.equal(occupancyPercent(0, 4), 0);
  assert.equal(occupancyPercent(2, 0), null);
});

test('overcrowded means more people than the operational capacity, not the baseline', () => {
  assert.equal(isOvercrowded(3, 3), false);
  assert.equal(isOvercrowded(4, 3), true);
});

test('the total row adds every count of every facility', () => {
  const a = emptyCounts();
  a.total = 3;
  a.bySex.male = 2;
  a.byAgeBand['18-20'] = 1;
  const b = emptyCounts();
  b.total = 4;
  b.bySex.female = 4;
  b.byAgeBand['18-20'] = 2;
  b.extremismRelated = 1;
  const sum = sumCounts([a, b]);
  assert.equal(sum.total, 7);
  assert.deepEqual(sum.bySex, { male: 2, female: 4 });
  assert.equal(sum.byAgeBand['18-20'], 3);
  assert.equal(sum.extremismRelated, 1);
  assert.deepEqual(sumCounts([]), emptyCounts());
});
