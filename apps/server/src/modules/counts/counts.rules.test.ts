import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { countUnitOf, expectedByUnit, isDiscrepancy, mayClose, resolveEntry, sessionStatus, type EntryState, type TreePlace } from './counts.rules.ts';

// A pre-trial centre in miniature: block A with two wings, block B (women) with landings and no
// wing, a medical unit with wards, a yard.
const places: TreePlace[] = [
  { id: 'A', parentId: null, kind: 'building', active: true },
  { id: 'A1', parentId: 'A', kind: 'wing', active: true },
  { id: 'A1-1', parentId: 'A1', kind: 'landing', active: true },
  { id: 'A1-1-101', parentId: 'A1-1', kind: 'cell', active: true },
  { id: 'A1-1-102', parentId: 'A1-1', kind: 'cell', active: true },
  { id: 'A2', parentId: 'A', kind: 'wing', active: true },
  { id: 'A2-1', parentId: 'A2', kind: 'landing', active: true },
  { id: 'A2-1-101', parentId: 'A2-1', kind: 'cell', active: true },
  { id: 'B', parentId: null, kind: 'building', active: true },
  { id: 'B-1', parentId: 'B', kind: 'landing', active: true },
  { id: 'B-1-101', parentId: 'B-1', kind: 'cell', active: true },
  { id: 'MED', parentId: null, kind: 'healthcare', active: true },
  { id: 'MED-W01', parentId: 'MED', kind: 'cell', active: true },
  { id: 'Y1', parentId: null, kind: 'yard', active: true },
  { id: 'C', parentId: null, kind: 'building', active: true },
  { id: 'C1', parentId: 'C', kind: 'wing', active: true },
  { id: 'C1-1', parentId: 'C1', kind: 'landing', active: true },
  { id: 'C1-1-101', parentId: 'C1-1', kind: 'cell', active: false },
];

test('cells are counted in their wing; cells outside any wing in the top-level place that holds them', () => {
  const unit = countUnitOf(places);
  assert.equal(unit.get('A1-1-102'), 'A1');
  assert.equal(unit.get('A2-1-101'), 'A2');
  assert.equal(unit.get('A1'), 'A1');
  assert.equal(unit.get('B-1-101'), 'B');
  assert.equal(unit.get('MED-W01'), 'MED');
  assert.equal(unit.get('A'), 'A');
});

test('the units of a count are those that hold an active cell, with the prisoners present in each', () => {
  const expected = expectedByUnit(places, new Map([['A1-1-101', 2], ['A1-1-102', 3], ['B-1-101', 1]]));
  assert.deepEqual(Object.fromEntries(expected), { A1: 5, A2: 0, B: 1, MED: 0 });
});

test('someone placed outside any cell still makes their place a unit (nobody is left uncounted)', () => {
  const expected = expectedByUnit(places, new Map([['Y1', 1], ['C1-1-101', 2]]));
  assert.equal(expected.get('Y1'), 1);
  assert.equal(expected.get('C1'), 2, 'a closed cell with people in it is still counted');
});

const entry = (expected: number, counted: number, resolution: EntryState['resolution'] = null): EntryState => ({ expected, counted, resolution });

test('a count that differs from the roll is a discrepancy until explained or recounted to the right number', () => {
  const wrong = entry(12, 11);
  assert.ok(isDiscrepancy(wrong));
  assert.ok(!isDiscrepancy(entry(12, 12)));
  const explained = resolveEntry(wrong, { resolution: 'explained', reason: 'one at the medical unit, seen there' }, 'senior', new Date());
  assert.ok(!isDiscrepancy(explained));
  assert.equal(explained.counted, 11);
  assert.equal(explained.resolution?.previousCount, 11);
  const recountedRight = resolveEntry(wrong, { resolution: 'recount', counted: 12, reason: 'recounted' }, 'senior', new Date());
  assert.ok(!isDiscrepancy(recountedRight));
  assert.equal(recountedRight.counted, 12);
  assert.equal(recountedRight.resolution?.previousCount, 11);
  const recountedWrong = resolveEntry(wrong, { resolution: 'recount', counted: 10, reason: 'recounted' }, 'senior', new Date());
  assert.ok(isDiscrepancy(recountedWrong), 'a recount that still differs is still a discrepancy');
});

test('session status follows its entries; closing needs every unit counted and no discrepancy', () => {
  assert.equal(sessionStatus([]), 'open');
  assert.equal(sessionStatus([entry(3, 3), entry(4, 5)]), 'discrepancy');
  const units = ['A1', 'A2'];
  assert.equal(mayClose(units, new Map([['A1', entry(3, 3)]])), false, 'A2 not counted');
  assert.equal(mayClose(units, new Map([['A1', entry(3, 3)], ['A2', entry(4, 5)]])), false, 'A2 differs');
  const explained = resolveEntry(entry(4, 5), { resolution: 'explained', reason: 'x' }, 'senior', new Date());
  assert.equal(mayClose(units, new Map([['A1', entry(3, 3)], ['A2', explained]])), true);
});

test('property: a session may close exactly when all units are counted and none is an open discrepancy', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(5), fc.option(fc.nat(5), { nil: null }), fc.boolean()), { minLength: 1, maxLength: 8 }), (rows) => {
      const units = rows.map((_, i) => `u${i}`);
      const entries = new Map<string, EntryState>();
      rows.forEach(([expected, counted, explained], i) => {
        if (counted === null) return;
        entries.set(`u${i}`, explained ? resolveEntry(entry(expected, counted), { resolution: 'explained', reason: 'r' }, 'x', new Date()) : entry(expected, counted));
      });
      const expectedResult = rows.every(([expected, counted, explained]) => counted !== null && (counted === expected || explained));
      assert.equal(mayClose(units, entries), expectedResult);
    }),
  );
});
