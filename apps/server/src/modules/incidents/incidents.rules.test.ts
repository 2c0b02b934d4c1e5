import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionOverdue, canMove, closeBlockers, incidentReference, isSerious, mayReview, missingNotifications, nextStatuses, notificationOverdue, requiredNotifications, timeProblem } from './incidents.rules.ts';

const reported = new Date('2026-03-01T10:00:00Z');
const hours = (n: number) => new Date(reported.getTime() + n * 3_600_000);

test("a type's notifications are due the given hours after the report (0: at once)", () => {
  const due = requiredNotifications([{ recipient: 'governor', withinHours: 0 }, { recipient: 'headquarters', withinHours: 24 }], [], reported);
  assert.deepEqual(due, [
    { recipient: 'governor', basis: 'type', dueAt: reported },
    { recipient: 'headquarters', basis: 'type', dueAt: hours(24) },
  ]);
});

test('Mandela Rule 71: a serious injury or a death calls the independent authority without delay, whatever the type says', () => {
  const minor = requiredNotifications([], [{ kind: 'prisoner', injury: 'minor' }], reported);
  assert.deepEqual(minor, []);
  const staffHurt = requiredNotifications([], [{ kind: 'staff', injury: 'serious' }], reported);
  assert.deepEqual(staffHurt, [{ recipient: 'independent-authority', basis: 'mandela-71', dueAt: reported }], "a member of staff's injury has no next of kin duty here");
});

test("Mandela Rule 69: a prisoner's death or serious injury is told to the next of kin at once; the earlier deadline and the rule win", () => {
  const due = requiredNotifications([{ recipient: 'next-of-kin', withinHours: 12 }, { recipient: 'governor', withinHours: 4 }], [{ kind: 'prisoner', injury: 'fatal' }], reported);
  assert.deepEqual(due.find((n) => n.recipient === 'next-of-kin'), { recipient: 'next-of-kin', basis: 'mandela-69', dueAt: reported });
  assert.deepEqual(due.find((n) => n.recipient === 'independent-authority'), { recipient: 'independent-authority', basis: 'mandela-71', dueAt: reported });
  assert.equal(due.length, 3);
});

test('a person added later with a serious injury adds only the duties the incident does not have yet', () => {
  const required = requiredNotifications([], [{ kind: 'prisoner', injury: 'serious' }], hours(2));
  assert.deepEqual(missingNotifications(['independent-authority'], required).map((n) => n.recipient), ['next-of-kin']);
  assert.deepEqual(missingNotifications(['independent-authority', 'next-of-kin'], required), []);
});

test('serious: the type says so, or someone was seriously injured or died', () => {
  assert.equal(isSerious(true, []), true);
  assert.equal(isSerious(false, ['none', 'minor']), false);
  assert.equal(isSerious(false, ['minor', 'serious']), true);
  assert.equal(isSerious(false, ['fatal']), true);
});

test('a notification is overdue once its deadline and a quarter of an hour have passed, and never once done', () => {
  assert.equal(notificationOverdue({ dueAt: reported, doneAt: null }, new Date(reported.getTime() + 14 * 60_000)), false);
  assert.equal(notificationOverdue({ dueAt: reported, doneAt: null }, new Date(reported.getTime() + 16 * 60_000)), true);
  assert.equal(notificationOverdue({ dueAt: reported, doneAt: hours(5) }, hours(10)), false);
});

test('an action is overdue the day after its due day, until done', () => {
  assert.equal(actionOverdue({ dueOn: '2026-03-10', doneOn: null }, '2026-03-10'), false);
  assert.equal(actionOverdue({ dueOn: '2026-03-10', doneOn: null }, '2026-03-11'), true);
  assert.equal(actionOverdue({ dueOn: '2026-03-10', doneOn: '2026-03-12' }, '2026-03-20'), false);
});

test('status moves forward only: reported → contained → resolved → closed, containment may be skipped', () => {
  assert.ok(canMove('reported', 'contained'));
  assert.ok(canMove('reported', 'resolved'));
  assert.ok(canMove('contained', 'resolved'));
  assert.ok(canMove('resolved', 'closed'));
  assert.ok(!canMove('reported', 'closed'), 'never closed before it is resolved');
  assert.ok(!canMove('resolved', 'contained'), 'never backwards');
  assert.ok(!canMove('contained', 'contained'));
  assert.deepEqual(nextStatuses('closed'), []);
});

test('closing needs the incident resolved, every notification done, the review and, if serious, the debrief', () => {
  const ready = { status: 'resolved' as const, serious: true, notificationsOutstanding: 0, reviewed: true, debriefed: true };
  assert.deepEqual(closeBlockers(ready), []);
  assert.deepEqual(closeBlockers({ ...ready, status: 'contained', notificationsOutstanding: 1, reviewed: false, debriefed: false }), ['not-resolved', 'notifications-outstanding', 'review-missing', 'debrief-missing']);
  assert.deepEqual(closeBlockers({ ...ready, serious: false, debriefed: false }), [], 'a minor incident closes without a debrief');
});

test('times are never in the future (a minute of clock skew allowed) nor before the incident', () => {
  const now = hours(1);
  assert.equal(timeProblem(new Date(now.getTime() + 30_000), null, now), null);
  assert.equal(timeProblem(new Date(now.getTime() + 120_000), null, now), 'incident-time-future');
  assert.equal(timeProblem(hours(-1), reported, now), 'incident-time-before-occurred');
  assert.equal(timeProblem(reported, reported, now), null);
});

test('the review is a second pair of eyes; the reference is what staff quote', () => {
  assert.equal(mayReview('u1', 'u1'), false);
  assert.equal(mayReview('u1', 'u2'), true);
  assert.equal(incidentReference(123), 'INC-000123');
});
