import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SECURITY_LEVELS, type EligibilityRule } from '@vigil/contracts';
import { attendanceRate, canTake, eligibility, occurrences, registerFaults, ruleProblem, slotOn, weekday, type EligibilityFacts } from './programmes.rules.ts';

const man: EligibilityFacts = { sex: 'male', legalStatus: 'convicted', securityCategory: 'medium', age: 34, alertCodes: [] };

describe('eligibility', () => {
  test('no rules: everyone is eligible', () => assert.deepEqual(eligibility([], man), []));

  test('names every failed rule by its place in the list', () => {
    const rules: EligibilityRule[] = [
      { kind: 'sex', sex: 'female' },
      { kind: 'legal-status', status: 'convicted' },
      { kind: 'max-security', category: 'low' },
      { kind: 'no-alert', code: 'escape-risk' },
      { kind: 'min-age', years: 18 },
    ];
    const failed = eligibility(rules, { ...man, alertCodes: ['escape-risk'] });
    assert.deepEqual(failed.map((f) => f.index), [0, 2, 3]);
    assert.deepEqual(failed.map((f) => ruleProblem(f.rule)), ['programme-ineligible-sex', 'programme-ineligible-max-security', 'programme-ineligible-no-alert']);
  });

  test('security bounds are inclusive', () => {
    assert.deepEqual(eligibility([{ kind: 'min-security', category: 'medium' }, { kind: 'max-security', category: 'medium' }], man), []);
    assert.equal(eligibility([{ kind: 'min-security', category: 'high' }], man).length, 1);
    assert.equal(eligibility([{ kind: 'min-age', years: 35 }], man).length, 1);
    assert.equal(eligibility([{ kind: 'legal-status', status: 'untried' }], man).length, 1);
  });

  const rule = fc.oneof(
    fc.constantFrom('male', 'female').map((sex) => ({ kind: 'sex', sex }) as EligibilityRule),
    fc.constantFrom('convicted', 'untried').map((status) => ({ kind: 'legal-status', status }) as EligibilityRule),
    fc.constantFrom(...SECURITY_LEVELS).map((category) => ({ kind: 'min-security', category }) as EligibilityRule),
    fc.constantFrom(...SECURITY_LEVELS).map((category) => ({ kind: 'max-security', category }) as EligibilityRule),
    fc.constantFrom('escape-risk', 'self-harm', 'violent').map((code) => ({ kind: 'no-alert', code }) as EligibilityRule),
    fc.integer({ min: 14, max: 100 }).map((years) => ({ kind: 'min-age', years }) as EligibilityRule),
  );
  const facts = fc.record({
    sex: fc.constantFrom('male' as const, 'female' as const),
    legalStatus: fc.constantFrom('convicted' as const, 'untried' as const),
    securityCategory: fc.constantFrom(...SECURITY_LEVELS),
    age: fc.integer({ min: 14, max: 90 }),
    alertCodes: fc.subarray(['escape-risk', 'self-harm', 'violent']),
  });

  test('property: the rules are judged one by one (a list fails exactly the rules that fail alone)', () => {
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 8 }), facts, (rules, p) => {
        const failed = eligibility(rules, p).map((f) => f.index);
        const alone = rules.flatMap((r, i) => (eligibility([r], p).length ? [i] : []));
        assert.deepEqual(failed, alone);
      }),
    );
  });

  test('property: adding a rule never makes an ineligible prisoner eligible', () => {
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 8 }), rule, facts, (rules, extra, p) => {
        assert.ok(eligibility([...rules, extra], p).length >= eligibility(rules, p).length);
      }),
    );
  });
});

describe('sessions and registers', () => {
  const slots = [
    { weekday: 1, start: '09:00', end: '12:00' },
    { weekday: 3, start: '14:00', end: '16:00' },
    { weekday: 3, start: '09:00', end: '11:00' },
  ];

  test('weekdays are ISO (Monday 1, Sunday 7)', () => {
    assert.equal(weekday('2026-12-07'), 1);
    assert.equal(weekday('2026-12-06'), 7);
  });

  test('occurrences lists each slot on its days in time order; a session is found by day and start', () => {
    assert.deepEqual(
      occurrences(slots, '2026-12-07', '2026-12-09').map((o) => `${o.date} ${o.start}`),
      ['2026-12-07 09:00', '2026-12-09 09:00', '2026-12-09 14:00'],
    );
    assert.equal(slotOn(slots, '2026-12-09', '14:00')?.end, '16:00');
    assert.equal(slotOn(slots, '2026-12-08', '09:00'), undefined);
  });

  const a = '00000000-0000-4000-8000-00000000000a';
  const b = '00000000-0000-4000-8000-00000000000b';

  test('a register marks everyone once, an absence with its reason, hours only for work', () => {
    assert.deepEqual(registerFaults([a, b], [{ enrolmentId: a, mark: 'attended' }, { enrolmentId: b, mark: 'absent', absenceReason: 'ill' }], false), []);
    assert.deepEqual(registerFaults([a, b], [{ enrolmentId: a, mark: 'attended' }], false), [{ path: 'marks', message: 'programme-register-incomplete' }]);
    assert.deepEqual(registerFaults([a], [{ enrolmentId: b, mark: 'attended' }, { enrolmentId: a, mark: 'excused' }], false), [{ path: 'marks.0.enrolmentId', message: 'programme-register-unknown' }]);
    assert.deepEqual(registerFaults([a], [{ enrolmentId: a, mark: 'absent' }], false), [{ path: 'marks.0.absenceReason', message: 'programme-absence-reason' }]);
    assert.deepEqual(registerFaults([a], [{ enrolmentId: a, mark: 'attended', hours: 4 }], false), [{ path: 'marks.0.hours', message: 'programme-hours' }]);
    assert.deepEqual(registerFaults([a], [{ enrolmentId: a, mark: 'attended', hours: 4 }], true), []);
  });

  test('attendance rate leaves excused absences out; none counted is null', () => {
    assert.equal(attendanceRate({ attended: 3, absent: 1 }), 0.75);
    assert.equal(attendanceRate({ attended: 0, absent: 0 }), null);
  });

  test('enrolment steps: a waiting place is admitted or withdrawn, an enrolment completed or withdrawn', () => {
    assert.ok(canTake('admit', 'waiting') && !canTake('admit', 'enrolled'));
    assert.ok(canTake('complete', 'enrolled') && !canTake('complete', 'waiting'));
    assert.ok(canTake('withdraw', 'waiting') && canTake('withdraw', 'enrolled') && !canTake('withdraw', 'completed'));
  });
});
