import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, ageOn, daysBetween, localDay } from './calendar.ts';

test('localDay: Dushanbe (UTC+5, no DST) turns the day at 19:00 UTC', () => {
  assert.equal(localDay(new Date('2026-03-09T18:59:59Z'), 'Asia/Dushanbe'), '2026-03-09');
  assert.equal(localDay(new Date('2026-03-09T19:00:00Z'), 'Asia/Dushanbe'), '2026-03-10');
  assert.equal(localDay(new Date('2026-03-09T21:00:00Z'), 'Asia/Dushanbe'), '2026-03-10');
  assert.equal(localDay(new Date('2026-03-09T21:00:00Z'), 'UTC'), '2026-03-09');
});

test('localDay: the year turns locally before it turns in UTC', () => {
  assert.equal(localDay(new Date('2026-12-31T20:00:00Z'), 'Asia/Dushanbe'), '2027-01-01');
  assert.equal(localDay(new Date('2027-01-01T03:00:00Z'), 'America/New_York'), '2026-12-31');
});

test('localDay: across DST changes the local midnight moves with the offset', () => {
  // Berlin: CET (UTC+1) until 29 March 2026 01:00 UTC, then CEST (UTC+2).
  assert.equal(localDay(new Date('2026-03-28T22:59:59Z'), 'Europe/Berlin'), '2026-03-28');
  assert.equal(localDay(new Date('2026-03-28T23:00:00Z'), 'Europe/Berlin'), '2026-03-29');
  assert.equal(localDay(new Date('2026-03-29T21:59:59Z'), 'Europe/Berlin'), '2026-03-29');
  assert.equal(localDay(new Date('2026-03-29T22:00:00Z'), 'Europe/Berlin'), '2026-03-30');
  // New York falls back on 1 November 2026 (EDT UTC-4 → EST UTC-5): that day has 25 hours.
  assert.equal(localDay(new Date('2026-11-01T03:59:59Z'), 'America/New_York'), '2026-10-31');
  assert.equal(localDay(new Date('2026-11-01T04:00:00Z'), 'America/New_York'), '2026-11-01');
  assert.equal(localDay(new Date('2026-11-02T04:59:59Z'), 'America/New_York'), '2026-11-01');
  assert.equal(localDay(new Date('2026-11-02T05:00:00Z'), 'America/New_York'), '2026-11-02');
});

test('addDays and daysBetween count calendar days, DST days included', () => {
  assert.equal(addDays('2026-03-28', 1), '2026-03-29');
  assert.equal(addDays('2026-03-29', 1), '2026-03-30');
  assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  assert.equal(addDays('2024-03-01', -1), '2024-02-29');
  assert.equal(addDays('2026-01-10', -15), '2025-12-26');
  assert.equal(daysBetween('2026-03-28', '2026-03-30'), 2);
  assert.equal(daysBetween('2026-11-02', '2026-10-31'), -2);
  assert.equal(daysBetween('2024-01-01', '2025-01-01'), 366);
  for (const n of [-400, -1, 0, 1, 15, 365, 1000]) assert.equal(daysBetween('2026-03-29', addDays('2026-03-29', n)), n);
});

test('ageOn counts completed years; a 29 February birthday turns on 1 March', () => {
  assert.equal(ageOn('2000-06-15', '2018-06-14'), 17);
  assert.equal(ageOn('2000-06-15', '2018-06-15'), 18);
  assert.equal(ageOn('2000-02-29', '2021-02-28'), 20);
  assert.equal(ageOn('2000-02-29', '2021-03-01'), 21);
});

test('an 18th birthday is reached at local midnight in Dushanbe, hours before UTC midnight', () => {
  const at = new Date('2026-06-14T20:00:00Z'); // 01:00 on 15 June in Dushanbe
  assert.equal(ageOn('2008-06-15', localDay(at, 'UTC')), 17);
  assert.equal(ageOn('2008-06-15', localDay(at, 'Asia/Dushanbe')), 18);
});
