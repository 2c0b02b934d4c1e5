import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { consoleOrder, escalationLevel, foldEvents, isFlood, isShelved, missingMandatory, nextState, parseMessage, parseTopic, peakWindow, rateBand, resolvable, shelvable, shelvedUntil, stepProblem } from './alarms.rules.ts';

describe('alarm rules', () => {
  test('state machine: new → acknowledged → in progress → resolved; nothing after resolved', () => {
    assert.equal(nextState('new', 'acknowledge'), 'acknowledged');
    assert.equal(nextState('acknowledged', 'acknowledge'), null);
    assert.equal(nextState('acknowledged', 'start'), 'in-progress');
    assert.equal(nextState('new', 'start'), null);
    assert.equal(nextState('new', 'complete-step'), null);
    assert.equal(nextState('acknowledged', 'complete-step'), 'in-progress');
    assert.equal(nextState('in-progress', 'resolve'), 'resolved');
    assert.equal(nextState('resolved', 'acknowledge'), null);
    assert.equal(nextState('resolved', 'shelve'), null);
    assert.equal(resolvable('new'), false);
    assert.equal(resolvable('acknowledged'), true);
  });

  test('SOP: mandatory steps must be done, in order; optional ones may be passed over', () => {
    const steps = [
      { position: 1, mandatory: true, done: true },
      { position: 2, mandatory: false, done: false },
      { position: 3, mandatory: true, done: false },
      { position: 4, mandatory: true, done: false },
    ];
    assert.deepEqual(missingMandatory(steps), [3, 4]);
    assert.equal(stepProblem(steps, 3), null);
    assert.equal(stepProblem(steps, 4), 'alarm-step-order');
    assert.equal(stepProblem(steps, 1), 'alarm-step-done');
    assert.equal(stepProblem(steps, 9), 'not-found');
    assert.deepEqual(missingMandatory(steps.map((s) => ({ ...s, done: s.mandatory }))), []);
  });

  test('shelving: not critical; lasts its time and then is over', () => {
    assert.equal(shelvable('critical'), false);
    assert.equal(shelvable('medium'), true);
    const now = new Date('2026-01-01T10:00:00Z');
    const until = shelvedUntil(now, 15);
    assert.equal(until.toISOString(), '2026-01-01T10:15:00.000Z');
    assert.equal(isShelved(until, now), true);
    assert.equal(isShelved(until, new Date('2026-01-01T10:15:00Z')), false);
    assert.equal(isShelved(null, now), false);
  });

  test('escalation: one level per period unacknowledged, up to three; none once acknowledged or while shelved', () => {
    const raisedAt = new Date('2026-01-01T10:00:00Z');
    const at = (s: number) => new Date(raisedAt.getTime() + s * 1000);
    assert.equal(escalationLevel({ state: 'new', raisedAt, shelvedUntil: null }, 30, at(29)), 0);
    assert.equal(escalationLevel({ state: 'new', raisedAt, shelvedUntil: null }, 30, at(30)), 1);
    assert.equal(escalationLevel({ state: 'new', raisedAt, shelvedUntil: null }, 30, at(95)), 3);
    assert.equal(escalationLevel({ state: 'new', raisedAt, shelvedUntil: null }, 30, at(9999)), 3);
    assert.equal(escalationLevel({ state: 'acknowledged', raisedAt, shelvedUntil: null }, 30, at(95)), 0);
    assert.equal(escalationLevel({ state: 'new', raisedAt, shelvedUntil: at(200) }, 30, at(95)), 0);
  });

  test('flood grouping: events per device and type fold into one group with the last condition', () => {
    const t = (s: number) => new Date(1_000_000 + s * 1000);
    const groups = foldEvents([
      { deviceId: 'a', type: 'perimeter', condition: 'raised', at: t(2) },
      { deviceId: 'a', type: 'perimeter', condition: 'cleared', at: t(3) },
      { deviceId: 'a', type: 'perimeter', condition: 'raised', at: t(1) },
      { deviceId: 'b', type: 'perimeter', condition: 'cleared', at: t(1) },
      { deviceId: 'a', type: 'tamper', condition: 'raised', at: t(1) },
    ]);
    assert.equal(groups.length, 3);
    const a = groups.find((g) => g.deviceId === 'a' && g.type === 'perimeter')!;
    assert.equal(a.events, 3);
    assert.equal(a.condition, 'cleared');
    assert.equal(a.anyRaised, true);
    assert.equal(a.firstRaisedAt?.getTime(), t(1).getTime());
    assert.equal(groups.find((g) => g.deviceId === 'b')!.anyRaised, false);
    const many = foldEvents(Array.from({ length: 50_000 }, (_, i) => ({ deviceId: 'a', type: 'perimeter', condition: 'raised' as const, at: t(i % 60) })));
    assert.equal(many.length, 1);
    assert.equal(many[0]!.events, 50_000);
  });

  test('EEMUA 191 bands and the flood window', () => {
    assert.equal(rateBand(0.5), 'acceptable');
    assert.equal(rateBand(1), 'acceptable');
    assert.equal(rateBand(1.5), 'manageable');
    assert.equal(rateBand(5), 'over-demanding');
    assert.equal(rateBand(0.1, 11), 'flood');
    const base = Date.UTC(2026, 0, 1);
    const times = Array.from({ length: 12 }, (_, i) => new Date(base + i * 30_000));
    assert.deepEqual(peakWindow(times), { peak: 12, floodWindows: 1 });
    assert.equal(peakWindow([new Date(base), new Date(base + 600_000)]).peak, 1);
    assert.equal(isFlood(11), true);
    assert.equal(isFlood(10), false);
  });

  test('topics and payloads: read or quarantined with the reason', () => {
    assert.deepEqual(parseTopic('vigil/IK-9/devices/DUR-A/events'), { facilityCode: 'IK-9', deviceCode: 'DUR-A' });
    assert.equal(parseTopic('vigil/IK-9/devices/DUR-A'), null);
    assert.equal(parseTopic('other/IK-9/devices/DUR-A/events'), null);
    const ok = parseMessage('{"id":"k1","type":"duress"}');
    assert.ok(ok.ok && ok.payload.condition === 'raised');
    const bad = parseMessage('{"id":"k1"');
    assert.ok(!bad.ok && bad.reason === 'malformed-json');
    const invalid = parseMessage('{"id":"k1","type":"duress","condition":"maybe"}');
    assert.ok(!invalid.ok && invalid.reason === 'invalid-payload');
    const extra = parseMessage('{"id":"k1","type":"duress","evil":1}');
    assert.ok(!extra.ok && extra.reason === 'invalid-payload');
    const big = parseMessage('x'.repeat(20_000));
    assert.ok(!big.ok && big.reason === 'too-large');
  });

  test('console order: priority first, then newest', () => {
    const rows = [
      { priority: 'low' as const, raisedAt: '2026-01-01T10:00:00Z' },
      { priority: 'critical' as const, raisedAt: '2026-01-01T09:00:00Z' },
      { priority: 'critical' as const, raisedAt: '2026-01-01T09:30:00Z' },
    ].sort(consoleOrder);
    assert.deepEqual(rows.map((r) => r.raisedAt), ['2026-01-01T09:30:00Z', '2026-01-01T09:00:00Z', '2026-01-01T10:00:00Z']);
  });
});
