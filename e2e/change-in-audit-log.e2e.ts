// Journey: a change made in the web app (a new wing) shows up in the audit log screen, with who
// made it, the action by name (picked from a named list), the place by its path and the record as
// it was saved; a prisoner's file opened shows as the prisoner's name and number, linked to the
// file; every time is on one named clock; the hash chain verifies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addPlaceInside, journey, openFirstFacility, skipReason } from './support.ts';

const j = await journey();

test('a new wing appears in the audit log', { skip: skipReason, timeout: 60_000 }, async () => {
  const page = await j.newPage();
  await j.signIn(page, 'admin');
  await openFirstFacility(page);
  await addPlaceInside(page, 'A', 'AUD7', 'Audit wing <b>7</b>');

  // Open a prisoner's file, so the trail has a read of it.
  await page.locator('[data-testid="nav-prisoners"]').click();
  const firstPrisoner = page.locator('[data-testid="prisoner-row"]').first();
  await firstPrisoner.waitFor();
  const prisonerId = await firstPrisoner.getAttribute('data-prisoner-id');
  // The row links its number and its name; the number comes first.
  const prisonNumber = (await firstPrisoner.locator('a').first().innerText()).trim();
  const name = (await firstPrisoner.locator('[data-testid="name-own-script"]').innerText()).trim();
  await firstPrisoner.click();
  await page.locator('[data-testid="prisoner-header"]').waitFor();

  await page.locator('[data-testid="nav-audit"]').click();
  const filters = page.locator('[data-testid="audit-filters"]');
  const pickAction = async (name: string) => {
    await filters.locator('input[name="actor"]').fill('admin');
    await filters.locator('[data-testid="audit-action-filter"]').fill(name);
    await page.getByRole('option', { name, exact: true }).click();
    await filters.locator('[data-testid="audit-apply"]').click();
  };

  await pickAction('Prisoner file opened');
  const opened = page.locator('[data-testid="audit-row"]').first();
  await opened.getByText('Prisoner file opened').waitFor();
  const record = opened.locator('[data-testid="audit-record"] a');
  assert.equal(await record.innerText(), `${name} · ${prisonNumber}`, 'the prisoner by name and number');
  assert.equal(await record.getAttribute('href'), `/prisoners/${prisonerId}`);
  assert.match(await page.locator('[data-testid="audit-time-zone"]').innerText(), /^Times in [\w/]+ \(UTC[+-]\d\d:\d\d\)$/);

  await pickAction('Place created');
  const row = page.locator('[data-testid="audit-row"]').first();
  await row.getByText('Place created').waitFor();
  await row.getByText(/AUD7 · Audit wing <b>7<\/b>$/).waitFor();
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
