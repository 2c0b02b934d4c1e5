// Journey: the security manager opens a demo prisoner who has no category yet, sees the level the
// scheme's rules suggest with its reasons, records that the prisoner was heard, and decides a more
// restrictive category with the reason for the override and a review in two weeks. The file then
// shows the category, and the prisoner's review is in the facility's list of category reviews due.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PrisonerClassification, PrisonerSummary, SessionInfo } from '@vigil/contracts';
import { getJson, journey, skipReason, typedDay } from './support.ts';

const j = await journey();

const day = (offset: number) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return d.toLocaleDateString('sv-SE');
};

test('a security manager decides a category with an override, then sees its review in the due list', { skip: skipReason, timeout: 180_000 }, async () => {
  const page = await j.newPage();
  await j.signIn(page, 'security');
  const session = await getJson<SessionInfo>(page, '/api/v1/auth/session');
  const facility = session.facilities[0]!;
  const { items } = await getJson<{ items: PrisonerSummary[] }>(page, `/api/v1/prisoners?facilityId=${facility.id}&limit=60`);
  let prisoner: PrisonerSummary | undefined;
  for (const p of items.filter((i) => i.state === 'in-custody' && i.securityCategory !== 'maximum')) {
    if ((await getJson<PrisonerClassification>(page, `/api/v1/prisoners/${p.id}/classification`)).current === null) {
      prisoner = p;
      break;
    }
  }
  assert.ok(prisoner, 'a demo prisoner without a category decision');

  await page.goto(`/prisoners/${prisoner.id}`);
  await page.locator('[data-testid="prisoner-header"]').waitFor();
  await page.locator('[data-testid="tab-classification"]').click();
  const panel = page.locator('[data-testid="classification-panel"]');
  await panel.locator('[data-testid="category-none"]').waitFor();
  await j.checkA11y(page, 'classification tab');

  await panel.locator('[data-testid="decide-category"]').click();
  const form = page.locator('[data-testid="decide-category-form"]');
  const suggestion = form.locator('[data-testid="category-suggestion"]');
  await suggestion.waitFor();
  const suggested = await suggestion.getAttribute('data-level');
  assert.ok(suggested && suggested !== 'maximum', `suggested ${suggested}`);

  // The final level departs from the suggestion: the reason is asked for, and refused without it.
  await form.locator('[data-testid="category-level-select"]').click();
  await page.getByRole('option', { name: 'Maximum', exact: true }).click();
  await form.locator('[data-testid="category-override-reason"]').waitFor();
  await form.locator('[data-testid="category-informed"]').check();
  await form.locator('[data-testid="category-heard"]').check();
  await form.locator('input[name="representations.heardOn"]').fill(typedDay(day(0)));
  await form.locator('textarea[name="representations.text"]').fill('Считает, что оснований для строгого режима нет.');
  await form.locator('input[name="nextReviewOn"]').fill(typedDay(day(14)));
  await form.locator('[data-testid="decide-category-save"]').click();
  await form.getByText('give the reason for the override').first().waitFor();
  await form.locator('[data-testid="category-override-reason"]').fill('Оперативные сведения о подготовке побега');
  await j.checkA11y(page, 'decide category');
  await form.locator('[data-testid="decide-category-save"]').click();
  await form.waitFor({ state: 'detached' });

  await panel.locator('[data-testid="category-current"][data-level="maximum"]').waitFor();
  assert.match(await panel.locator('[data-testid="category-level"]').innerText(), /^maximum$/i);
  assert.equal(await panel.locator('[data-testid="category-decision"]').count(), 1);

  // The review, two weeks on, is in the facility's due list.
  await page.locator('[data-testid="nav-category-reviews"]').click();
  await page.locator('[data-testid="category-reviews-page"]').waitFor();
  // The latest reviews first: the overdue ones lead the list otherwise.
  const byReview = page.locator('[data-testid="category-reviews-table"] th', { hasText: 'Next review' }).locator('button');
  await byReview.click();
  await byReview.click();
  await page.locator('[data-testid="category-reviews-table"] th[aria-sort="descending"]').waitFor();
  const row = page.locator(`[data-testid="category-review-row"][data-prison-number="${prisoner.prisonNumber}"]`);
  await row.waitFor();
  assert.equal(await row.getAttribute('data-overdue'), 'false');
  assert.equal(await row.getAttribute('data-review'), day(14));
  assert.match(await row.innerText(), /Maximum/);
  await j.checkA11y(page, 'category reviews');
});
