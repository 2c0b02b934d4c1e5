import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dueAt, involvementProblem, isLate, isOverdue, mayReview, protectedStatesOf, submissionProblem, techniqueProblem, timesProblem, useDuration } from './force.rules.ts';

const man = { sex: 'male' as const, pregnant: false, breastfeeding: false };
const woman = { sex: 'female' as const, pregnant: false, breastfeeding: false };
const pregnant = { ...woman, pregnant: true };
const handcuffs = { allowed: true, refusedFor: ['pregnant' as const] };
const at = (hhmm: string) => new Date(`2026-12-01T${hhmm}:00Z`);

describe('restraints: prohibited and protected (Mandela Rules 47, 48(2); Bangkok Rule 24)', () => {
  test('an unknown technique and a prohibited one are refused', () => {
    assert.equal(techniqueProblem(undefined, man), 'force-technique-unknown');
    assert.equal(techniqueProblem({ allowed: false, refusedFor: [] }, man), 'force-technique-prohibited');
    assert.equal(techniqueProblem(handcuffs, man), null);
  });
  test('never on a pregnant woman; a woman who is not pregnant may be handcuffed', () => {
    assert.equal(techniqueProblem(handcuffs, pregnant), 'force-technique-protected');
    assert.equal(techniqueProblem(handcuffs, woman), null);
    assert.equal(techniqueProblem({ allowed: true, refusedFor: ['female'] }, woman), 'force-technique-protected');
    assert.equal(techniqueProblem({ allowed: true, refusedFor: ['breastfeeding'] }, { ...woman, breastfeeding: true }), 'force-technique-protected');
  });
  test('prohibited wins over protected: the rule named is Rule 47', () => {
    assert.equal(techniqueProblem({ allowed: false, refusedFor: ['pregnant'] }, pregnant), 'force-technique-prohibited');
  });
  test('pregnancy is read from women only (a flag on a man is a data error)', () => {
    assert.deepEqual(protectedStatesOf({ ...man, pregnant: true }), []);
    assert.deepEqual(protectedStatesOf(pregnant), ['female', 'pregnant']);
  });
});

describe('times: start and stop (Rules 47–48)', () => {
  const now = at('12:00');
  const ok = { startedAt: at('10:00'), endedAt: at('10:30'), uses: [{ appliedAt: at('10:02'), removedAt: at('10:25') }], medicalAt: at('10:45') };
  test('ordered times pass', () => assert.equal(timesProblem(ok, now), null));
  test('an end before the start, a restraint before the force or after it, a future time are refused', () => {
    assert.equal(timesProblem({ ...ok, endedAt: at('09:00') }, now), 'force-times-order');
    assert.equal(timesProblem({ ...ok, uses: [{ appliedAt: at('09:59'), removedAt: null }] }, now), 'force-times-order');
    assert.equal(timesProblem({ ...ok, uses: [{ appliedAt: at('10:05'), removedAt: at('10:40') }] }, now), 'force-times-order');
    assert.equal(timesProblem({ ...ok, uses: [{ appliedAt: at('10:05'), removedAt: at('10:04') }] }, now), 'force-times-order');
    assert.equal(timesProblem({ ...ok, endedAt: at('12:30') }, now), 'force-times-order');
    assert.equal(timesProblem({ ...ok, medicalAt: at('09:00') }, now), 'force-times-order');
  });
  test('a restraint still on while the force goes on is fine in a draft', () => {
    assert.equal(timesProblem({ ...ok, endedAt: null, uses: [{ appliedAt: at('10:02'), removedAt: null }] }, now), null);
  });
});

describe('submission, due and overdue (Rule 82(2))', () => {
  test('a report is submitted only when ended, every restraint removed and the medical check done', () => {
    assert.equal(submissionProblem({ endedAt: null, uses: [], medical: {} }), 'force-report-incomplete');
    assert.equal(submissionProblem({ endedAt: at('10:00'), uses: [{ removedAt: null }], medical: {} }), 'force-report-incomplete');
    assert.equal(submissionProblem({ endedAt: at('10:00'), uses: [{ removedAt: at('10:00') }], medical: null }), 'force-report-incomplete');
    assert.equal(submissionProblem({ endedAt: at('10:00'), uses: [{ removedAt: at('10:00') }], medical: {} }), null);
  });
  test('due the configured hours after the force ended; none while it goes on', () => {
    assert.deepEqual(dueAt(at('10:00'), 24), new Date('2026-12-02T10:00:00Z'));
    assert.deepEqual(dueAt(at('10:00'), 2), at('12:00'));
    assert.equal(dueAt(null, 24), null);
  });
  test('a draft past due is overdue; a submitted one is not, but stays late if it was', () => {
    const due = at('12:00');
    assert.equal(isOverdue({ status: 'draft', dueAt: due }, at('12:01')), true);
    assert.equal(isOverdue({ status: 'draft', dueAt: due }, at('11:59')), false);
    assert.equal(isOverdue({ status: 'draft', dueAt: null }, at('23:00')), false);
    assert.equal(isOverdue({ status: 'submitted', dueAt: due }, at('23:00')), false);
    assert.equal(isLate({ dueAt: due, submittedAt: at('12:30') }), true);
    assert.equal(isLate({ dueAt: due, submittedAt: at('11:30') }), false);
  });
});

describe('durations and reviews (Rule 48(1)(c))', () => {
  const cuffs = { maxDurationMinutes: 60, reviewIntervalMinutes: 15 };
  test('minutes, over the maximum, reviews needed', () => {
    assert.deepEqual(useDuration({ appliedAt: at('10:00'), removedAt: at('10:40') }, cuffs, at('12:00')), { minutes: 40, overMaximum: false, reviewsNeeded: 2 });
    assert.deepEqual(useDuration({ appliedAt: at('10:00'), removedAt: at('11:01') }, cuffs, at('12:00')), { minutes: 61, overMaximum: true, reviewsNeeded: 4 });
  });
  test('a restraint still on counts to now', () => {
    assert.equal(useDuration({ appliedAt: at('10:00'), removedAt: null }, cuffs, at('12:00')).overMaximum, true);
  });
  test('no maximum, no interval: never over, no reviews', () => {
    assert.deepEqual(useDuration({ appliedAt: at('10:00'), removedAt: at('20:00') }, { maxDurationMinutes: null, reviewIntervalMinutes: null }, at('21:00')), { minutes: 600, overMaximum: false, reviewsNeeded: 0 });
  });
});

describe('who reviews, who is involved', () => {
  test('not the author, the authorising officer or the staff involved', () => {
    const r = { reportedBy: 'a', authorisedBy: 'b', staff: ['c'] };
    for (const id of ['a', 'b', 'c']) assert.equal(mayReview(id, r), false);
    assert.equal(mayReview('d', r), true);
  });
  test('restraints and injuries name prisoners involved', () => {
    assert.equal(involvementProblem(['p1'], [{ prisonerId: 'p1' }], [{ person: 'prisoner', prisonerId: 'p1' }, { person: 'staff', prisonerId: null }]), null);
    assert.equal(involvementProblem(['p1'], [{ prisonerId: 'p2' }], []), 'force-prisoner-not-involved');
    assert.equal(involvementProblem(['p1'], [], [{ person: 'prisoner', prisonerId: null }]), 'force-prisoner-not-involved');
  });
});
