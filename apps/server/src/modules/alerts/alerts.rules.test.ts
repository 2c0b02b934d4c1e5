import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alertStatus, compareAlerts, endedOn, raiseProblem, typeVisibleTo } from './alerts.rules.ts';

test('a code restricted to roles is visible to those roles only; an open one to everyone', () => {
  assert.equal(typeVisibleTo({ restrictedTo: [] }, ['officer']), true);
  assert.equal(typeVisibleTo({ restrictedTo: ['intelligence_manager'] }, ['officer']), false);
  assert.equal(typeVisibleTo({ restrictedTo: ['intelligence_manager'] }, ['officer', 'intelligence_manager']), true);
  assert.equal(typeVisibleTo({ restrictedTo: ['governor'] }, []), false);
});

test('status on a day: upcoming, active through its last day, expired after, ended at once', () => {
  const a = { startsOn: '2026-03-10', endsOn: '2026-03-20', endedBy: null };
  assert.equal(alertStatus(a, '2026-03-09'), 'upcoming');
  assert.equal(alertStatus(a, '2026-03-10'), 'active');
  assert.equal(alertStatus(a, '2026-03-20'), 'active');
  assert.equal(alertStatus(a, '2026-03-21'), 'expired');
  assert.equal(alertStatus({ ...a, endsOn: null }, '2030-01-01'), 'active');
  assert.equal(alertStatus({ ...a, endedBy: 'officer' }, '2026-03-15'), 'ended');
});

test('raising: the link is required exactly when the code needs one, never to oneself; dates in order', () => {
  const base = { prisonerId: 'p', startsOn: '2026-03-10' };
  assert.equal(raiseProblem({ needsRelatedPrisoner: true }, base), 'alert-related-required');
  assert.equal(raiseProblem({ needsRelatedPrisoner: true }, { ...base, relatedPrisonerId: 'q' }), null);
  assert.equal(raiseProblem({ needsRelatedPrisoner: true }, { ...base, relatedPrisonerId: 'p' }), 'alert-related-not-allowed');
  assert.equal(raiseProblem({ needsRelatedPrisoner: false }, { ...base, relatedPrisonerId: 'q' }), 'alert-related-not-allowed');
  assert.equal(raiseProblem({ needsRelatedPrisoner: false }, { ...base, endsOn: '2026-03-09' }), 'alert-dates');
  assert.equal(raiseProblem({ needsRelatedPrisoner: false }, { ...base, endsOn: '2026-03-10' }), null);
});

test('ending: today, but never before the start nor after an end date already set', () => {
  assert.equal(endedOn({ startsOn: '2026-03-01', endsOn: null }, '2026-03-15'), '2026-03-15');
  assert.equal(endedOn({ startsOn: '2026-03-20', endsOn: null }, '2026-03-15'), '2026-03-20');
  assert.equal(endedOn({ startsOn: '2026-03-01', endsOn: '2026-03-10' }, '2026-03-15'), '2026-03-10');
  assert.equal(endedOn({ startsOn: '2026-03-01', endsOn: '2026-04-10' }, '2026-03-15'), '2026-03-15');
});

test('order: current alerts first, then the history, latest start first', () => {
  const list = [
    { id: 1, status: 'ended' as const, startsOn: '2026-03-05', raisedAt: 'a' },
    { id: 2, status: 'active' as const, startsOn: '2026-01-01', raisedAt: 'a' },
    { id: 3, status: 'upcoming' as const, startsOn: '2026-04-01', raisedAt: 'a' },
    { id: 4, status: 'expired' as const, startsOn: '2026-02-01', raisedAt: 'a' },
  ];
  assert.deepEqual(list.sort(compareAlerts).map((a) => a.id), [3, 2, 1, 4]);
});
