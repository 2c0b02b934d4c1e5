// Journey: the administrator adds a wing to a building, a landing to the wing, and creates the
// landing's twelve cells in one go; the new cells appear in the tree with their capacities.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addPlaceInside, journey, openFirstFacility, skipReason } from './support.ts';

const j = await journey();

test('admin creates a wing and bulk-creates a landing of cells', { skip: skipReason, timeout: 60_000 }, async () => {
  const page = await j.newPage();
  await j.signIn(page, 'admin');
  await openFirstFacility(page);
  await j.checkA11y(page, 'facility and its places');

  // An empty form is refused before anything is sent, with the reason beside each field.
  await page.locator('[data-testid="location-actions-A"]').click();
  await page.locator('[data-testid="action-add"]').click();
  const empty = page.locator('[data-testid="location-form"]');
  await empty.locator('[data-testid="location-save"]').click();
  await empty.getByText('Required').first().waitFor();
  assert.equal(await empty.getByText('Required').count(), 2, 'code and name are required');
  await j.checkA11y(page, 'place form with errors');
  await page.keyboard.press('Escape');
  await empty.waitFor({ state: 'detached' });

  // Demo facilities start with building "A".
  await addPlaceInside(page, 'A', 'W9', 'Крыло 9');
  await addPlaceInside(page, 'A-W9', 'L1', 'Этаж 1');

  await page.locator('[data-testid="location-actions-A-W9-L1"]').click();
  await page.locator('[data-testid="action-bulk"]').click();
  const form = page.locator('[data-testid="bulk-cells-form"]');
  await form.locator('input[name="prefix"]').fill('K');
  await form.locator('input[name="firstNumber"]').fill('1');
  await form.locator('input[name="count"]').fill('12');
  assert.match(await form.locator('[data-testid="bulk-preview"]').innerText(), /K01.*K12/);
  await j.checkA11y(page, 'bulk cell creation');
  await form.locator('[data-testid="bulk-save"]').click();
  await form.waitFor({ state: 'detached' });

  const landing = page.locator('[data-testid="location-A-W9-L1"]');
  await landing.locator('[data-testid="location-A-W9-L1-K12"]').waitFor();
  assert.equal(await landing.locator('li[data-kind="cell"]').count(), 12, 'twelve cells on the new landing');
  assert.match(await landing.locator('[data-testid="location-A-W9-L1-K01"]').innerText(), /1 \/ 1/);
  await j.checkA11y(page, 'tree with the new cells');

  // The same codes again are refused as a whole: a clear message and no half-made landing.
  await page.locator('[data-testid="location-actions-A-W9-L1"]').click();
  await page.locator('[data-testid="action-bulk"]').click();
  await form.locator('input[name="prefix"]').fill('K');
  await form.locator('input[name="count"]').fill('3');
  await form.locator('[data-testid="bulk-save"]').click();
  await form.locator('[role="alert"]').waitFor();
  assert.equal(await landing.locator('li[data-kind="cell"]').count(), 12);
});
