import { test } from 'node:test';
import assert from 'node:assert/strict';
import { effectiveDateProblem, inForceOn, versionStatus } from './catalogue.rules.ts';

const v1 = { version: 1, effectiveFrom: '2026-01-01' };
const v2 = { version: 2, effectiveFrom: '2026-06-01' };
const v3 = { version: 3, effectiveFrom: '2026-06-01' };
const v4 = { version: 4, effectiveFrom: '2027-01-01' };

test('the version in force is the newest whose day has come; same day, the later version', () => {
  assert.equal(inForceOn([v1, v2, v3, v4], '2025-12-31'), undefined);
  assert.equal(inForceOn([v1, v2, v3, v4], '2026-05-31'), v1);
  assert.equal(inForceOn([v4, v3, v2, v1], '2026-06-01'), v3);
  assert.equal(inForceOn([v1, v2, v3, v4], '2027-01-01'), v4);
});

test('each version is in force, scheduled or superseded', () => {
  const all = [v1, v2, v3, v4];
  assert.deepEqual(all.map((v) => versionStatus(all, v, '2026-07-01')), ['superseded', 'superseded', 'in-force', 'scheduled']);
});

test('a new version never takes effect in the past, nor before the version it follows', () => {
  assert.equal(effectiveDateProblem('2026-12-03', '2026-12-03', v1), null);
  assert.equal(effectiveDateProblem('2026-12-02', '2026-12-03', v1), 'catalogue-effective-date');
  assert.equal(effectiveDateProblem('2026-12-31', '2026-12-03', v4), 'catalogue-effective-date');
  assert.equal(effectiveDateProblem('2027-01-01', '2026-12-03', v4), null);
});
