import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { CategoryScheme, ESCAPE_HISTORIES, OFFENCE_TYPES, VIOLENCE_IN_CUSTODY } from '@vigil/contracts';
import { countriesTaken, decisionFaults, defaultReviewOn, overClassified, rankOf, schemeForCountry, sentenceMonths, suggestLevel, type SuggestionInputs } from './classification.rules.ts';

/** The two schemes migration 0017 ships, read from it, so the tests check what is deployed. */
const shipped = [...readFileSync(new URL('../../../migrations/0017_classification.sql', import.meta.url), 'utf8').matchAll(/\$scheme\$([\s\S]*?)\$scheme\$/g)].map((m) => CategoryScheme.parse(JSON.parse(m[1]!)));
const [fourLevel, uk] = shipped as [CategoryScheme, CategoryScheme];

const none: SuggestionInputs = { escapeHistory: 'none', violenceInCustody: 'none', offenceTypes: [], sentenceMonths: 0, judgements: [], alerts: [] };

test('the shipped schemes are valid: four levels as the fallback, A–D for GB', () => {
  assert.deepEqual(shipped.map((s) => s.code), ['four-level', 'uk-categories']);
  assert.deepEqual(fourLevel.levels.map((l) => l.allocationLevel), ['low', 'medium', 'high', 'maximum']);
  assert.deepEqual(uk.levels.map((l) => l.code), ['D', 'C', 'B', 'A']);
  const entries = shipped.map((s) => ({ code: s.code, data: s }));
  assert.equal(schemeForCountry(entries, 'GB')?.code, 'uk-categories');
  assert.equal(schemeForCountry(entries, 'TJ')?.code, 'four-level');
});

test('with no risk factor the suggestion is the least restrictive level, with no reasons', () => {
  assert.deepEqual(suggestLevel(fourLevel, none), { level: 'low', reasons: [], individualLevel: 'low' });
  assert.equal(suggestLevel(uk, none).level, 'D');
});

test('an escape raises to maximum; every rule that fired is a reason', () => {
  const s = suggestLevel(fourLevel, { ...none, escapeHistory: 'escaped', sentenceMonths: 70, alerts: ['assaults-staff'] });
  assert.equal(s.level, 'maximum');
  assert.deepEqual(
    s.reasons.map((r) => `${r.factor}:${r.value}>${r.minimum}`),
    ['escape:escaped>high', 'escape:escaped>maximum', 'sentence:60>medium', 'alert:assaults-staff>medium'],
  );
});

test('an approved judgement and alerts in force set minimum levels', () => {
  assert.equal(suggestLevel(fourLevel, { ...none, judgements: [{ instrument: 've-screening', judgement: 'high' }] }).level, 'high');
  assert.equal(suggestLevel(fourLevel, { ...none, judgements: [{ instrument: 've-screening', judgement: 'low' }] }).level, 'low');
  assert.equal(suggestLevel(fourLevel, { ...none, alerts: ['escape-risk'] }).level, 'high');
});

test('a level resting on the offence type alone, with no assessment, is over-classification', () => {
  const s = suggestLevel(fourLevel, { ...none, offenceTypes: ['terrorism'] });
  assert.equal(s.level, 'high');
  assert.equal(s.individualLevel, 'low');
  assert.equal(overClassified(fourLevel, s.level, s, false), true);
  assert.equal(overClassified(fourLevel, s.level, s, true), false, 'an approved individual assessment stands behind it');
  assert.equal(overClassified(fourLevel, 'low', s, false), false);
});

test('a decision is refused: a level outside the scheme, an override with no reason, a past review, a hearing undated', () => {
  const ok = { level: 'high', suggested: 'high', overrideReason: null, nextReviewOn: '2027-01-01', heard: true, heardOn: '2026-12-01' };
  assert.deepEqual(decisionFaults(fourLevel, ok, '2026-12-03'), []);
  assert.deepEqual(decisionFaults(fourLevel, { ...ok, level: 'A' }, '2026-12-03'), [{ path: 'level', message: 'classification-level-unknown' }]);
  assert.deepEqual(decisionFaults(fourLevel, { ...ok, level: 'maximum', overrideReason: '  ' }, '2026-12-03'), [{ path: 'overrideReason', message: 'classification-override-reason' }]);
  assert.deepEqual(decisionFaults(fourLevel, { ...ok, level: 'maximum', overrideReason: 'Intelligence of a planned escape' }, '2026-12-03'), []);
  assert.deepEqual(decisionFaults(fourLevel, { ...ok, nextReviewOn: '2026-12-02' }, '2026-12-03'), [{ path: 'nextReviewOn', message: 'classification-review-past' }]);
  assert.deepEqual(decisionFaults(fourLevel, { ...ok, nextReviewOn: '2026-12-03' }, '2026-12-03'), [], 'today is not past');
  assert.deepEqual(decisionFaults(fourLevel, { ...ok, heardOn: null }, '2026-12-03'), [{ path: 'representations.heardOn', message: 'classification-heard-date' }]);
  assert.deepEqual(decisionFaults(fourLevel, { ...ok, heardOn: '2026-12-04' }, '2026-12-03'), [{ path: 'representations.heardOn', message: 'classification-heard-date' }]);
});

test('the default review date is the level interval on; sentence length is the longest sentence in months', () => {
  assert.equal(defaultReviewOn(fourLevel, 'maximum', '2026-08-31'), '2027-02-28');
  assert.equal(defaultReviewOn(fourLevel, 'low', '2026-12-03'), '2027-12-03');
  assert.equal(sentenceMonths([{ years: 10, months: 3, days: 0 }, { years: 2, months: 0, days: 45 }]), 123);
  assert.equal(sentenceMonths([]), 0);
});

test('a malformed scheme is refused with each fault at its path', () => {
  const bad = { ...fourLevel, levels: [fourLevel.levels[1], fourLevel.levels[0], fourLevel.levels[0]], rules: [{ factor: 'alert', alert: 'escape-risk', minimum: 'extreme' }] };
  const faults = CategoryScheme.safeParse(bad).error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  assert.deepEqual(faults, ['levels.2.code: classification-code-duplicate', 'levels.1.allocationLevel: classification-scheme-order', 'rules.0.minimum: classification-level-unknown']);
  assert.deepEqual(countriesTaken([{ code: 'uk-categories', data: uk }], { code: 'other', countries: ['TJ', 'GB'] }), [1]);
  assert.deepEqual(countriesTaken([{ code: 'uk-categories', data: uk }], { code: 'uk-categories', countries: ['GB'] }), [], 'a new version of the same scheme keeps its countries');
});

const inputs = fc.record({
  escapeHistory: fc.constantFrom(...ESCAPE_HISTORIES),
  violenceInCustody: fc.constantFrom(...VIOLENCE_IN_CUSTODY),
  offenceTypes: fc.subarray([...OFFENCE_TYPES]),
  sentenceMonths: fc.integer({ min: 0, max: 600 }),
  judgements: fc.subarray([{ instrument: 've-screening', judgement: 'moderate' }, { instrument: 've-screening', judgement: 'high' }, { instrument: 'needs-screening', judgement: 'high' }]),
  alerts: fc.subarray(['escape-risk', 'violent-extremist', 'assaults-staff', 'medical', 'self-harm']),
});

/** One more risk factor, of any kind: an escalation of what the inputs already say. */
const worse = (i: SuggestionInputs, step: number): SuggestionInputs => {
  switch (step % 6) {
    case 0: return { ...i, escapeHistory: ESCAPE_HISTORIES[Math.min(2, ESCAPE_HISTORIES.indexOf(i.escapeHistory) + 1)]! };
    case 1: return { ...i, violenceInCustody: VIOLENCE_IN_CUSTODY[Math.min(2, VIOLENCE_IN_CUSTODY.indexOf(i.violenceInCustody) + 1)]! };
    case 2: return { ...i, sentenceMonths: i.sentenceMonths + 1 + step * 7 };
    case 3: return { ...i, alerts: [...i.alerts, 'escape-risk'] };
    case 4: return { ...i, offenceTypes: [...i.offenceTypes, OFFENCE_TYPES[step % OFFENCE_TYPES.length]!] };
    default: return { ...i, judgements: [...i.judgements, { instrument: 've-screening', judgement: 'high' }] };
  }
};

test('property: the suggestion is always a level of the scheme, and never below the individual level', () => {
  fc.assert(
    fc.property(fc.constantFrom(fourLevel, uk), inputs, (scheme, i) => {
      const s = suggestLevel(scheme, i);
      assert.ok(rankOf(scheme, s.level) >= 0 && rankOf(scheme, s.individualLevel) >= 0);
      assert.ok(rankOf(scheme, s.level) >= rankOf(scheme, s.individualLevel));
      // The suggestion is exactly the most demanding reason, or the least restrictive level.
      assert.equal(rankOf(scheme, s.level), Math.max(0, ...s.reasons.map((r) => rankOf(scheme, r.minimum))));
    }),
  );
});

test('property: adding a risk factor never lowers the suggestion (monotonic)', () => {
  fc.assert(
    fc.property(fc.constantFrom(fourLevel, uk), inputs, fc.array(fc.nat(50), { minLength: 1, maxLength: 6 }), (scheme, i, steps) => {
      let current: SuggestionInputs = i;
      for (const step of steps) {
        const next = worse(current, step);
        assert.ok(rankOf(scheme, suggestLevel(scheme, next).level) >= rankOf(scheme, suggestLevel(scheme, current).level));
        assert.ok(rankOf(scheme, suggestLevel(scheme, next).individualLevel) >= rankOf(scheme, suggestLevel(scheme, current).individualLevel));
        current = next;
      }
    }),
  );
});

test('property: offence-type rules never change the individual level, and without them there is no over-classification', () => {
  fc.assert(
    fc.property(inputs, (i) => {
      const withOffences = suggestLevel(fourLevel, i);
      const without = suggestLevel(fourLevel, { ...i, offenceTypes: [] });
      assert.equal(withOffences.individualLevel, without.individualLevel);
      assert.equal(overClassified(fourLevel, without.level, without, false), false);
    }),
  );
});
