// Journey (Mandela Rule 10): the governor opens the statistics, sees the population of SIZO-2 with
// its total row, looks at occupancy against capacity, and downloads the population as CSV with
// headers in their language and the same numbers as the screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { journey, skipReason } from './support.ts';

const j = await journey();

test('the governor sees population and occupancy for SIZO-2 and downloads the CSV', { skip: skipReason, timeout: 120_000 }, async () => {
  const page = await j.newPage();
  await j.signIn(page, 'governor');
  await page.locator('[data-testid="nav-statistics"]').click();
  await page.locator('[data-testid="statistics-page"]').waitFor();

  // Population: the governor's facility only, and a total row that adds it up.
  const row = page.locator('[data-testid="population-table"] [data-testid="population-row"][data-facility="SIZO-2"]');
  await row.waitFor();
  assert.equal(await page.locator('[data-testid="population-table"] [data-testid="population-row"]').count(), 1, 'the governor sees SIZO-2 only');
  const cell = async (scope: string, column: string) => Number((await page.locator(`${scope} [data-column="${column}"]`).first().innerText()).replace(/[^\d]/g, ''));
  const rowScope = '[data-testid="population-table"] [data-facility="SIZO-2"]';
  const total = await cell(rowScope, 'total');
  assert.equal(await cell('[data-testid="population-table"] [data-testid="population-total"]', 'total'), total);
  // Everyone held is in exactly one state, one legal status, one sex and one age band.
  const parts = async (columns: string[], scope = rowScope) => (await Promise.all(columns.map((c) => cell(scope, c)))).reduce((a, b) => a + b, 0);
  assert.equal(await parts(['inCustody', 'temporarilyAbsent', 'inTransit']), total);
  assert.equal(await parts(['untried', 'convicted']), total);
  assert.equal(await parts(['male', 'female']), total);
  assert.equal(await parts(['under-18', '18-20', '21-29', '30-39', '40-49', '50-59', '60-plus'], '[data-testid="age-table"] [data-facility="SIZO-2"]'), total);

  // Narrowing to the one facility gives the same numbers.
  await page.locator('[data-testid="statistics-scope"]').click();
  await page.getByRole('option', { name: /SIZO-2/ }).click();
  await page.locator('[data-testid="statistics-scope"]').evaluate((el) => (el as HTMLInputElement).blur());
  await row.waitFor();
  assert.equal(await cell(rowScope, 'total'), total);
  await j.checkA11y(page, 'statistics: population');

  // The CSV: English headers (the governor's language), the same numbers, a total row.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="statistics-export-csv"]').click()]);
  assert.match(download.suggestedFilename(), /^vigil-population-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
  const lines = csv.trim().split('\r\n');
  assert.match(lines[0]!, /^Facility code,Facility,Total held,In custody,/);
  const sizo = lines.find((l) => l.startsWith('SIZO-2,'));
  assert.ok(sizo, 'a row for SIZO-2');
  assert.ok(lines.at(-1)!.startsWith('Total,'));
  // The facility name is quoted (it holds a comma), so count from the end: "Total held" is followed
  // by 17 columns (3 states, 2 statuses, 2 sexes, 7 age bands, 3 more).
  assert.equal(Number(sizo.split(',').at(-18)), total);
  assert.equal(Number(lines.at(-1)!.split(',').at(-18)), total);

  // Occupancy: places of the facility with their capacity; overcrowded ones are marked in words.
  await page.locator('[data-testid="statistics-tab-occupancy"]').click();
  const facility = page.locator('[data-testid="occupancy-facility"][data-facility="SIZO-2"]');
  await facility.waitFor();
  assert.ok((await facility.locator('[data-testid="occupancy-row"]').count()) > 0, 'residential places listed');
  const over = await facility.locator('[data-testid="occupancy-row"][data-overcrowded="true"]').count();
  assert.equal(await facility.locator('[data-testid="occupancy-row"] [data-testid="overcrowded"]').count(), over);
  await page.locator('[data-testid="statistics-show-cells"]').click();
  await page.locator('[data-testid="occupancy-row"]').filter({ hasText: 'Cell' }).first().waitFor();
  await j.checkA11y(page, 'statistics: occupancy');
});
