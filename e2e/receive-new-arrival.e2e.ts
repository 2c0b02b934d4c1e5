// Journey: a reception officer (on a tablet) records an expected arrival, works through the intake
// step by step, is refused completion without a commitment order (Mandela Rule 7) and told why,
// adds the order, completes, and lands on the new prisoner's profile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { journey, skipReason, typedDay } from './support.ts';

const j = await journey();

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function continueTo(page: Page, from: string, to: string) {
  const step = page.locator(`[data-testid="step-${from}"]`);
  await step.locator('[data-testid="step-continue"]').click();
  await page.locator(`[data-testid="step-${to}"]`).waitFor();
}

test('an officer receives a new arrival, and cannot complete without a commitment order', { skip: skipReason, timeout: 120_000 }, async () => {
  const page = await j.newPage({ width: 820, height: 1180 });
  await j.signIn(page, 'officer');
  await page.goto('/reception');
  await page.locator('[data-testid="reception-page"]').waitFor();
  await page.locator('[data-testid="intakes-expected"]').waitFor();
  await j.checkA11y(page, 'reception');

  // The escort rang ahead: an expected arrival.
  await page.locator('[data-testid="add-expected"]').click();
  const expected = page.locator('[data-testid="expected-arrival-form"]');
  // A name longer than the contract allows stops at the limit, and the form says why.
  await expected.locator('input[name="familyName"]').fill('Сафарова'.repeat(20));
  assert.equal((await expected.locator('input[name="familyName"]').inputValue()).length, 100);
  await expected.getByText('At most 100 characters').waitFor();
  await expected.locator('input[name="familyName"]').fill('Сафарова');
  assert.equal(await expected.getByText('At most 100 characters').count(), 0);
  await expected.locator('input[name="givenName"]').fill('Нигина');
  // A date that is not on the calendar is refused in the field's own words, not sent as something else.
  await expected.locator('input[name="dateOfBirth"]').fill('31.02.1994');
  await expected.locator('[data-testid="expected-save"]').click();
  await expected.getByText('There is no such date').waitFor();
  // A date of birth in the future is refused before anything is sent.
  await expected.locator('input[name="dateOfBirth"]').fill(typedDay(day(2)));
  await expected.locator('[data-testid="expected-save"]').click();
  await expected.getByText('The date of birth is in the future').waitFor();
  await expected.locator('input[name="dateOfBirth"]').fill('21.03.1994');
  await expected.locator('input[name="expectedOn"]').fill(typedDay(day(0)));
  await expected.locator('input[name="arrivingFrom"]').fill('Суди ноҳияи Фирдавсӣ');
  await j.checkA11y(page, 'expected arrival form');
  await expected.locator('[data-testid="expected-save"]').click();
  await expected.waitFor({ state: 'detached' });
  const row = page.locator('[data-testid="intakes-expected"] [data-testid="intake-row"]', { hasText: 'Сафарова Нигина' });
  await row.waitFor();

  // She arrives: the intake starts at identity.
  await row.locator('[data-testid="open-intake"]').click();
  const identity = page.locator('[data-testid="step-identity"]');
  await identity.waitFor();
  assert.equal(await identity.locator('input[name="identity.familyName"]').inputValue(), 'Сафарова', 'what was expected is carried over');
  await identity.locator('input[name="identity.patronymic"]').fill('Давлатовна');
  await identity.locator('input[name="identity.familyNameLatin"]').fill('Safarova');
  await identity.locator('input[name="identity.givenNameLatin"]').fill('Nigina');
  await identity.locator('select[name="identity.sex"]').selectOption('female');
  await identity.locator('input[name="identity.nationality"]').fill('TJ');
  await j.checkA11y(page, 'intake: identity');
  await identity.locator('[data-testid="step-continue"]').click();
  // The duplicate check comes next when someone similar is known; otherwise straight on.
  const commitment = page.locator('[data-testid="step-commitment"]');
  const check = page.locator('[data-testid="duplicate-check"]');
  await Promise.race([commitment.waitFor(), check.waitFor()]);
  if (await check.isVisible()) {
    await j.checkA11y(page, 'intake: duplicate check');
    // "None of these" needs a reason (the server records it with the people shown).
    await check.locator('[data-testid="matches-continue"]').click();
    await check.locator('[data-testid="dismiss-matches"]').getByText('Required').waitFor();
    await check.locator('textarea[name="reason"]').fill('Different father’s name and place of birth');
    await check.locator('[data-testid="matches-continue"]').click();
    // A new file past possible duplicates needs a reason (it is audited).
    const why = page.locator('[data-testid="dismiss-matches-form"]');
    await why.locator('[data-testid="dismiss-matches-save"]').click();
    await why.getByText('Required', { exact: true }).waitFor();
    await why.locator('textarea').fill('Другая дата рождения и другой паспорт');
    await why.locator('[data-testid="dismiss-matches-save"]').click();
  }
  await commitment.waitFor();
  await j.checkA11y(page, 'intake: commitment order');

  // The order has not come with her: go on without it.
  await continueTo(page, 'commitment', 'legal');
  const legal = page.locator('[data-testid="step-legal"]');
  await legal.locator('select[name="legal.status"]').selectOption('untried');
  await legal.locator('[data-testid="charges-add"]').click();
  await legal.locator('input[name="legal.charges.0.offence"]').fill('Қаллобӣ (мошенничество)');
  await legal.locator('input[name="legal.charges.0.article"]').fill('247');
  await legal.locator('select[name="securityCategory"]').selectOption('low');
  await j.checkA11y(page, 'intake: legal');
  await continueTo(page, 'legal', 'health');

  const health = page.locator('[data-testid="step-health"]');
  await health.locator('[data-testid="bangkok-rules"]').waitFor();
  await health.locator('input[name="admission.health.breastfeeding"]').check();
  await health.locator('input[name="family.emergencyContact.name"]').fill('Сафаров Давлат');
  await health.locator('input[name="family.emergencyContact.relationship"]').fill('Падар');
  await j.checkA11y(page, 'intake: health and family');
  await continueTo(page, 'health', 'property');

  const property = page.locator('[data-testid="step-property"]');
  await property.locator('[data-testid="property-add"]').click();
  await property.locator('input[name="property.0.description"]').fill('Телефони мобилӣ');
  await property.locator('input[name="propertySignedOff"]').check();
  await j.checkA11y(page, 'intake: property');
  await continueTo(page, 'property', 'arrival');

  const arrival = page.locator('[data-testid="step-arrival"]');
  await arrival.locator('input[name="search.done"]').check();
  await arrival.locator('input[value="notified"]').check();
  await arrival.locator('input[name="familyNotification.whom"]').fill('Падараш, Сафаров Давлат');
  await arrival.locator('select[name="rights.language"]').selectOption('tg');
  await arrival.locator('input[name="rights.acknowledged"]').check();
  await j.checkA11y(page, 'intake: search, family and rights');
  await continueTo(page, 'arrival', 'review');

  // Everything but the order is there: completion is refused, with the reason.
  const review = page.locator('[data-testid="step-review"]');
  const missing = review.locator('[data-testid="missing-item"]');
  await missing.first().waitFor();
  assert.equal(await missing.count(), 1, 'only the commitment order is missing');
  assert.equal(await missing.first().getAttribute('data-code'), 'commitment-order-required');
  assert.match(await missing.first().innerText(), /No one may be admitted without a valid commitment order \(Mandela Rule 7\)/);
  assert.ok(await review.locator('[data-testid="complete-intake"]').isDisabled(), 'Complete is unavailable');
  await j.checkA11y(page, 'intake: review, refused');

  // The server refuses it too, whatever the screen shows.
  const intakeId = new URL(page.url()).pathname.split('/').pop()!;
  const refused = await page.evaluate(async (id) => {
    const session = await (await fetch('/api/v1/auth/session')).json();
    const intake = await (await fetch(`/api/v1/intakes/${id}`)).json();
    const r = await fetch(`/api/v1/intakes/${id}/complete`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
      body: JSON.stringify({ version: intake.version, prisonNumber: 'E2E-REFUSED' }),
    });
    return { status: r.status, body: await r.json() };
  }, intakeId);
  assert.equal(refused.status, 422);
  assert.equal(refused.body.code, 'commitment-order-required');

  // The order arrives by fax: back to it from the list of what is missing.
  await missing.first().getByRole('button').click();
  await commitment.waitFor();
  await commitment.locator('select[name="commitmentOrder.kind"]').selectOption('court-detention-order');
  await commitment.locator('input[name="commitmentOrder.issuedBy"]').fill('Суди ноҳияи Фирдавсӣ');
  await commitment.locator('input[name="commitmentOrder.reference"]').fill('3-118/26');
  await commitment.locator('input[name="commitmentOrder.issuedOn"]').fill(typedDay(day(-1)));
  await commitment.locator('input[name="commitmentOrder.validUntil"]').fill(typedDay(day(60)));
  await commitment.locator('[data-testid="step-save"]').click();
  await page.locator('[data-testid="nav-step-commitment"][data-state="done"]').waitFor();
  await page.locator('[data-testid="nav-step-review"]').click();
  await review.locator('[data-testid="ready"]').waitFor();

  // The number comes from the facility's pattern ({facility}-{year}-{seq:5} unless changed).
  const proposed = review.locator('[data-testid="proposed-number"]');
  await review.locator('[data-testid="proposed-number"]', { hasText: new RegExp(`-${new Date().getUTCFullYear()}-\\d{5}$`) }).waitFor();
  const prisonNumber = await proposed.innerText();
  await j.checkA11y(page, 'intake: review, ready');
  await review.locator('[data-testid="complete-intake"]').click();

  // The new file.
  await page.locator('[data-testid="prisoner-header"]').waitFor();
  assert.match(await page.locator('[data-testid="prisoner-name"]').innerText(), /Сафарова Нигина Давлатовна/);
  assert.match(await page.locator('[data-testid="prisoner-name-latin"]').innerText(), /Safarova Nigina/);
  assert.match(await page.locator('[data-testid="prison-number"]').innerText(), new RegExp(prisonNumber));
  assert.match(await page.locator('[data-testid="separation-tag"]').innerText(), /female, untried, adult/i);
  await j.checkA11y(page, 'prisoner profile');

  // Reception takes her photograph.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  await page.locator('[data-testid="prisoner-header"] input[type="file"]').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png });
  await page.locator('[data-testid="prisoner-photo"] img').waitFor();
  assert.equal(await page.locator('[data-testid="upload-photo"]').innerText(), 'Replace photograph');

  await page.locator('[data-testid="tab-legal"]').click();
  await page.locator('[data-testid="commitment-orders-table"]').waitFor();
  assert.match(await page.locator('[data-testid="commitment-orders-table"]').innerText(), /3-118\/26/);
  await page.locator('[data-testid="tab-admission"]').click();
  assert.match(await page.locator('[data-testid="admission-view"]').innerText(), /Breastfeeding\s+Yes/);
  await page.locator('[data-testid="tab-history"]').click();
  await page.locator('[data-testid="version-row"]').first().waitFor();
  await j.checkA11y(page, 'prisoner history');

  // Reception's list no longer shows her as expected.
  await page.goto('/reception');
  await page.locator('[data-testid="intakes-expected"]').waitFor();
  await page.locator('[data-testid="intakes-in-progress"]').waitFor();
  assert.equal(await page.locator('[data-testid="intake-row"]', { hasText: 'Сафарова Нигина' }).count(), 0);
});
