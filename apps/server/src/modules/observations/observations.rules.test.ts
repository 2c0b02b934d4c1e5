import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anchorOf, classifyCheck, isReviewOverdue, minutesOverdue, nextWindow, onTimeRate, passedDueTimes, reviewDateProblem, reviewProblem, startProblem } from './observations.rules.ts';

const at = (hhmm: string) => new Date(`2026-12-03T${hhmm}:00Z`);
const iso = (d: Date) => d.toISOString().slice(11, 16);

test('the next check is due one interval after the later of the last check and the schedule start', () => {
  assert.equal(iso(anchorOf(at('10:00'), null)), '10:00');
  assert.equal(iso(anchorOf(at('10:00'), at('10:20'))), '10:20');
  // A change of level after the last check restarts the window from the change.
  assert.equal(iso(anchorOf(at('10:30'), at('10:20'))), '10:30');
  const w = nextWindow(at('10:20'), 15);
  assert.deepEqual([iso(w.opensAt), iso(w.dueAt)], ['10:20', '10:35']);
});

test('irregular intervals: a check anywhere inside the window is on time, never late for varying the beat', () => {
  for (const m of ['10:01', '10:07', '10:29', '10:30']) {
    const c = classifyCheck(at('10:00'), 30, at(m));
    assert.equal(c.late, false, m);
    assert.equal(c.minutesLate, null);
    assert.equal(iso(c.dueAt), '10:30');
  }
  // Staggered checks: 10:04, then 10:31, then 10:37 are all on time at 30 minutes.
  let anchor = at('10:00');
  for (const m of ['10:04', '10:31', '10:37']) {
    assert.equal(classifyCheck(anchor, 30, at(m)).late, false);
    anchor = at(m);
  }
});

test('a check after its due time is late, by whole minutes rounded up, against the latest due time passed', () => {
  const c = classifyCheck(at('10:00'), 15, at('10:22'));
  assert.deepEqual([c.late, c.minutesLate, iso(c.dueAt)], [true, 7, '10:15']);
  const seconds = classifyCheck(at('10:00'), 15, new Date('2026-12-03T10:15:10Z'));
  assert.deepEqual([seconds.late, seconds.minutesLate], [true, 1]);
  // Two due times passed: the check answers the second (the first stays missed).
  const two = classifyCheck(at('10:00'), 15, at('10:40'));
  assert.deepEqual([iso(two.dueAt), two.minutesLate], ['10:30', 10]);
  // Exactly on a later due time: it answers the one before it.
  const exact = classifyCheck(at('10:00'), 15, at('10:30'));
  assert.deepEqual([iso(exact.dueAt), exact.minutesLate], ['10:15', 15]);
});

test('missed checks: every due time passed with no check, strictly before now, within the lookback', () => {
  assert.deepEqual(passedDueTimes(at('10:00'), 15, at('10:15')).map(iso), []);
  assert.deepEqual(passedDueTimes(at('10:00'), 15, at('10:16')).map(iso), ['10:15']);
  assert.deepEqual(passedDueTimes(at('10:00'), 15, at('10:50')).map(iso), ['10:15', '10:30', '10:45']);
  // An old anchor: only the due times of the lookback.
  const dues = passedDueTimes(new Date('2026-11-01T00:00:00Z'), 60, at('10:30'), 2);
  assert.deepEqual(dues.map(iso), ['09:00', '10:00']);
});

test('overdue: minutes past the due time, or null inside the window', () => {
  assert.equal(minutesOverdue(at('10:00'), 30, at('10:30')), null);
  assert.equal(minutesOverdue(at('10:00'), 30, at('10:41')), 11);
});

test('a start may be now or up to a day back, never in the future', () => {
  assert.equal(startProblem(at('09:00'), at('10:00')), null);
  assert.equal(startProblem(new Date('2026-12-03T10:01:00Z'), at('10:00')), null);
  assert.equal(startProblem(at('11:00'), at('10:00')), 'observation-start-invalid');
  assert.equal(startProblem(new Date('2026-12-02T09:00:00Z'), at('10:00')), 'observation-start-invalid');
});

test('reviews: a change names the level; continuing names the next review; dates not in the past', () => {
  assert.equal(reviewProblem({ outcome: 'change', reviewOn: '2026-12-04' }), 'observation-review-incomplete');
  assert.equal(reviewProblem({ outcome: 'continue' }), 'observation-review-incomplete');
  assert.equal(reviewProblem({ outcome: 'end' }), null);
  assert.equal(reviewProblem({ outcome: 'change', level: 'constant', reviewOn: '2026-12-04' }), null);
  assert.equal(reviewDateProblem('2026-12-02', '2026-12-03'), 'observation-review-date-invalid');
  assert.equal(reviewDateProblem('2026-12-03', '2026-12-03'), null);
  assert.equal(isReviewOverdue('2026-12-02', '2026-12-03', true), true);
  assert.equal(isReviewOverdue('2026-12-02', '2026-12-03', false), false);
});

test('compliance: on-time share of all due checks; none due is no rate', () => {
  assert.equal(onTimeRate(8, 1, 1), 0.8);
  assert.equal(onTimeRate(0, 0, 0), null);
});
