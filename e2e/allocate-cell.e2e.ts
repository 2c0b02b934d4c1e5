// Journey: an officer opens a woman's file, looks for a cell in the men's wing and is stopped with
// the reason (Mandela Rule 11(a), never overridable), then allocates a suitable cell and sees it
// in the profile; raises an alert and finds it in the bulk view of that landing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { CellOption, PrisonerSearchHit } from '@vigil/contracts';
import { journey, skipReason } from './support.ts';


const j = await journey();

/**
 * Someone in custody whose current stay began in the past (a stay cannot end before it began),
 * found through the same API the screens use.
 */
async function someoneInCustody(page: Page, wanted: (p: PrisonerSearchHit) => boolean): Promise<PrisonerSearchHit> {
  const res = await page.request.get('/api/v1/prisoners?limit=100');
  assert.equal(res.status(), 200, await res.text());
  const items = ((await res.json()).items as PrisonerSearchHit[]).filter((p) => p.state === 'in-custody' && wanted(p));
  for (const p of items) {
    const stays = (await (await page.request.get(`/api/v1/prisoners/${p.id}/placements`)).json()).items as { fromAt: string; toAt: string | null }[];
    if (stays.every((s) => new Date(s.fromAt).getTime() < Date.now())) return p;
  }
  throw new Error(`nobody suitable among ${items.length} prisoners of the demo facility`);
}

/** Waits until the cell list shows the results for this search (the box is debounced). */
async function cellsFor(page: Page, q: string) {
  await page.locator('[data-testid="cell-search"]').fill(q);
  await page.locator(`[data-testid="cell-options-count"][data-query="${q}"][data-fetching="false"]`).waitFor();
}

test('officer is refused a men\'s cell for a woman, then allocates a suitable one', { skip: skipReason, timeout: 120_000 }, async () => {
  const page = await j.newPage({ width: 1024, height: 1366 });
  await j.signIn(page, 'officer');
  const woman = await someoneInCustody(page, (p) => p.sex === 'female');

  await page.goto(`/prisoners/${woman.id}`);
  await page.locator('[data-testid="prisoner-header"]').waitFor();
  await j.checkA11y(page, 'prisoner profile');

  await page.locator('[data-testid="tab-location"]').click();
  const panel = page.locator('[data-testid="allocation-panel"]');
  await panel.waitFor();
  const before = (await panel.locator('[data-testid="current-cell"]').innerText()).trim();
  await panel.locator('[data-testid="allocate-open"]').click();
  await panel.locator('[data-testid="cell-options-table"]').waitFor();
  await j.checkA11y(page, 'cell options');

  // The pre-trial centre's building A is the men's: every cell there is refused, with the reason.
  await cellsFor(page, 'A-1');
  const mens = panel.locator('[data-testid="cell-option"]').first();
  assert.equal(await mens.getAttribute('data-suitable'), 'false');
  const mensPath = (await mens.getAttribute('data-path'))!;
  assert.match(mensPath, /^A-1-/);
  await mens.locator('button').click();
  const dialog = page.locator('[data-testid="allocate-dialog"]');
  const reasons = dialog.locator('[data-testid="allocation-reasons"]');
  await reasons.waitFor();
  const sexRule = reasons.locator('[data-testid="violation-sex-designation"]');
  assert.match(await sexRule.innerText(), /designated for the other sex.*11\(a\).*can never be overridden/s);
  assert.equal(await sexRule.getAttribute('data-overridable'), 'false');
  // Nothing to submit: an officer cannot allocate here, and nobody could override it.
  assert.equal(await dialog.locator('[data-testid="allocate-submit"]').count(), 0);
  assert.equal(await dialog.locator('[data-testid="override-submit"]').count(), 0);
  await j.checkA11y(page, 'refused cell');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });

  // The suitable cells come first when nothing is typed.
  await cellsFor(page, '');
  const suitable = panel.locator('[data-testid="cell-option"][data-suitable="true"]').first();
  const path = (await suitable.getAttribute('data-path'))!;
  assert.notEqual(path, before);
  assert.match(path, /^B-/, "a woman goes to the women's building");
  await suitable.locator('button').click();
  await dialog.locator('[data-testid="allocation-reason"]').fill('Размещение после карантина');
  await dialog.locator('[data-testid="allocate-submit"]').click();
  await dialog.waitFor({ state: 'detached' });
  await panel.locator('[data-testid="allocation-done"]').waitFor();
  await page.locator(`[data-testid="current-cell"]:text-is("${path}")`).waitFor();
  assert.match(await page.locator('[data-testid="key-facts"]').innerText(), new RegExp(path));
  await j.checkA11y(page, 'allocated');

  // An alert raised here shows as a badge, and in the bulk view of the landing she is now on.
  await page.locator('[data-testid="tab-alerts"]').click();
  await page.locator('[data-testid="alerts-panel"]').waitFor();
  await page.locator('[data-testid="raise-alert"]').click();
  const form = page.locator('[data-testid="raise-alert-form"]');
  await form.locator('[data-testid="alert-code"]').click();
  await page.getByRole('option', { name: 'Medical', exact: true }).click();
  await form.locator('textarea').fill('Диабет: питание по графику');
  await j.checkA11y(page, 'raise alert');
  await form.locator('[data-testid="raise-alert-save"]').click();
  await form.waitFor({ state: 'detached' });
  await page.locator('[data-testid="active-alerts"] [data-testid="alert-badge-medical"]').waitFor();
  await j.checkA11y(page, 'alerts');

  const landing = path.split('-').slice(0, 2).join('-');
  const tree = await page.request.get(`/api/v1/facilities/${woman.facilityId}/locations`);
  const landingId = ((await tree.json()).items as { id: string; path: string }[]).find((l) => l.path === landing)!.id;
  await page.goto(`/locations/${landingId}/alerts`);
  const row = page.locator(`[data-testid="wing-alert-row"][data-code="medical"]`, { hasText: woman.prisonNumber });
  await row.waitFor();
  assert.match(await row.innerText(), new RegExp(path));
  await j.checkA11y(page, 'landing alerts');
});

test('a senior officer overrides "untried with convicted" with a reason', { skip: skipReason, timeout: 120_000 }, async () => {
  const page = await j.newPage();
  await j.signIn(page, 'senior');
  const man = await someoneInCustody(page, (p) => p.sex === 'male' && p.legalStatus === 'untried');
  // A cell whose only objection is the legal-status mix: the one rule here a senior officer may set aside.
  const options = (await (await page.request.get(`/api/v1/prisoners/${man.id}/cell-options?limit=500`)).json()).items as CellOption[];
  const target = options.find((o) => o.violations.length === 1 && o.violations[0]!.code === 'separation-legal-status' && o.warnings.length === 0);
  assert.ok(target, 'no cell with convicted prisoners only');

  await page.goto(`/prisoners/${man.id}`);
  await page.locator('[data-testid="tab-location"]').click();
  await page.locator('[data-testid="allocate-open"]').click();
  await cellsFor(page, target.path);
  await page.locator(`[data-testid="choose-${target.path}"]`).click();
  const dialog = page.locator('[data-testid="allocate-dialog"]');
  await dialog.locator('[data-testid="violation-separation-legal-status"][data-overridable="true"]').waitFor();
  assert.equal(await dialog.locator('[data-testid="allocate-submit"]').count(), 0);
  await dialog.locator('[data-testid="allocation-reason"]').fill('Перевод из карантина');
  // The override needs its own reason: without it nothing is sent.
  await dialog.locator('[data-testid="override-submit"]').click();
  await dialog.getByText('Required').waitFor();
  await j.checkA11y(page, 'override');
  await dialog.locator('[data-testid="override-reason"]').fill('Других мест в блоке нет до утра');
  await dialog.locator('[data-testid="override-submit"]').click();
  await dialog.waitFor({ state: 'detached' });
  await page.locator(`[data-testid="current-cell"]:text-is("${target.path}")`).waitFor();
});
