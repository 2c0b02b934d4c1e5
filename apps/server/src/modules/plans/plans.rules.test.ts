import { test } from 'node:test';
import assert from 'node:assert/strict';
import { interventionStatusesFrom, objectiveStatusesFrom, type InstrumentDefinition } from '@vigil/contracts';
import {
  FIRST_REVIEW_DAYS,
  firstReviewFaults,
  interventionFaults,
  interventionTransitionAllowed,
  objectiveFaults,
  objectiveTransitionAllowed,
  resolveNeed,
  reviewDue,
  reviewFaults,
} from './plans.rules.ts';

const names = (en: string) => ({ en, ru: en, tg: en });
const definition = {
  domains: [{ code: 'work', names: names('Work') }],
  items: [{ code: 'W1', domain: 'work', names: names('Employment history') }],
} as unknown as InstrumentDefinition;

test('an objective answers at least one assessed need', () => {
  assert.deepEqual(objectiveFaults([]), [{ path: 'needs', message: 'plan-objective-unlinked' }]);
  assert.deepEqual(objectiveFaults([{ assessmentId: 'a', code: 'W1' }]), []);
});

test('a need is a domain or an item of the assessed instrument version, nothing else', () => {
  assert.equal(resolveNeed(definition, 'work')?.kind, 'domain');
  const item = resolveNeed(definition, 'W1');
  assert.equal(item?.kind, 'item');
  assert.equal(item?.kind === 'item' && item.domain?.code, 'work');
  assert.equal(resolveNeed(definition, 'W2'), undefined);
  assert.equal(resolveNeed(definition, 'WORK'), undefined, 'codes match exactly');
});

test('a review is minuted once held, and the next one is not in the past', () => {
  const today = '2026-12-03';
  assert.deepEqual(reviewFaults(today, { heldOn: today, nextReviewOn: today }), []);
  assert.deepEqual(reviewFaults(today, { heldOn: '2026-11-20', nextReviewOn: '2027-03-01' }), []);
  assert.deepEqual(reviewFaults(today, { heldOn: today, nextReviewOn: '2026-12-02' }), [{ path: 'nextReviewOn', message: 'plan-review-date-past' }]);
  assert.deepEqual(reviewFaults(today, { heldOn: '2026-12-04', nextReviewOn: '2026-12-05' }), [{ path: 'heldOn', message: 'plan-review-held-future' }]);
  assert.deepEqual(firstReviewFaults(today, '2026-12-01'), [{ path: 'nextReviewOn', message: 'plan-review-date-past' }]);
  assert.deepEqual(firstReviewFaults(today, null), []);
  assert.deepEqual(firstReviewFaults(today, today), []);
});

test('an intervention ends on or after its start', () => {
  assert.deepEqual(interventionFaults({ startsOn: '2026-12-03', endsOn: '2026-12-02' }), [{ path: 'endsOn', message: 'plan-dates-order' }]);
  assert.deepEqual(interventionFaults({ startsOn: '2026-12-03', endsOn: '2026-12-03' }), []);
  assert.deepEqual(interventionFaults({ startsOn: '2026-12-03', endsOn: null }), []);
});

test('objective outcomes are final; open goes to any outcome', () => {
  for (const to of ['achieved', 'not-achieved', 'withdrawn'] as const) assert.ok(objectiveTransitionAllowed('open', to));
  assert.ok(objectiveTransitionAllowed('achieved', 'achieved'), 'an edit of the text keeps the status');
  assert.ok(!objectiveTransitionAllowed('achieved', 'open'));
  assert.ok(!objectiveTransitionAllowed('withdrawn', 'achieved'));
  assert.deepEqual(objectiveStatusesFrom('open'), ['open', 'achieved', 'not-achieved', 'withdrawn']);
  assert.deepEqual(objectiveStatusesFrom('withdrawn'), ['withdrawn']);
});

test('interventions: planned → active → completed, stopped from either; completed and stopped are final', () => {
  assert.ok(interventionTransitionAllowed('planned', 'active'));
  assert.ok(interventionTransitionAllowed('planned', 'stopped'));
  assert.ok(interventionTransitionAllowed('active', 'completed'));
  assert.ok(interventionTransitionAllowed('active', 'stopped'));
  assert.ok(!interventionTransitionAllowed('planned', 'completed'), 'work not started is not completed');
  assert.ok(!interventionTransitionAllowed('completed', 'active'));
  assert.ok(!interventionTransitionAllowed('stopped', 'planned'));
  assert.deepEqual(interventionStatusesFrom('active'), ['active', 'completed', 'stopped']);
});

test('a plan is due for review when its date has passed, or 28 days after it was made when never given one', () => {
  const today = '2026-12-03';
  assert.equal(reviewDue(today, { createdOn: '2026-11-01', nextReviewOn: '2026-12-03', reviewed: true }), undefined, 'due today is not yet overdue');
  assert.deepEqual(reviewDue(today, { createdOn: '2026-11-01', nextReviewOn: '2026-12-01', reviewed: true }), { reason: 'review-overdue', dueOn: '2026-12-01' });
  assert.deepEqual(reviewDue(today, { createdOn: '2026-11-01', nextReviewOn: '2026-12-01', reviewed: false }), { reason: 'never-reviewed', dueOn: '2026-12-01' });
  assert.equal(FIRST_REVIEW_DAYS, 28);
  assert.equal(reviewDue(today, { createdOn: '2026-11-05', nextReviewOn: null, reviewed: false }), undefined, 'the 28th day is still in time');
  assert.deepEqual(reviewDue(today, { createdOn: '2026-11-04', nextReviewOn: null, reviewed: false }), { reason: 'never-reviewed', dueOn: '2026-12-02' });
});
