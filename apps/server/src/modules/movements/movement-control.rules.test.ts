import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkMovement, isOverdue, localClock, meetingPlace, wingAbove, withinWindows, zoneOf, type MovementSubject, type ZoneRules } from './movement-control.rules.ts';

const TZ = 'Asia/Dushanbe'; // UTC+5, no daylight saving
const at = (local: string) => new Date(`${local}+05:00`);
const zone = (locationId: string, extra: Partial<ZoneRules> = {}): ZoneRules => ({ locationId, openWindows: [], escortedOnly: false, barredPrisonerIds: [], barredAlertCodes: [], barredCategories: [], ...extra });
// facility → yard zone (Y) → yard corner (Y1); healthcare (H) without a zone; wing W → landing L → cell C.
const parents = new Map<string, string | null>([
  ['Y', null],
  ['Y1', 'Y'],
  ['H', null],
  ['W', null],
  ['L', 'W'],
  ['C', 'L'],
]);
const subject = (extra: Partial<MovementSubject> = {}): MovementSubject => ({ id: 'p1', securityCategory: 'medium', alertCodes: [], keepApartIds: new Set(['p2']), ...extra });
const move = (toLocationId: string, from: string, to: string, escort: string | null = null) => ({ toLocationId, start: at(`2026-12-03T${from}:00`), end: at(`2026-12-03T${to}:00`), escort });
const other = (prisonerId: string, toLocationId: string, from: string, to: string) => ({ movementId: `m-${prisonerId}`, prisonerId, toLocationId, start: at(`2026-12-03T${from}:00`), end: at(`2026-12-03T${to}:00`) });

test('the facility clock: an instant read in the facility’s time zone', () => {
  assert.deepEqual(localClock(new Date('2026-12-03T03:30:00Z'), TZ), { day: '2026-12-03', time: '08:30' });
  assert.deepEqual(localClock(new Date('2026-12-03T21:10:00Z'), TZ), { day: '2026-12-04', time: '02:10' });
});

test('a zone covers the places beneath it; the nearest zone wins', () => {
  const zones = new Map([['Y', zone('Y')]]);
  assert.equal(zoneOf('Y1', parents, zones)?.locationId, 'Y');
  assert.equal(zoneOf('H', parents, zones), null);
  assert.equal(meetingPlace('Y1', parents, zones), 'Y');
  assert.equal(meetingPlace('H', parents, zones), 'H');
  const nested = new Map([['Y', zone('Y')], ['Y1', zone('Y1')]]);
  assert.equal(zoneOf('Y1', parents, nested)?.locationId, 'Y1');
});

test('regime times: open 08:00–12:00 and 14:00–18:00 on the facility clock', () => {
  const windows = [{ start: '08:00', end: '12:00' }, { start: '14:00', end: '18:00' }];
  assert.equal(withinWindows(at('2026-12-03T09:00:00'), at('2026-12-03T10:00:00'), windows, TZ), true);
  assert.equal(withinWindows(at('2026-12-03T08:00:00'), at('2026-12-03T12:00:00'), windows, TZ), true, 'the edges are inside');
  assert.equal(withinWindows(at('2026-12-03T11:30:00'), at('2026-12-03T12:30:00'), windows, TZ), false, 'running past the closing time');
  assert.equal(withinWindows(at('2026-12-03T12:30:00'), at('2026-12-03T13:30:00'), windows, TZ), false, 'the lunch break');
  assert.equal(withinWindows(at('2026-12-03T11:00:00'), at('2026-12-03T15:00:00'), windows, TZ), false, 'across the break');
  assert.equal(withinWindows(at('2026-12-03T23:30:00'), at('2026-12-04T00:30:00'), [{ start: '00:00', end: '23:59' }], TZ), false, 'across midnight');
  assert.equal(withinWindows(at('2026-12-03T02:00:00'), at('2026-12-03T03:00:00'), [], TZ), true, 'no windows: always open');
  // 03:00 UTC is 08:00 in Dushanbe: the window is read on the facility's clock, not UTC.
  assert.equal(withinWindows(new Date('2026-12-03T03:00:00Z'), new Date('2026-12-03T04:00:00Z'), windows, TZ), true);
});

test('keep-apart: refused when the other is due in the same zone at an overlapping time', () => {
  const zones = new Map([['Y', zone('Y')]]);
  const tree = { parents, zones };
  const v = checkMovement(subject(), move('Y', '09:00', '10:00'), [other('p2', 'Y1', '09:30', '10:30')], tree, TZ);
  assert.deepEqual(v, [{ rule: 'movement-keep-apart', path: 'toLocationId', otherPrisonerId: 'p2', otherMovementId: 'm-p2' }]);
  assert.deepEqual(checkMovement(subject(), move('Y', '09:00', '10:00'), [other('p2', 'Y', '10:00', '11:00')], tree, TZ), [], 'one leaves as the other arrives');
  assert.deepEqual(checkMovement(subject(), move('Y', '09:00', '10:00'), [other('p2', 'H', '09:00', '10:00')], tree, TZ), [], 'another place');
  assert.deepEqual(checkMovement(subject(), move('Y', '09:00', '10:00'), [other('p3', 'Y', '09:00', '10:00')], tree, TZ), [], 'someone not on the list');
  assert.deepEqual(checkMovement(subject(), move('H', '09:00', '10:00'), [other('p2', 'H', '09:00', '10:00')], tree, TZ).map((x) => x.rule), ['movement-keep-apart'], 'the same place without a zone');
  const group = subject({ keepApartIds: new Set(['p2', 'p3']) });
  assert.equal(checkMovement(group, move('Y', '09:00', '10:00'), [other('p2', 'Y', '09:00', '10:00'), other('p3', 'Y1', '09:00', '10:00')], tree, TZ).length, 2, 'a group names each conflict');
});

test('zone rules: barred prisoner, alert code, category; escorted-only; closed', () => {
  const zones = new Map([['H', zone('H', { barredPrisonerIds: ['p1'], barredAlertCodes: ['escape-risk'], barredCategories: ['maximum'], escortedOnly: true, openWindows: [{ start: '08:00', end: '12:00' }] })]]);
  const tree = { parents, zones };
  const rules = (s: MovementSubject, m = move('H', '13:00', '14:00')) => checkMovement(s, m, [], tree, TZ).map((v) => v.rule);
  assert.deepEqual(rules(subject({ alertCodes: ['escape-risk'], securityCategory: 'maximum' })), [
    'movement-zone-barred-prisoner',
    'movement-zone-barred-alert',
    'movement-zone-barred-category',
    'movement-zone-closed',
    'movement-zone-escort',
  ]);
  assert.deepEqual(rules(subject({ id: 'p9' }), move('H', '09:00', '10:00', 'Officer Rahimov')), [], 'another prisoner, in hours, escorted');
  assert.deepEqual(rules(subject({ id: 'p9' }), move('H', '09:00', '10:00')), ['movement-zone-escort']);
});

test('overdue: out past the planned end; the wing above a cell', () => {
  const now = at('2026-12-03T11:00:00');
  assert.equal(isOverdue({ status: 'out', plannedEnd: at('2026-12-03T10:59:00') }, now), true);
  assert.equal(isOverdue({ status: 'out', plannedEnd: at('2026-12-03T11:30:00') }, now), false);
  assert.equal(isOverdue({ status: 'planned', plannedEnd: at('2026-12-03T10:00:00') }, now), false);
  const places = new Map([
    ['W', { parentId: null, kind: 'wing' }],
    ['L', { parentId: 'W', kind: 'landing' }],
    ['C', { parentId: 'L', kind: 'cell' }],
  ]);
  assert.equal(wingAbove('C', places), 'W');
  assert.equal(wingAbove(null, places), null);
});
