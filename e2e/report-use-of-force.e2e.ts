// Journey: an officer, on a tablet, reports a use of force on a prisoner with handcuffs. Leg irons
// are refused first with Mandela Rule 47 shown; with handcuffs the report is submitted. A senior
// officer finds it awaiting review on the use-of-force list and records the review.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { journey, skipReason } from './support.ts';

const j = await journey();

/** A moment `minutesAgo` before now as the form takes it: "dd.mm.yyyy HH:MM" on the facility's clock (Dushanbe). */
function wall(minutesAgo: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Dushanbe', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(Date.now() - minutesAgo * 60_000))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}`;
}

const json = <T>(page: Page, url: string) => page.evaluate(async (u) => (await fetch(u)).json(), url) as Promise<T>;

async function choose(page: Page, input: ReturnType<Page['locator']>, option: string | RegExp) {
  await input.click();
  await page.getByRole('option', { name: option }).first().click();
}

test('an officer reports handcuffs after leg irons are refused under Rule 47; a senior officer reviews it', { skip: skipReason, timeout: 240_000 }, async () => {
  const senior = await j.newPage();
  await j.signIn(senior, 'senior');
  const seniorId = (await json<{ user: { id: string } }>(senior, '/api/v1/auth/session')).user.id;

  const page = await j.newPage({ width: 768, height: 1024 });
  await j.signIn(page, 'officer');
  const session = await json<{ user: { id: string }; activeFacilityId: string }>(page, '/api/v1/auth/session');
  // A man held in the officer's facility (restraints are refused on pregnant women), and an authorising officer who is not the reviewer.
  const prisoners = await json<{ items: { id: string; prisonNumber: string; sex: string; state: string; facilityId: string }[] }>(page, '/api/v1/prisoners?limit=50');
  const man = prisoners.items.find((p) => p.sex === 'male' && p.state === 'in-custody' && p.facilityId === session.activeFacilityId);
  assert.ok(man, 'a man in custody');
  const staff = await json<{ items: { id: string; familyName: string; givenName: string }[] }>(page, `/api/v1/facilities/${session.activeFacilityId}/force-staff`);
  const authoriser = staff.items.find((s) => s.id !== seniorId && s.id !== session.user.id);
  assert.ok(authoriser);

  // On a tablet the navigation is folded away: the officer opens the report form from its address.
  await page.goto('/report-use-of-force');
  await page.locator('[data-testid="new-force-report-page"]').waitFor();
  const form = page.locator('[data-testid="force-report-form"]');
  await form.waitFor();

  await page.locator('[data-testid="force-prisoner-search"]').fill(man.prisonNumber);
  await page.getByRole('option', { name: new RegExp(man.prisonNumber.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first().click();
  await form.locator('[data-testid="force-prisoners"] button').first().waitFor();
  await form.locator('[data-testid="force-started"]').fill(wall(90));
  await form.locator('[data-testid="force-ended"]').fill(wall(40));
  await choose(page, form.locator('[data-testid="force-reason"]'), 'Active or passive resistance to a lawful order');
  await form.locator('input[name="location"]').fill('Коридор 2-го этажа');
  await choose(page, form.locator('[data-testid="force-authorised-by"]'), `${authoriser.familyName} ${authoriser.givenName}`);
  await form.locator('[data-testid="force-account"]').fill('Отказался вернуться в камеру после прогулки и оттолкнул сотрудника; после предупреждения надеты наручники.');
  const use = form.locator('[data-testid="force-use"]').first();
  await choose(page, use.locator('[data-testid="force-technique"]'), /Leg irons/);
  await use.locator('[data-testid="force-applied"]').fill(wall(88));
  await use.locator('[data-testid="force-removed"]').fill(wall(50));
  await form.locator('[data-testid="force-medical-by"]').fill('Фельдшер Каримова');
  await form.locator('[data-testid="force-medical-at"]').fill(wall(30));
  await form.locator('[data-testid="force-medical-findings"]').fill('Покраснение запястий, без повреждений кожи.');
  await j.checkA11y(page, 'use-of-force form');

  // Leg irons: refused, with the rule.
  await form.locator('[data-testid="force-report-save"]').click();
  const alert = form.getByRole('alert').filter({ hasText: 'Rule 47' }).first();
  await alert.waitFor();
  assert.match(await alert.innerText(), /prohibited/);
  assert.equal(new URL(page.url()).pathname, '/report-use-of-force', 'nothing saved');

  // Handcuffs: submitted.
  await choose(page, use.locator('[data-testid="force-technique"]'), 'Handcuffs');
  await form.locator('[data-testid="force-report-save"]').click();
  await page.waitForURL(/\/force\/[0-9a-f-]{36}$/);
  const reportPath = new URL(page.url()).pathname;
  await page.locator('[data-testid="force-report-page"]').waitFor();
  assert.equal(await page.locator('[data-testid="force-status"]').textContent(), 'Awaiting review');
  assert.match(await page.locator('[data-testid="force-uses-table"]').innerText(), /Handcuffs/);
  assert.doesNotMatch(await page.locator('[data-testid="force-report-page"]').innerText(), /resistance-to-lawful-order|handcuffs|T\d\d:\d\d/, 'no raw codes or timestamps');
  await j.checkA11y(page, 'use-of-force report');

  // The senior officer finds it awaiting review and reviews it.
  await senior.locator('[data-testid="nav-force"]').click();
  await senior.locator('[data-testid="force-reports-page"]').waitFor();
  await senior.locator('[data-testid="force-views"] label').filter({ hasText: 'Awaiting review' }).click();
  const row = senior.locator(`[data-testid="force-report-row"]:has(a[href="${reportPath}"])`);
  await row.waitFor();
  await j.checkA11y(senior, 'use-of-force list');
  await row.locator('a').first().click();
  const review = senior.locator('[data-testid="force-review-form"]');
  await review.waitFor();
  await choose(senior, review.locator('[data-testid="force-review-outcome"]'), 'Force justified and proportionate');
  await review.locator('[data-testid="force-review-findings"]').fill('Сила применена после предупреждения, соразмерно; наручники сняты через 38 минут. Видеозапись просмотрена.');
  await review.locator('[data-testid="force-review-save"]').click();
  await senior.locator('[data-testid="force-review"]').waitFor();
  assert.equal(await senior.locator('[data-testid="force-status"]').textContent(), 'Reviewed');
  assert.match(await senior.locator('[data-testid="force-review"]').innerText(), /justified and proportionate/);
});
