import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { AgeGroup, LegalStatus, SecurityLevel, Sex } from '@vigil/contracts';
import { ageSeparation, checkAllocation, compareOptions, overrideAllowed, wingOf, type AllocationSubject, type Occupant, type TargetCell } from './allocation.rules.ts';

const subject = (over: Partial<AllocationSubject> & { sex?: Sex; legalStatus?: LegalStatus; ageGroup?: AgeGroup } = {}): AllocationSubject => ({
  id: 'me',
  facilityId: 'F',
  currentLocationId: null,
  securityCategory: 'medium',
  sharingRisk: false,
  keepApartIds: new Set(),
  ...over,
  separation: { sex: over.sex ?? 'male', legalStatus: over.legalStatus ?? 'convicted', ageGroup: over.ageGroup ?? 'adult' },
});

const cell = (over: Partial<TargetCell> = {}): TargetCell => ({
  id: 'C1',
  kind: 'cell',
  active: true,
  facilityId: 'F',
  sexDesignation: 'male',
  operationalCapacity: 4,
  securityLevel: 'high',
  specialTypes: [],
  ...over,
});

const occupant = (id: string, over: { sex?: Sex; legalStatus?: LegalStatus; ageGroup?: AgeGroup; sharingRisk?: boolean } = {}): Occupant => ({
  id,
  separation: { sex: over.sex ?? 'male', legalStatus: over.legalStatus ?? 'convicted', ageGroup: over.ageGroup ?? 'adult' },
  sharingRisk: over.sharingRisk ?? false,
});

const codes = (r: ReturnType<typeof checkAllocation>) => r.violations.map((v) => v.code);
const find = (r: ReturnType<typeof checkAllocation>, code: string) => r.violations.find((v) => v.code === code);

test('an empty cell of the right sex and level is suitable', () => {
  const r = checkAllocation(subject(), cell(), []);
  assert.deepEqual(r, { violations: [], warnings: [] });
});

test('Rule 11(a): a woman into a men\'s cell is refused and can never be overridden', () => {
  const r = checkAllocation(subject({ sex: 'female' }), cell({ sexDesignation: 'male' }), []);
  assert.deepEqual(r.violations, [{ code: 'sex-designation', overridable: false }]);
  assert.equal(overrideAllowed(r.violations), false);
  assert.deepEqual(codes(checkAllocation(subject({ sex: 'male' }), cell({ sexDesignation: 'female' }), [])), ['sex-designation']);
});

test('Rule 11(a): an "any" cell takes either sex, but never both at once', () => {
  assert.deepEqual(codes(checkAllocation(subject({ sex: 'female' }), cell({ sexDesignation: 'any' }), [])), []);
  const r = checkAllocation(subject({ sex: 'female' }), cell({ sexDesignation: 'any' }), [occupant('o1', { sex: 'male' })]);
  assert.deepEqual(r.violations, [{ code: 'sex-mix', overridable: false }]);
});

test('Rule 11(b): untried with convicted is refused but may be overridden', () => {
  const r = checkAllocation(subject({ legalStatus: 'untried' }), cell(), [occupant('o1', { legalStatus: 'convicted' })]);
  assert.deepEqual(r.violations, [{ code: 'separation-legal-status', overridable: true }]);
  assert.equal(overrideAllowed(r.violations), true);
});

test('Rule 11(d): a child with adults never; a young adult with adults only by override', () => {
  assert.deepEqual(ageSeparation('child', 'adult'), { code: 'separation-age', overridable: false });
  assert.deepEqual(ageSeparation('young-adult', 'child'), { code: 'separation-age', overridable: false });
  assert.deepEqual(ageSeparation('young-adult', 'adult'), { code: 'separation-age', overridable: true });
  assert.equal(ageSeparation('child', 'child'), null);
  // With both a young adult and an adult in the cell, a child sees the never-overridable refusal once.
  const r = checkAllocation(subject({ ageGroup: 'child' }), cell(), [occupant('o1', { ageGroup: 'young-adult' }), occupant('o2', { ageGroup: 'adult' })]);
  assert.deepEqual(r.violations, [{ code: 'separation-age', overridable: false }]);
  const young = checkAllocation(subject({ ageGroup: 'young-adult' }), cell(), [occupant('o1')]);
  assert.deepEqual(young.violations, [{ code: 'separation-age', overridable: true }]);
});

test('Rule 12: no more people than the operational capacity', () => {
  const full = [occupant('o1'), occupant('o2')];
  assert.deepEqual(codes(checkAllocation(subject(), cell({ operationalCapacity: 3 }), full)), []);
  const r = checkAllocation(subject(), cell({ operationalCapacity: 2 }), full);
  assert.deepEqual(r.violations, [{ code: 'over-capacity', overridable: true }]);
});

test('a cell of a lower security level than the prisoner\'s category is refused', () => {
  const levels: SecurityLevel[] = ['low', 'medium', 'high', 'maximum'];
  for (const [i, category] of levels.entries()) {
    for (const [j, level] of levels.entries()) {
      const r = checkAllocation(subject({ securityCategory: category }), cell({ securityLevel: level }), []);
      assert.equal(!!find(r, 'security-level'), j < i, `${category} prisoner into a ${level} cell`);
    }
  }
});

test('keep-apart: refused in the same cell, a warning on the same landing', () => {
  const me = subject({ keepApartIds: new Set(['enemy']) });
  const same = checkAllocation(me, cell(), [occupant('enemy')]);
  assert.deepEqual(same.violations, [{ code: 'keep-apart', overridable: true }]);
  assert.deepEqual(same.warnings, []);
  const near = checkAllocation(me, cell(), [occupant('friend')], ['enemy', 'other']);
  assert.deepEqual(near.violations, []);
  assert.deepEqual(near.warnings, ['keep-apart-nearby']);
});

test('cell sharing: a prisoner at risk only into an empty cell, and nobody in with one', () => {
  assert.deepEqual(codes(checkAllocation(subject({ sharingRisk: true }), cell(), [])), []);
  assert.deepEqual(codes(checkAllocation(subject({ sharingRisk: true }), cell(), [occupant('o1')])), ['cell-sharing']);
  assert.deepEqual(codes(checkAllocation(subject(), cell(), [occupant('o1', { sharingRisk: true })])), ['cell-sharing']);
});

test('structural refusals: not a cell, closed, another facility, the same cell', () => {
  assert.deepEqual(checkAllocation(subject(), cell({ kind: 'landing', sexDesignation: null, securityLevel: null, operationalCapacity: null }), []).violations, [
    { code: 'not-a-cell', overridable: false },
  ]);
  assert.deepEqual(codes(checkAllocation(subject(), cell({ active: false }), [])), ['cell-inactive']);
  assert.deepEqual(codes(checkAllocation(subject(), cell({ facilityId: 'G' }), [])), ['other-facility']);
  const r = checkAllocation(subject({ currentLocationId: 'C1' }), cell(), []);
  assert.deepEqual(r.violations, [{ code: 'same-cell', overridable: false }]);
});

test('special cells: segregation refused (overridable), observation and accessible only warned', () => {
  assert.deepEqual(checkAllocation(subject(), cell({ specialTypes: ['segregation'], securityLevel: 'maximum' }), []).violations, [{ code: 'segregation-cell', overridable: true }]);
  assert.deepEqual(checkAllocation(subject(), cell({ specialTypes: ['observation', 'accessible'] }), []).warnings, ['observation-cell', 'accessible-cell']);
});

test('every violation is listed once, in reading order', () => {
  const r = checkAllocation(
    subject({ sex: 'female', legalStatus: 'untried', securityCategory: 'maximum', keepApartIds: new Set(['o1']), sharingRisk: true }),
    cell({ operationalCapacity: 1 }),
    [occupant('o1'), occupant('o2', { sharingRisk: true })],
  );
  assert.deepEqual(codes(r), ['sex-designation', 'sex-mix', 'separation-legal-status', 'over-capacity', 'security-level', 'keep-apart', 'cell-sharing']);
  assert.equal(overrideAllowed(r.violations), false);
});

const arbSeparation = fc.record({ sex: fc.constantFrom<Sex>('male', 'female'), legalStatus: fc.constantFrom<LegalStatus>('untried', 'convicted'), ageGroup: fc.constantFrom<AgeGroup>('child', 'young-adult', 'adult') });
const arbLevel = fc.constantFrom<SecurityLevel>('low', 'medium', 'high', 'maximum');

test('property: whoever and wherever, Rule 11(a) and 11(d) mixes are refused and never overridable', () => {
  fc.assert(
    fc.property(
      arbSeparation,
      fc.array(fc.record({ id: fc.uuid(), separation: arbSeparation, sharingRisk: fc.boolean() }), { maxLength: 6 }),
      fc.constantFrom<'male' | 'female' | 'any'>('male', 'female', 'any'),
      fc.integer({ min: 0, max: 8 }),
      arbLevel,
      arbLevel,
      (sep, occupants, sexDesignation, capacity, level, category) => {
        const me = subject({ ...sep, securityCategory: category });
        const r = checkAllocation(me, cell({ sexDesignation, operationalCapacity: capacity, securityLevel: level }), occupants);
        const sexMix = occupants.some((o) => o.separation.sex !== sep.sex) || (sexDesignation !== 'any' && sexDesignation !== sep.sex);
        const childMix = occupants.some((o) => (o.separation.ageGroup === 'child') !== (sep.ageGroup === 'child'));
        if (sexMix || childMix) assert.equal(overrideAllowed(r.violations), false);
        if (r.violations.length === 0) {
          // A suitable cell really is: same sex, same status, same age group, room, level.
          assert.ok(occupants.every((o) => o.separation.sex === sep.sex && o.separation.legalStatus === sep.legalStatus && o.separation.ageGroup === sep.ageGroup));
          assert.ok(occupants.length < capacity);
        }
      },
    ),
  );
});

test('options: suitable first, then the same wing, then the emptiest', () => {
  const o = (path: string, violations: number, sameWing: boolean, freePlaces: number, warnings = 0) => ({ path, violations: Array(violations).fill('x'), warnings: Array(warnings).fill('w'), sameWing, freePlaces });
  const sorted = [o('A', 1, true, 5), o('B', 0, false, 1), o('C', 0, true, 1), o('D', 0, false, 3), o('E', 0, true, 1, 1)].sort(compareOptions).map((x) => x.path);
  assert.deepEqual(sorted, ['C', 'D', 'B', 'E', 'A']);
});

test('wingOf: the nearest wing, or the top of a block without wings', () => {
  const places = new Map([
    ['b', { parentId: null, kind: 'building' }],
    ['w', { parentId: 'b', kind: 'wing' }],
    ['l', { parentId: 'w', kind: 'landing' }],
    ['c', { parentId: 'l', kind: 'cell' }],
    ['b2', { parentId: null, kind: 'building' }],
    ['l2', { parentId: 'b2', kind: 'landing' }],
    ['c2', { parentId: 'l2', kind: 'cell' }],
  ]);
  assert.equal(wingOf('c', places), 'w');
  assert.equal(wingOf('c2', places), 'b2');
  assert.equal(wingOf(null, places), null);
});
