import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LOCATION_KINDS, NON_RESIDENTIAL_KINDS } from '@vigil/contracts';
import { ALLOWED_PARENTS, bulkCellCodes, cellCode, cellFieldsProblem, childrenStillFit, joinPath, mayPlace, normaliseSpecialTypes } from './locations.rules.ts';

const cell = { kind: 'cell' as const, baselineCapacity: 2, operationalCapacity: 3, sexDesignation: 'male', securityLevel: 'high', specialTypes: [] };
const none = { baselineCapacity: null, operationalCapacity: null, sexDesignation: null, securityLevel: null, specialTypes: [] };

test('the residential hierarchy: building at the top, wing in a building, landing in a wing, cell on a landing', () => {
  assert.ok(mayPlace('building', null));
  assert.ok(mayPlace('wing', 'building'));
  assert.ok(mayPlace('landing', 'wing'));
  assert.ok(mayPlace('cell', 'landing'));
  assert.ok(!mayPlace('cell', null), 'a cell is never at the top');
  assert.ok(!mayPlace('wing', null));
  assert.ok(!mayPlace('building', 'building'));
  assert.ok(!mayPlace('wing', 'cell'), 'nothing goes inside a cell');
});

test('cells also stand in the segregation unit and healthcare, not in a yard', () => {
  assert.ok(mayPlace('cell', 'segregation-unit'));
  assert.ok(mayPlace('cell', 'healthcare'));
  assert.ok(!mayPlace('cell', 'yard'));
  assert.ok(!mayPlace('cell', 'kitchen'));
});

test('non-residential places stand at the top or in a building or wing; gate and perimeter only at the top', () => {
  for (const kind of NON_RESIDENTIAL_KINDS) assert.ok(mayPlace(kind, null), kind);
  assert.ok(mayPlace('workshop', 'building'));
  assert.ok(mayPlace('kitchen', 'wing'));
  assert.ok(!mayPlace('gate', 'building'));
  assert.ok(!mayPlace('perimeter-zone', 'wing'));
  assert.ok(!mayPlace('workshop', 'landing'));
});

test('no kind may contain itself, so the rules alone cannot build a loop of one kind', () => {
  for (const kind of LOCATION_KINDS) assert.ok(!mayPlace(kind, kind), kind);
  for (const kind of LOCATION_KINDS) assert.ok(ALLOWED_PARENTS[kind].length > 0, `${kind} can be placed somewhere`);
});

test('changing a kind must keep every child placeable', () => {
  assert.ok(childrenStillFit('wing', ['landing']));
  assert.ok(!childrenStillFit('yard', ['landing']));
  assert.ok(childrenStillFit('yard', []));
});

test('a cell needs all four cell fields; other places refuse them', () => {
  assert.equal(cellFieldsProblem(cell), null);
  assert.equal(cellFieldsProblem({ ...cell, securityLevel: null }), 'location-cell-fields');
  assert.equal(cellFieldsProblem({ ...cell, baselineCapacity: null }), 'location-cell-fields');
  assert.equal(cellFieldsProblem({ kind: 'wing', ...none }), null);
  assert.equal(cellFieldsProblem({ kind: 'wing', ...none, baselineCapacity: 4 }), 'location-cell-fields');
  assert.equal(cellFieldsProblem({ kind: 'yard', ...none, specialTypes: ['observation'] }), 'location-cell-fields');
});

test('operational capacity may equal but not fall below baseline capacity', () => {
  assert.equal(cellFieldsProblem({ ...cell, baselineCapacity: 4, operationalCapacity: 4 }), null);
  assert.equal(cellFieldsProblem({ ...cell, baselineCapacity: 4, operationalCapacity: 3 }), 'capacity-order');
  fc.assert(
    fc.property(fc.nat(1000), fc.nat(1000), (baseline, operational) => {
      const problem = cellFieldsProblem({ ...cell, baselineCapacity: baseline, operationalCapacity: operational });
      return (problem === 'capacity-order') === operational < baseline;
    }),
  );
});

test('special types are kept once each in a fixed order', () => {
  assert.deepEqual(normaliseSpecialTypes(['accessible', 'segregation', 'accessible']), ['segregation', 'accessible']);
});

test('bulk cell codes are padded, consecutive and distinct', () => {
  assert.equal(cellCode('', 7, 2), '07');
  assert.equal(cellCode('K', 12, 3), 'K012');
  assert.equal(cellCode('', 123, 2), '123', 'never truncated');
  assert.deepEqual(bulkCellCodes({ prefix: 'S', firstNumber: 9, count: 3, digits: 2 }), ['S09', 'S10', 'S11']);
  fc.assert(
    fc.property(fc.nat(9999), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 4 }), (first, count, digits) => {
      const codes = bulkCellCodes({ prefix: 'A', firstNumber: first, count, digits });
      return codes.length === count && new Set(codes).size === count && codes.every((c) => c.length <= 20);
    }),
  );
});

test('paths join codes from the top with "-"', () => {
  assert.equal(joinPath(null, 'A'), 'A');
  assert.equal(joinPath('A-1', '2'), 'A-1-2');
});
