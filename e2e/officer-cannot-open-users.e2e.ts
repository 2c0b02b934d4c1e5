// Journey: an officer has no users.read: the navigation has no users item, and typing the
// address shows a plain "You do not have access" page (not a crash, not a blank page).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { journey, skipReason } from './support.ts';

const j = await journey();

test('an officer cannot open the users screen', { skip: skipReason, timeout: 60_000 }, async () => {
  const page = await j.newPage();
  await j.signIn(page, 'officer');
  await page.locator('[data-testid="dashboard"]').waitFor();
  assert.equal(await page.locator('[data-testid="nav-users"]').count(), 0, 'no users item in the navigation');
  assert.equal(await page.locator('[data-testid="nav-audit"]').count(), 0, 'no audit item either');
  assert.ok(await page.locator('[data-testid="nav-facilities"]').isVisible());

  await page.goto('/users');
  await page.locator('[data-testid="no-access"]').waitFor();
  assert.match(await page.locator('[data-testid="no-access"]').innerText(), /You do not have access/);
  assert.equal(await page.locator('[data-testid="users-page"]').count(), 0);
  await j.checkA11y(page, 'no access');

  // The server refuses too: the UI only hides what the API already denies.
  const status = await page.evaluate(async () => (await fetch('/api/v1/users')).status);
  assert.equal(status, 403);
});
