// Journey (issue 9, dashboards): the governor opens the risk-and-needs dashboard of SIZO-2, finds
// the four panels each with a chart and its table, checks that the people counted by category are
// everyone held, and downloads the category table as CSV with the same numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { CaseloadStatistics, PopulationStatistics } from '@vigil/contracts';
import { getJson, journey, skipReason } from './support.ts';

const j = await journey();

test('the governor reads the caseload dashboard and downloads the categories as CSV', { skip: skipReason, timeout: 120_000 }, async () => {
  const page = await j.newPage();
  await j.signIn(page, 'governor');
  await page.locator('[data-testid="nav-caseload"]').click();
  await page.locator('[data-testid="caseload-page"]').waitFor();
  for (const panel of ['assessments', 'categories', 'programmes', 'plans']) {
    await page.locator(`[data-testid="caseload-${panel}-chart"]`).waitFor();
    await page.locator(`[data-testid="caseload-${panel}-table"]`).waitFor();
  }

  // Everyone held at SIZO-2 is in exactly one category, or not yet decided.
  const population = await getJson<PopulationStatistics>(page, '/api/v1/statistics/population');
  const held = population.facilities.find((f) => f.facilityCode === 'SIZO-2')!.total;
  const rows = page.locator('[data-testid="caseload-category-row"]');
  const counts: Record<string, number> = {};
  for (let i = 0; i < (await rows.count()); i++) {
    const category = await rows.nth(i).locator('[data-column="category"]').innerText();
    counts[category] = Number((await rows.nth(i).locator('[data-column="count"]').innerText()).replace(/[^\d]/g, ''));
  }
  assert.equal(Object.values(counts).reduce((a, b) => a + b, 0), held);
  assert.ok('Not yet decided' in counts && 'High' in counts, JSON.stringify(counts));

  // The programmes panel names each programme and its attendance in words and numbers, never a code.
  const caseload = await getJson<CaseloadStatistics>(page, '/api/v1/statistics/caseload');
  const programmes = page.locator('[data-testid="caseload-programmes-table"] tbody tr');
  assert.equal(await programmes.count(), caseload.facilities[0]!.programmes.length);
  assert.doesNotMatch(await page.locator('[data-testid="caseload-programmes-table"]').innerText(), /vocational|family-contact/);
  await j.checkA11y(page, 'caseload dashboard');

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="caseload-categories-table-export-csv"]').click()]);
  const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
  const lines = csv.trim().split(/\r?\n/);
  assert.equal(lines[0], 'Facility,Category,People');
  assert.ok(lines.includes(`SIZO-2,High,${counts['High']}`), csv);
  await page.close();
});
