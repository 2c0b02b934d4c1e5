import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDemoPlan, type PlannedPlace } from './demo.plan.ts';
import { DEMO_PRISONER_TARGET, planDemoPrisoners } from './demo.prisoners.ts';
import { separationCategory } from '../prisoners/prisoners.rules.ts';
import { fileDateProblems } from '../prisoners/prisoners.rules.ts';

const NOW = new Date('2026-11-22T12:00:00Z');
const TODAY = '2026-11-22';
const plan = buildDemoPlan(7);
const prisoners = planDemoPrisoners(7, plan.facilities, NOW);

test('about 1,500 prisoners in all three facilities, with unique prison numbers; the same seed gives the same people', () => {
  assert.ok(Math.abs(prisoners.length - DEMO_PRISONER_TARGET) < 150, `${prisoners.length} prisoners`);
  assert.deepEqual(new Set(prisoners.map((p) => p.facilityCode)), new Set(['SIZO-2', 'IK-9', 'IK-5']));
  assert.equal(new Set(prisoners.map((p) => p.prisonNumber)).size, prisoners.length);
  assert.deepEqual(planDemoPrisoners(7, plan.facilities, NOW).map((p) => p.file.identity.familyName), prisoners.map((p) => p.file.identity.familyName));
});

test('every cell holds one separation category (Mandela Rule 11), and within its baseline capacity', () => {
  const capacity = new Map<string, { sex: string; baseline: number }>();
  const walk = (facility: string, p: PlannedPlace, path: string) => {
    const here = path ? `${path}-${p.code}` : p.code;
    if (p.cell) capacity.set(`${facility}|${here}`, { sex: p.cell.sexDesignation, baseline: p.cell.baselineCapacity });
    for (const c of p.children) walk(facility, c, here);
  };
  for (const f of plan.facilities) for (const p of f.places) walk(f.code, p, '');

  const byCell = new Map<string, string[]>();
  for (const p of prisoners) {
    const now = p.stays.at(-1)!;
    if (p.state === 'released' || now.path === null) continue;
    const key = `${now.facilityCode}|${now.path}`;
    const cat = separationCategory({ sex: p.file.identity.sex, legalStatus: p.file.legal.status, dateOfBirth: p.file.identity.dateOfBirth }, TODAY);
    byCell.set(key, [...(byCell.get(key) ?? []), JSON.stringify(cat)]);
    assert.equal(capacity.get(key)?.sex, p.file.identity.sex, `${p.prisonNumber} in a cell for ${capacity.get(key)?.sex}`);
  }
  for (const [cell, cats] of byCell) {
    assert.equal(new Set(cats).size, 1, `${cell} mixes ${[...new Set(cats)].join(' / ')}`);
    assert.ok(cats.length <= capacity.get(cell)!.baseline, `${cell} over capacity`);
  }
});

test('files are valid: no impossible dates; arrivals in reception, people at court and released people exist', () => {
  for (const p of prisoners) {
    const admittedOn = p.admittedAt.toISOString().slice(0, 10);
    assert.deepEqual(fileDateProblems(p.file, TODAY, admittedOn), [], p.prisonNumber);
    assert.equal(p.stays.filter((s) => s.to === null).length, p.state === 'released' ? 0 : 1, `${p.prisonNumber} has one open stay`);
  }
  assert.ok(prisoners.some((p) => p.state === 'in-custody' && p.stays.at(-1)!.path === null && p.file.identity.sex === 'female'));
  assert.ok(prisoners.filter((p) => p.state === 'temporarily-absent').length >= 3);
  assert.ok(prisoners.filter((p) => p.state === 'released').length >= 30);
  assert.ok(prisoners.some((p) => p.alerts.some((a) => a.code === 'keep-apart')));
});

test('nothing happens in the future: every stay and movement starts before now', () => {
  for (const p of prisoners) {
    assert.ok(p.admittedAt <= NOW, p.prisonNumber);
    for (const s of p.stays) assert.ok(s.from <= NOW && (s.to === null || (s.to >= s.from && s.to <= NOW)), `${p.prisonNumber} stay ${s.from.toISOString()}`);
    for (const m of p.movements) assert.ok(m.outAt <= NOW && (m.inAt === null || m.inAt >= m.outAt), `${p.prisonNumber} movement`);
  }
});
