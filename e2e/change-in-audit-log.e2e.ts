// Journey: a change made in the web app (a new wing) shows up in the audit log screen, with who
// made it and the record as it was saved; the hash chain verifies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addPlaceInside, journey, openFirstFacility, skipReason } from './support.ts';

const j = await journey();

test('a new wing appears in the audit log', { skip: skipReason, timeout: 60_000 }, async () => {
  const page = await j.newPage();
  await j.signIn(page, 'admin');
  await openFirstFacility(page);
  await addPlaceInside(page, 'A', 'AUD7', 'Audit wing <b>7</b>');

  await page.locator('[data-testid="nav-audit"]').click();
  const filters = page.locator('[data-testid="audit-filters"]');
  await filters.locator('input[name="actor"]').fill('admin');
  await filters.locator('input[name="action"]').fill('location.created');
  await filters.locator('[data-testid="audit-apply"]').click();

  const row = page.locator('[data-testid="audit-row"]').first();
  await row.getByText('location.created').waitFor();
  assert.match(await row.innerText(), /admin/);
  assert.equal(await page.locator('[data-testid="audit-row"]').count(), 1, 'only the wing this journey created');
  await row.getByRole('button').click();
  const details = page.locator('[data-testid="audit-table"] pre').last();
  // The name is shown exactly as typed: markup is text, not HTML.
  assert.match(await details.innerText(), /"code": "AUD7"[\s\S]*Audit wing <b>7<\/b>|Audit wing <b>7<\/b>[\s\S]*"code": "AUD7"/);
  await j.checkA11y(page, 'audit log');

  await page.locator('[data-testid="audit-verify"]').click();
  const verdict = page.locator('[data-testid="audit-verify-result"]');
  await verdict.waitFor();
  assert.match(await verdict.innerText(), /intact/);
});
