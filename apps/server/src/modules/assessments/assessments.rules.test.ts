import { test } from 'node:test';
import assert from 'node:assert/strict';
import { draftFaults, nextReviewOn, ownApproval, submitFaults, type AssessmentContent } from './assessments.rules.ts';

const names = { en: 'x', ru: 'x', tg: 'x' };
const scale = (allowsUnknown: boolean) => ({ levels: [{ code: 'low', names }, { code: 'high', names }], allowsUnknown });
const item = (code: string, womenOnly = false, allowsUnknown = true, domain = 'd') => ({ code, domain, names, guidance: names, scale: scale(allowsUnknown), protective: false, womenOnly });
const def = { domains: [{ code: 'd', names }], items: [item('A1'), item('A2', false, false), item('W1', true)], judgementLevels: [{ code: 'low', names }, { code: 'high', names }] };
const rated = (evidence: string | null = 'seen in the file') => ({ level: 'low', evidence, source: 'file' });
const content = (over: Partial<AssessmentContent> = {}): AssessmentContent => ({ ratings: {}, formulation: null, judgement: null, ...over });
const paths = (faults: { path: string; message: string }[]) => faults.map((f) => `${f.path} ${f.message}`);

test('a draft may be partly rated, but only with levels of each item\'s own scale', () => {
  assert.deepEqual(draftFaults(def, 'male', content({ ratings: { A1: rated(null) } })), []);
  assert.deepEqual(draftFaults(def, 'male', content({ ratings: { A1: { ...rated(), level: 'unknown' } } })), [], 'the scale allows unknown');
  assert.deepEqual(paths(draftFaults(def, 'male', content({ ratings: { A2: { ...rated(), level: 'unknown' }, A1: { ...rated(), level: 'severe' }, Z9: rated() }, judgement: 'grave' }))), [
    'ratings.A2.level assessment-rating-invalid',
    'ratings.A1.level assessment-rating-invalid',
    'ratings.Z9 assessment-rating-invalid',
    'judgement assessment-judgement-invalid',
  ]);
});

test('a women-only item is refused for a man and may be rated for a woman', () => {
  assert.deepEqual(paths(draftFaults(def, 'male', content({ ratings: { W1: rated() } }))), ['ratings.W1 assessment-item-women-only']);
  assert.deepEqual(draftFaults(def, 'female', content({ ratings: { W1: rated() } })), []);
});

test('submitting needs every applicable item rated with evidence, a formulation and a judgement', () => {
  assert.deepEqual(paths(submitFaults(def, 'male', content({ ratings: { A1: rated('  ') } }))), [
    'ratings.A1.evidence assessment-evidence-missing',
    'ratings.A2 assessment-item-unrated',
    'formulation assessment-formulation-missing',
    'judgement assessment-judgement-missing',
  ]);
  const man = content({ ratings: { A1: rated(), A2: rated() }, formulation: 'How the factors interact', judgement: 'high' });
  assert.deepEqual(submitFaults(def, 'male', man), [], 'the women-only item is not asked of a man');
  assert.deepEqual(paths(submitFaults(def, 'female', man)), ['ratings.W1 assessment-item-unrated'], 'and is required for a woman');
  assert.deepEqual(submitFaults(def, 'female', { ...man, ratings: { ...man.ratings, W1: rated() } }), []);
});

test('four eyes: neither the assessor nor the author approves', () => {
  assert.equal(ownApproval('u1', { assessorId: 'u1', createdBy: 'u2' }), true);
  assert.equal(ownApproval('u2', { assessorId: 'u1', createdBy: 'u2' }), true);
  assert.equal(ownApproval('u3', { assessorId: 'u1', createdBy: 'u2' }), false);
});

test('the next review is the approval day plus the interval, on the month\'s last day when it lacks that day', () => {
  assert.equal(nextReviewOn('2026-03-15', 12), '2027-03-15');
  assert.equal(nextReviewOn('2026-11-30', 3), '2027-02-28');
  assert.equal(nextReviewOn('2027-08-31', 6), '2028-02-29');
  assert.equal(nextReviewOn('2026-01-31', 1), '2026-02-28');
  assert.equal(nextReviewOn('2026-12-01', 60), '2031-12-01');
});

test('Bangkok Rules: every item of a women-only domain is asked of women only, and required of them', () => {
  const withDomain = { ...def, domains: [{ code: 'd', names }, { code: 'women', names, womenOnly: true }], items: [...def.items, item('WD1', false, true, 'women')] };
  const man = content({ ratings: { A1: rated(), A2: rated() }, formulation: 'How the factors interact', judgement: 'high' });
  assert.deepEqual(submitFaults(withDomain, 'male', man), [], 'not asked of a man');
  assert.deepEqual(paths(draftFaults(withDomain, 'male', content({ ratings: { WD1: rated() } }))), ['ratings.WD1 assessment-item-women-only'], 'nor rated for one');
  assert.deepEqual(paths(submitFaults(withDomain, 'female', man)), ['ratings.W1 assessment-item-unrated', 'ratings.WD1 assessment-item-unrated'], 'required of a woman');
});
