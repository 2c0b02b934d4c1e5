import { test } from 'node:test';
import assert from 'node:assert/strict';
import { consecutiveShortfall, exerciseRefused, needsReason, refusals, rule23Met } from './regime.rules.ts';

const day = { exerciseOfferedMinutes: 60, exerciseTakenMinutes: 60, breakfast: 'taken', lunch: 'taken', supper: 'taken', shower: 'not-offered' } as const;

test('Mandela Rule 23: an hour outdoors offered meets it; less, or nothing recorded, does not', () => {
  assert.equal(rule23Met(60), true);
  assert.equal(rule23Met(90), true);
  assert.equal(rule23Met(59), false);
  assert.equal(rule23Met(0), false);
  assert.equal(rule23Met(undefined), false);
});

test('refusals: exercise offered and none taken; a meal or shower refused; each needs a reason', () => {
  assert.deepEqual(refusals(day), []);
  assert.equal(exerciseRefused({ exerciseOfferedMinutes: 60, exerciseTakenMinutes: 0 }), true);
  assert.equal(exerciseRefused({ exerciseOfferedMinutes: 0, exerciseTakenMinutes: 0 }), false, 'not offered is not refused');
  assert.equal(exerciseRefused({ exerciseOfferedMinutes: 60, exerciseTakenMinutes: 20 }), false, 'went out for part of it');
  const refused = { ...day, exerciseTakenMinutes: 0, lunch: 'refused', shower: 'refused' } as const;
  assert.deepEqual(refusals(refused), ['exercise', 'lunch', 'shower']);
  assert.equal(needsReason(refused), true);
  assert.equal(needsReason({ ...refused, refusalReason: 'Hunger strike, complaint about visits' }), false);
  assert.equal(needsReason(day), false);
});

test('Rule 23 shortfall: consecutive days without an hour offered, counting unrecorded days, not before admission', () => {
  const days = ['2026-12-05', '2026-12-04', '2026-12-03', '2026-12-02', '2026-12-01'];
  const offered = new Map([
    ['2026-12-05', 30],
    ['2026-12-04', 0],
    // 12-03 not recorded
    ['2026-12-02', 60],
    ['2026-12-01', 0],
  ]);
  assert.equal(consecutiveShortfall(offered, days, '2026-01-01'), 3);
  assert.equal(consecutiveShortfall(offered, days, '2026-12-04'), 2, 'admitted on the 4th');
  assert.equal(consecutiveShortfall(new Map([['2026-12-05', 60]]), days, '2026-01-01'), 0);
  assert.equal(consecutiveShortfall(new Map(), days, '2026-01-01'), 5, 'never offered: every day looked at');
});
