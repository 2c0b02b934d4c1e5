import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DomainEvent } from '../../platform/events/event-types.ts';
import { dueReasons, releaseReviewOn, triggerOf, withinHorizon } from './reassessment.rules.ts';

const envelope = { id: 'e1', seq: '1', entityType: 'x', entityId: 'x', facilityId: null, occurredAt: '2026-05-01T10:00:00Z' };
const event = (e: Pick<DomainEvent, 'type' | 'payload'>) => ({ ...envelope, ...e }) as DomainEvent;

test('a category review triggers a reassessment; a first category decision does not', () => {
  const decided = (review: boolean) => event({ type: 'classification.decided', payload: { decisionId: 'd', prisonerId: 'p1', scheme: 's', level: 'high', review } });
  assert.deepEqual(triggerOf(decided(true)), { reason: 'category-review', prisonerIds: ['p1'] });
  assert.equal(triggerOf(decided(false)), null);
});

test('a graded intelligence report triggers for every prisoner it names, each once', () => {
  const graded = event({ type: 'intelligence.report-graded', payload: { reportId: 'r', prisonerIds: ['p1', 'p2', 'p1'], grade: 'B2' } });
  assert.deepEqual(triggerOf(graded), { reason: 'intelligence', prisonerIds: ['p1', 'p2'] });
});

test('other events never trigger', () => {
  assert.equal(triggerOf(event({ type: 'alert.raised', payload: { alertId: 'a', prisonerId: 'p1', code: 'escape-risk' } })), null);
});

test('only a serious incident triggers', () => {
  const incident = (serious: boolean) => event({ type: 'incident.recorded', payload: { incidentId: 'i', prisonerIds: ['p1'], type: 'assault', serious } });
  assert.deepEqual(triggerOf(incident(true)), { reason: 'incident', prisonerIds: ['p1'] });
  assert.equal(triggerOf(incident(false)), null);
});

test('release planning: six months before the earliest release date, on the month\'s last day when it lacks that day', () => {
  assert.equal(releaseReviewOn('2027-03-15'), '2026-09-15');
  assert.equal(releaseReviewOn('2027-08-31'), '2027-02-28');
  assert.equal(releaseReviewOn('2027-02-10'), '2026-08-10');
});

test('the interval counts from each instrument\'s latest approval; triggers and release planning add their dates', () => {
  const reasons = dueReasons({
    approved: [
      { instrumentCode: 've-screening', approvedOn: '2025-01-10', nextReviewOn: '2025-07-10' },
      { instrumentCode: 've-screening', approvedOn: '2025-08-01', nextReviewOn: '2026-02-01' },
      { instrumentCode: 'needs-screening', approvedOn: '2025-03-01', nextReviewOn: '2026-03-01' },
    ],
    openTriggers: [{ reason: 'incident', dueOn: '2025-12-24' }],
    earliestRelease: '2026-07-01',
  });
  assert.deepEqual(reasons, [
    { code: 'incident', dueOn: '2025-12-24', instrumentCode: null },
    { code: 'release', dueOn: '2026-01-01', instrumentCode: null },
    { code: 'interval', dueOn: '2026-02-01', instrumentCode: 've-screening' },
    { code: 'interval', dueOn: '2026-03-01', instrumentCode: 'needs-screening' },
  ]);
});

test('an approval on or after the six-month mark satisfies release planning', () => {
  const approved = [{ instrumentCode: 've-screening', approvedOn: '2026-01-01', nextReviewOn: '2026-07-01' }];
  assert.deepEqual(dueReasons({ approved, openTriggers: [], earliestRelease: '2026-07-01' }).map((r) => r.code), ['interval']);
  assert.deepEqual(dueReasons({ approved, openTriggers: [], earliestRelease: '2026-07-02' }).map((r) => r.code), ['release', 'interval']);
  assert.deepEqual(dueReasons({ approved: [], openTriggers: [], earliestRelease: null }), []);
});

test('listed when overdue or due within the horizon', () => {
  assert.equal(withinHorizon('2026-01-01', '2026-03-01', 0), true);
  assert.equal(withinHorizon('2026-03-31', '2026-03-01', 30), true);
  assert.equal(withinHorizon('2026-04-01', '2026-03-01', 30), false);
});
