// Journey: the psychologist opens a prisoner's file, starts a violent-extremism screening, is told
// what is missing when submitting too early, rates every item with evidence and source, writes the
// formulation, chooses the final judgement beside the item profile and submits. The page tells
// them they cannot approve their own assessment (four eyes, in the server's words); the governor
// approves it, and it is shown locked, read-only, on the file's Assessments tab.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { journey, skipReason } from './support.ts';

const j = await journey();

test('a psychologist completes an assessment; the governor, not they, approves it; it is then locked', { skip: skipReason, timeout: 240_000 }, async () => {
  const page = await j.newPage({ width: 1024, height: 900 });
  await j.signIn(page, 'psychologist');

  // A man of the psychologist's facility with no assessment yet (the demo assessed a few).
  const prisoners = (await (await page.request.get('/api/v1/prisoners?limit=100')).json()).items as { id: string; sex: string; state: string }[];
  let prisonerId: string | undefined;
  for (const p of prisoners.filter((x) => x.sex === 'male' && x.state === 'in-custody')) {
    const list = (await (await page.request.get(`/api/v1/prisoners/${p.id}/assessments`)).json()).items as unknown[];
    if (list.length === 0) {
      prisonerId = p.id;
      break;
    }
  }
  assert.ok(prisonerId, 'no unassessed man among the demo prisoners');

  await page.goto(`/prisoners/${prisonerId}`);
  await page.locator('[data-testid="tab-assessments"]').click();
  await page.locator('[data-testid="assessments-tab"]').waitFor();
  await page.locator('[data-testid="assessments-table-container"]').waitFor();
  await j.checkA11y(page, 'assessments tab');

  // Start: the instrument chosen, the psychologist themself as the assessor (the default).
  await page.locator('[data-testid="assessment-start"]').click();
  const start = page.locator('[data-testid="assessment-start-form"]');
  await start.waitFor();
  await start.locator('[data-testid="assessment-instrument"]').click();
  await page.getByRole('option', { name: 'Violent extremism screening (open, Vigil)', exact: true }).click();
  await start.locator('[data-testid="assessment-start-save"]').click();

  const assessment = page.locator('[data-testid="assessment-page"]');
  await assessment.locator('[data-testid="assessment-item"]').first().waitFor();
  assert.equal(await assessment.getAttribute('data-status'), 'draft');
  const items = assessment.locator('[data-testid="assessment-item"]');
  const count = await items.count();
  assert.ok(count >= 8, `the items of the instrument are listed (${count})`);
  assert.equal(await assessment.locator('[data-testid="assessment-item"][data-code="CI4"]').count(), 0, 'the women-only item is not asked of a man');
  await j.checkA11y(page, 'assessment draft');

  // Submitted too early: every gap is named, in the server's words.
  await assessment.locator('[data-testid="assessment-submit"]').click();
  const faults = assessment.locator('[data-testid="assessment-faults"]');
  await faults.waitFor();
  const listed = await faults.innerText();
  assert.match(listed, /Record the final judgement\./);
  assert.match(listed, /Write the case formulation\./);
  assert.match(listed, /This item is not rated yet\./);

  // Every item rated with evidence and its source.
  for (let i = 0; i < count; i++) {
    const item = items.nth(i);
    await item.locator('input[type="radio"][value="partly"]').check();
    await item.locator('[data-testid="rating-evidence"]').fill(`Interview on 2 December; file note ${i + 1}.`);
    await item.locator('[data-testid="rating-source"]').fill('Interview');
  }
  await assessment.locator('[data-testid="assessment-save"]').click();
  await assessment.locator('[data-testid="assessment-saved"]').waitFor();
  await assessment.locator('[data-testid="assessment-formulation"]').fill('A grievance about his brother\'s conviction meets a need to belong; the family\'s support protects.');
  // The profile beside the judgement counts the ratings; it never chooses the judgement.
  const profile = assessment.locator('[data-testid="item-profile"]');
  const partly = (await profile.locator('td[data-level="partly"]').allInnerTexts()).reduce((sum, n) => sum + Number(n), 0);
  assert.equal(partly, count, 'every rating is counted in the profile, by domain');
  await assessment.locator('[data-testid="assessment-judgement-choice"] input[value="moderate"]').check();
  await assessment.locator('[data-testid="assessment-submit"]').click();
  await page.locator('[data-testid="assessment-page"][data-status="submitted"]').waitFor();

  // Four eyes: the author is told, in the server's words, that someone else approves.
  const own = assessment.locator('[data-testid="assessment-own"]');
  await own.waitFor();
  assert.equal(await own.innerText(), 'An assessment is approved by someone other than its author and its assessor (four eyes).');
  assert.equal(await assessment.locator('[data-testid="assessment-approve"]').count(), 0);
  const url = page.url();

  // The governor approves it.
  const governor = await j.newPage({ width: 800, height: 1000 });
  await j.signIn(governor, 'governor');
  await governor.goto(url);
  const approving = governor.locator('[data-testid="assessment-page"][data-status="submitted"]');
  await approving.locator('[data-testid="assessment-approve"]').waitFor();
  await j.checkA11y(governor, 'assessment awaiting approval');
  await approving.locator('[data-testid="assessment-approve"]').click();
  const locked = governor.locator('[data-testid="assessment-page"][data-status="approved"]');
  await locked.locator('[data-testid="assessment-locked"]').waitFor();
  assert.match(await locked.locator('[data-testid="assessment-locked"]').innerText(), /Final judgement: Moderate\./);

  // Locked: read-only for its author too, and shown approved on the file's tab.
  await page.reload();
  const readOnly = page.locator('[data-testid="assessment-page"][data-status="approved"]');
  await readOnly.locator('[data-testid="assessment-locked"]').waitFor();
  assert.equal(await readOnly.locator('[data-testid="rating-evidence"]').count(), 0, 'no field to edit');
  assert.equal(await readOnly.locator('[data-testid="assessment-save"]').count(), 0);
  await page.goto(`/prisoners/${prisonerId}`);
  await page.locator('[data-testid="tab-assessments"]').click();
  const row = page.locator('[data-testid="assessment-row"][data-instrument="ve-screening"]');
  await row.waitFor();
  assert.equal(await row.getAttribute('data-status'), 'approved');
  assert.equal(await row.locator('[data-testid="assessment-judgement"]').innerText(), 'Moderate');
});
