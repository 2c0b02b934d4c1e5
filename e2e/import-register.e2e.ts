// Journey: the administrator imports an existing prisoner register. A file with a bad date and a
// formula-injection cell is checked row by row and cannot be imported; the corrected file is
// imported in one go with a progress bar; the same file uploaded again adds no one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { journey, skipReason } from './support.ts';

const j = await journey();

const HEADER = 'Номер;Фамилия;Имя;Отчество;Дата рождения;Пол;Статус;Статья;Начало срока;Срок;Дата поступления';
const ROWS = [
  'E2E-IMP-1;Ғаффоров;Ҷӯрабек;Саидович;03.11.1985;м;осуждённый;244 ч.2;10.01.2024;5 лет 6 мес;15.01.2024',
  'E2E-IMP-2;Қаҳҳорова;Меҳрангез;;12.04.1992;ж;подследственная;;;;20.02.2025',
];
/**
 * Rows in the register whose commit the screen follows part-way: long enough to see it move, now
 * that rows are staged in chunks (a twentieth of the register each) rather than admitted one by one.
 */
const BIG = 2000;
// Russian Excel's CSV: semicolons, a byte order mark, CRLF.
const csv = (...lines: string[]) => Buffer.from(`\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`, 'utf8');

async function uploadRegister(page: Page, name: string, bytes: Buffer) {
  await page.goto('/imports');
  await page.locator('[data-testid="imports-page"]').waitFor();
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });
  await page.locator('[data-testid="import-upload"]').click();
  await page.locator('[data-testid="import-report"]').waitFor();
}

test('admin imports a register: dry run refuses bad rows, the commit shows progress, re-import adds no one', { skip: skipReason, timeout: 240_000 }, async () => {
  const page = await j.newPage({ width: 1024, height: 900 });
  await j.signIn(page, 'admin');

  await page.getByRole('link', { name: 'Import register' }).click();
  await page.getByText('No registers have been imported yet.').waitFor();
  await j.checkA11y(page, 'import a register');

  // A bad date and a cell that would run as a formula: both rows refused, nothing can be imported.
  const bad = csv(ROWS[0]!.replace('03.11.1985', '31.02.1985'), ROWS[1]!.replace('Қаҳҳорова', '=HYPERLINK("http://evil.example","x")'));
  await uploadRegister(page, 'реестр-с-ошибками.csv', bad);
  assert.match(await page.locator('[data-testid="report-invalid"]').innerText(), /Invalid: 2/i);
  const row2 = await page.locator('[data-testid="report-row-2"]').innerText();
  assert.match(row2, /Date of birth: There is no such day\./);
  const row3 = await page.locator('[data-testid="report-row-3"]').innerText();
  assert.match(row3, /Family name: The cell holds a formula/);
  assert.ok(!(await page.content()).includes('HYPERLINK'), 'the formula is neither stored nor shown');
  assert.ok(await page.locator('[data-testid="import-commit"]').isDisabled(), 'nothing can be imported while a row is invalid');
  // The mapping was suggested from the Russian headers.
  assert.equal(await page.locator('[data-testid="map-dateOfBirth"]').inputValue(), 'Дата рождения');
  await j.checkA11y(page, 'import report with invalid rows');

  // The corrected register: every row ready, imported with a progress bar, then done.
  await uploadRegister(page, 'реестр.csv', csv(...ROWS));
  assert.match(await page.locator('[data-testid="report-ok"]').innerText(), /Ready to import: 2/i);
  await page.locator('[data-testid="import-commit"]').click();
  const done = page.locator('[data-testid="import-done"]');
  await done.waitFor({ timeout: 60_000 });
  assert.match(await done.innerText(), /Prisoners imported: 2\. Already in Vigil and skipped: 0\./);
  await j.checkA11y(page, 'import done');

  // The imported prisoners are found like any other, in any spelling.
  const found = await page.request.get('/api/v1/prisoners?q=Gafforov%20Jurabek');
  assert.ok(((await found.json()) as { items: { prisonNumber: string }[] }).items.some((i) => i.prisonNumber === 'E2E-IMP-1'));

  // The same file again: recognised, every row skipped, no one added.
  await uploadRegister(page, 'реестр.csv', csv(...ROWS));
  await page.locator('[data-testid="same-file"]').waitFor();
  assert.match(await page.locator('[data-testid="report-already"]').innerText(), /Already in Vigil: 2/i);
  await page.locator('[data-testid="import-commit"]').click();
  assert.match(await page.locator('[data-testid="import-done"]').innerText({ timeout: 60_000 }), /Prisoners imported: 0\. Already in Vigil and skipped: 2\./);

  // A longer register: the bar moves while the rows go in, on the embedded database too, where the
  // commit holds the only session (the screen follows a stream opened before the commit).
  const many = Array.from({ length: BIG }, (_, i) => `E2E-BIG-${i};Раҳимов;Ҷамшед${i};;01.02.1990;м;подследственный;;;;01.03.2025`);
  await uploadRegister(page, 'реестр-большой.csv', csv(...many));
  await page.locator('[data-testid="import-commit"]').click();
  const partWay = await page.waitForFunction(
    (total) => {
      const m = /(\d+) of (\d+) rows/.exec(document.querySelector('[data-testid="import-progress"]')?.textContent ?? '');
      return m && Number(m[2]) === total && Number(m[1]) > 0 && Number(m[1]) < total ? Number(m[1]) : null;
    },
    BIG,
    { timeout: 60_000, polling: 50 },
  );
  assert.ok(Number(await partWay.jsonValue()) > 0);
  assert.match(await page.locator('[data-testid="import-done"]').innerText({ timeout: 120_000 }), new RegExp(`Prisoners imported: ${BIG}\\.`));

  // The list shows all four uploads.
  await page.getByRole('link', { name: 'All imports' }).click();
  await page.locator('[data-testid="imports-table"]').waitFor();
  assert.equal(await page.locator('[data-testid="imports-table"] tbody tr').count(), 4);
});
