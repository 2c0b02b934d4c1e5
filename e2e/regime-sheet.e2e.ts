// Journey: a landing officer fills the wing's daily regime sheet on a tablet (768 px): everyone
// had their hour outdoors and meals, except one who refused exercise (reason recorded) and one who
// refused lunch. The sheet is saved in one go; the refusal is in the prisoner's file, and the
// governor sees the Rule 23 monitor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { PrisonerRegime } from '@vigil/contracts';
import { getJson, journey, skipReason } from './support.ts';

const j = await journey();

test('an officer fills the daily regime sheet at tablet width, recording a refusal', { skip: skipReason, timeout: 180_000 }, async () => {
  const page = await j.newPage({ width: 768, height: 1024 });
  await j.signIn(page, 'officer');
  await page.goto('/regime');
  const sheet = page.locator('[data-testid="regime-sheet-page"]');
  await sheet.waitFor();
  const rows = sheet.locator('[data-testid="regime-row"]');
  await rows.first().waitFor();
  assert.ok((await rows.count()) >= 2, 'the wing has prisoners');
  const first = rows.nth(0);
  const second = rows.nth(1);
  const refuser = (await first.getAttribute('data-number'))!;
  const luncher = (await second.getAttribute('data-number'))!;

  // Exercise refused, with the reason; lunch refused by the second, with the reason.
  // A tap moves an item on: taken → refused → not offered.
  await first.locator('[data-testid="regime-exercise"]').click();
  await first.locator('[data-testid="regime-exercise"][data-value="refused"]').waitFor();
  await first.locator('[data-testid="regime-reason"]').fill('Плохое самочувствие');
  await second.locator('[data-testid="regime-lunch"]').click();
  await second.locator('[data-testid="regime-lunch"][data-value="refused"]').waitFor();
  assert.equal(await sheet.locator('[data-testid="regime-save"]').isDisabled(), true, 'a refusal without its reason is not saved');
  await second.locator('[data-testid="regime-reason"]').fill('Голодовка: жалоба на отказ в свидании');
  const box = await first.locator('[data-testid="regime-exercise"]').boundingBox();
  assert.ok(box && box.height >= 44, `touch targets are large (${box?.height} px)`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 768, `nothing runs off the tablet's screen (${width} px)`);
  await j.checkA11y(page, 'regime sheet');

  await sheet.locator('[data-testid="regime-save-all"]').click();
  await sheet.locator('[data-testid="regime-saved"]').waitFor();
  await first.and(page.locator('[data-recorded="true"]')).waitFor();

  // What was stored: the refusal with its reason, and the second's lunch.
  const refuserId = await idOf(page, refuser);
  const record = await getJson<PrisonerRegime>(page, `/api/v1/prisoners/${refuserId}/regime`);
  const day = record.items[0]!;
  assert.deepEqual([day.exerciseOfferedMinutes, day.exerciseTakenMinutes, day.refusalReason], [60, 0, 'Плохое самочувствие']);
  const lunchRecord = await getJson<PrisonerRegime>(page, `/api/v1/prisoners/${await idOf(page, luncher)}/regime`);
  assert.equal(lunchRecord.items[0]!.lunch, 'refused');

  // The prisoner's file shows it in the "Daily regime" tab.
  await page.goto(`/prisoners/${refuserId}`);
  await page.locator('[data-testid="tab-regime"]').click();
  await page.locator('[data-testid="regime-day"]').first().waitFor();
  assert.match(await page.locator('[data-testid="regime-day"]').first().innerText(), /Плохое самочувствие/);
  await page.close();

  // The governor's monitor of the outdoor hour.
  const governor = await j.newPage();
  await j.signIn(governor, 'governor');
  await governor.goto('/regime/monitor');
  await governor.locator('[data-testid="monitor-summary"]').waitFor();
  await governor.locator('[data-testid="monitor-row"]').first().waitFor();
  await j.checkA11y(governor, 'rule 23 monitor');
});

async function idOf(page: Page, prisonNumber: string): Promise<string> {
  const hits = await getJson<{ items: { id: string; prisonNumber: string }[] }>(page, `/api/v1/prisoners?${new URLSearchParams({ q: prisonNumber })}`);
  return hits.items.find((h) => h.prisonNumber === prisonNumber)!.id;
}
