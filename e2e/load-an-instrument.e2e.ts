// Journey: the administrator opens Instruments and sees the two open instruments Vigil ships, reads
// one's items, then imports a licensed instrument from its JSON file (the example of
// docs/assessments.md) and sees it listed with its licence holder. A malformed file comes back
// with every fault at its place in the file; a file that is not JSON is refused before sending.
// An officer, who has no assessments.read, has no Instruments entry in the navigation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { journey, skipReason } from './support.ts';

const j = await journey();

// The documented example is a complete, valid import (a contracts test checks it against the schema).
const docs = readFileSync(new URL('../docs/assessments.md', import.meta.url), 'utf8');
const example = JSON.parse(/```json\n([\s\S]*?)```/.exec(docs)![1]!) as { source: string; definition: Record<string, unknown> & { items: Record<string, unknown>[] } };
const dir = mkdtempSync(join(tmpdir(), 'vigil-instrument-'));
const fileWith = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

test('the administrator reads an open instrument and imports a licensed one from JSON', { skip: skipReason, timeout: 120_000 }, async () => {
  const page = await j.newPage();
  await j.signIn(page, 'admin');
  await page.locator('[data-testid="nav-assessment-instruments"]').click();
  await page.locator('[data-testid="instruments-page"]').waitFor();

  // The two open instruments Vigil ships, labelled as open.
  for (const code of ['ve-screening', 'needs-screening']) {
    const row = page.locator(`[data-testid="instrument-row"][data-code="${code}"]`);
    await row.waitFor();
    assert.equal(await row.locator('[data-testid="instrument-licence"]').innerText(), 'Open (Vigil)');
  }
  await j.checkA11y(page, 'instruments');

  // One opened: its items with their guidance, the protective ones marked, and its versions.
  await page.locator('[data-testid="instrument-row"][data-code="ve-screening"] [data-testid="instrument-open"]').click();
  const detail = page.locator('[data-testid="instrument-page"][data-code="ve-screening"]');
  await detail.locator('[data-testid="instrument-item"]').first().waitFor();
  assert.ok((await detail.locator('[data-testid="instrument-item"]').count()) > 3, 'the items are listed');
  assert.ok((await detail.locator('[data-testid="item-protective"]').count()) > 0, 'protective factors are marked');
  assert.ok((await detail.locator('[data-testid="instrument-judgement-levels"] li').count()) >= 2, 'the judgement levels are listed');
  assert.equal(await detail.locator('[data-testid="catalogue-version"]').count(), 1);
  await j.checkA11y(page, 'instrument detail');
  await page.goBack();
  await page.locator('[data-testid="instruments-page"]').waitFor();

  // A malformed definition: every fault comes back at its place in the file, nothing is saved.
  const malformed = { ...example.definition, code: 'broken-tool', items: [{ ...example.definition.items[0], domain: 'nowhere' }] };
  await page.locator('[data-testid="instrument-import"]').click();
  const form = page.locator('[data-testid="instrument-import-form"]');
  await form.waitFor();
  await form.locator('input[type="file"]').setInputFiles(fileWith('broken.json', JSON.stringify(malformed)));
  await form.locator('textarea[name="source"]').fill('Licence MJ-2026-17');
  await form.locator('[data-testid="instrument-import-save"]').click();
  const faults = form.locator('[data-testid="instrument-faults"]');
  await faults.waitFor();
  const listed = await faults.locator('[data-testid="instrument-fault"]').allInnerTexts();
  assert.ok(listed.includes('items[0].domain: This item names a domain the instrument does not have.'), listed.join('\n'));
  assert.ok(listed.includes('domains[0].code: This domain has no items.'), listed.join('\n'));
  await j.checkA11y(page, 'import refused with its faults');

  // A file that is not JSON is refused before anything is sent.
  await form.locator('input[type="file"]').setInputFiles(fileWith('notes.json', '{ "code": "half'));
  await form.getByText('This file is not valid JSON').waitFor();

  // The documented example imports, and is listed with its licence holder.
  await form.locator('input[type="file"]').setInputFiles(fileWith('local-tool.json', JSON.stringify(example.definition)));
  await form.locator('[data-testid="instrument-import-save"]').click();
  await form.waitFor({ state: 'detached' });
  const imported = page.locator('[data-testid="instrument-row"][data-code="local-tool"]');
  await imported.waitFor();
  assert.equal(await imported.locator('[data-testid="instrument-licence"]').innerText(), 'Licensed: Ministry of Justice');
  assert.equal(await imported.locator('[data-testid="instrument-open"]').innerText(), 'Local screening tool');
  assert.equal(await imported.locator('[data-testid="instrument-item-count"]').innerText(), '1');
  assert.equal(await page.locator('[data-testid="instrument-row"][data-code="broken-tool"]').count(), 0);
});

test('an officer has no Instruments entry', { skip: skipReason, timeout: 60_000 }, async () => {
  const page = await j.newPage();
  await j.signIn(page, 'officer');
  await page.locator('[data-testid="dashboard"]').waitFor();
  assert.equal(await page.locator('[data-testid="nav-assessment-instruments"]').count(), 0);
});
