import { test } from 'node:test';
import assert from 'node:assert/strict';
import { categoryRows, programmeRows } from './caseload-rows.ts';

const facility = (code: string, categories: { level: string | null; names: { en: string; ru: string; tg: string } | null; count: number }[]) => ({
  facilityId: `id-${code}`,
  facilityCode: code,
  facilityName: code,
  assessments: { due: 0, overdue: 0 },
  categories,
  programmes: [{ programmeId: `p-${code}`, kind: 'vocational' as const, name: 'Wood', nameRu: null, nameTg: null, capacity: 10, enrolled: 4, waiting: 0, attendanceRate: 0.5 }],
  plans: { active: 0, withoutReview: 0 },
});

test('categories are named in the reader\'s language, undecided ones by the given words and sorted last', () => {
  const rows = categoryRows(
    [facility('IK-5', [{ level: 'high', names: { en: 'High', ru: 'Высокая', tg: 'Баланд' }, count: 3 }, { level: null, names: null, count: 2 }])],
    'tg',
    'Ҳанӯз қарор нест',
  );
  assert.deepEqual(rows.map((r) => [r.levelName, r.count]), [['Баланд', 3], ['Ҳанӯз қарор нест', 2]]);
  assert.ok(rows[1]!.order > rows[0]!.order);
});

test('programmes of several facilities come as one list, each with its facility', () => {
  const rows = programmeRows([facility('IK-5', []), facility('IK-9', [])]);
  assert.deepEqual(rows.map((r) => [r.facilityCode, r.programmeId]), [['IK-5', 'p-IK-5'], ['IK-9', 'p-IK-9']]);
});
