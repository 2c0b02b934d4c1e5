import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PRISONER_STATES, RELEASE_BASES, type ReleaseBasis } from '@vigil/contracts';
import { movementStatus, ORDER_BASES, releaseBlockers, releaseCheckBlockers, releaseDue } from './movements.rules.ts';

const held = { state: 'in-custody' as const, propertyOutstanding: 0, orderReference: null };

test('a sentence is due on its latest release date, not the day before; untried prisoners have no due date', () => {
  assert.equal(releaseDue('2026-03-10', '2026-03-09'), false);
  assert.equal(releaseDue('2026-03-10', '2026-03-10'), true);
  assert.equal(releaseDue('2026-03-10', '2027-01-01'), true);
  assert.equal(releaseDue(null, '2026-03-10'), false);
});

test('served sentence: refused before the due date even with an order reference; allowed on the day', () => {
  assert.deepEqual(releaseBlockers({ ...held, due: false, basis: 'sentence-served', orderReference: '12/2026' }), ['release-not-due']);
  assert.deepEqual(releaseBlockers({ ...held, due: true, basis: 'sentence-served' }), []);
});

test('order bases: an order reference lifts the due date; without one they are refused before it', () => {
  for (const basis of ORDER_BASES) {
    assert.deepEqual(releaseBlockers({ ...held, due: false, basis, orderReference: 'Суд 4-112/2026' }), [], basis);
    assert.deepEqual(releaseBlockers({ ...held, due: false, basis }), ['release-order-required'], basis);
  }
});

test('property not returned blocks whatever the basis; every blocker is listed at once', () => {
  assert.deepEqual(releaseBlockers({ ...held, due: true, basis: 'sentence-served', propertyOutstanding: 2 }), ['property-outstanding']);
  assert.deepEqual(releaseBlockers({ state: 'in-transit', due: false, basis: 'sentence-served', orderReference: null, propertyOutstanding: 1 }), [
    'prisoner-not-held',
    'release-not-due',
    'property-outstanding',
  ]);
});

test('released from court: a temporarily absent prisoner may be released; in transit or released may not', () => {
  assert.deepEqual(releaseBlockers({ ...held, state: 'temporarily-absent', due: true, basis: 'sentence-served' }), []);
  assert.deepEqual(releaseBlockers({ ...held, state: 'released', due: true, basis: 'sentence-served' }), ['prisoner-not-held']);
});

test('property: release is allowed only when nothing is blocking, for any state, basis and order', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...PRISONER_STATES),
      fc.boolean(),
      fc.constantFrom<ReleaseBasis>(...RELEASE_BASES),
      fc.option(fc.string({ minLength: 1 }), { nil: null }),
      fc.nat(3),
      (state, due, basis, orderReference, propertyOutstanding) => {
        const blockers = releaseBlockers({ state, due, basis, orderReference, propertyOutstanding });
        const lawful = (due || (ORDER_BASES.includes(basis) && orderReference !== null)) && propertyOutstanding === 0 && (state === 'in-custody' || state === 'temporarily-absent');
        assert.equal(blockers.length === 0, lawful);
      },
    ),
  );
});

test('the release check lists what blocks before the basis is chosen', () => {
  assert.deepEqual(releaseCheckBlockers({ state: 'in-custody', due: false, propertyOutstanding: 1 }), ['release-not-due', 'property-outstanding']);
  assert.deepEqual(releaseCheckBlockers({ state: 'in-custody', due: true, propertyOutstanding: 0 }), []);
});

test('movement status from the row: absences out/returned, transfers in transit/received/cancelled', () => {
  const at = new Date();
  assert.equal(movementStatus({ kind: 'court', in_at: null, received_by: null }), 'out');
  assert.equal(movementStatus({ kind: 'hospital', in_at: at, received_by: 'officer' }), 'returned');
  assert.equal(movementStatus({ kind: 'transfer', in_at: null, received_by: null }), 'in-transit');
  assert.equal(movementStatus({ kind: 'transfer', in_at: at, received_by: 'officer' }), 'received');
  assert.equal(movementStatus({ kind: 'transfer', in_at: at, received_by: null }), 'cancelled');
  assert.equal(movementStatus({ kind: 'release', in_at: null, received_by: null }), 'released');
});
