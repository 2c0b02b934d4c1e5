// Journey: the officer opens Key work, takes a prisoner with no key worker from the list, becomes
// their key worker, records a key-work session and a case note, and sees both on the prisoner's
// timeline. The psychologist writes a sensitive note about the same prisoner: the officer sees
// neither the note nor its line on the timeline; the psychologist sees both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { journey, skipReason } from './support.ts';

const j = await journey();

/** Opens the timeline tab until the line of this kind is there (the timeline is written from events, just after the change). */
async function timelineRows(page: Page, type: string) {
  for (let round = 0; round < 20; round++) {
    await page.locator('[data-testid="tab-timeline"]').click();
    await page.locator('[data-testid="timeline-tab"]').waitFor();
    await page.locator('[data-testid="timeline-table"]').waitFor();
    const rows = page.locator(`[data-testid="timeline-row"][data-type="${type}"]`);
    if ((await rows.count()) > 0) return rows;
    await page.locator('[data-testid="tab-identity"]').click();
    await page.waitForTimeout(250);
  }
  throw new Error(`no ${type} line on the timeline`);
}

test('an officer records key work and a note and sees them on the timeline; a sensitive note stays hidden', { skip: skipReason, timeout: 180_000 }, async () => {
  const page = await j.newPage();
  await j.signIn(page, 'officer');
  await page.locator('[data-testid="nav-key-work"]').click();
  await page.locator('[data-testid="key-work-page"]').waitFor();
  const first = page.locator('[data-testid="without-key-worker"] [data-testid="without-row"] a').first();
  await first.waitFor();
  await j.checkA11y(page, 'key work');
  await first.click();
  await page.waitForURL(/\/prisoners\/[0-9a-f-]{36}$/);
  const prisonerUrl = new URL(page.url()).pathname;

  // Case notes tab: no key worker yet; the officer assigns one and records a session.
  await page.locator('[data-testid="tab-casenotes"]').click();
  await page.locator('[data-testid="no-key-worker"]').waitFor();
  await page.locator('[data-testid="assign-key-worker"]').click();
  const assign = page.locator('[data-testid="assign-form"]');
  await assign.locator('[data-testid="key-worker-staff"]').click();
  await page.getByRole('option').first().click();
  await j.checkA11y(page, 'assign key worker');
  await assign.locator('[data-testid="assign-save"]').click();
  await assign.waitFor({ state: 'detached' });
  await page.locator('[data-testid="current-key-worker"]').waitFor();

  await page.locator('[data-testid="record-session"]').click();
  const session = page.locator('[data-testid="session-form"]');
  await session.locator('[data-testid="session-place"]').fill('Кабинет на этаже');
  await session.locator('[data-testid="session-mood"]').click();
  await page.getByRole('option', { name: 'Settled', exact: true }).click();
  await session.locator('[data-testid="session-engagement"]').click();
  await page.getByRole('option', { name: 'Engaged', exact: true }).click();
  await session.locator('[data-testid="session-summary"]').fill('Говорили о письмах семье и о работе в швейном цехе.');
  await j.checkA11y(page, 'record session');
  await session.locator('[data-testid="session-save"]').click();
  await session.waitFor({ state: 'detached' });
  await page.locator('[data-testid="sessions-table"] [data-testid="session-row"]').first().waitFor();

  // A case note; an officer is not offered sensitivity.
  await page.locator('[data-testid="add-note"]').click();
  const note = page.locator('[data-testid="note-form"]');
  await note.locator('[data-testid="note-type"]').click();
  await page.getByRole('option', { name: 'Behaviour: positive', exact: true }).click();
  assert.equal(await note.locator('[data-testid="note-sensitivity"]').count(), 0);
  await note.locator('[data-testid="note-text"]').fill('Помог пожилому сокамернику с уборкой.');
  await j.checkA11y(page, 'add note');
  await note.locator('[data-testid="note-save"]').click();
  await note.waitFor({ state: 'detached' });
  await page.locator('[data-testid="casenote"][data-type="behaviour-positive"]').waitFor();
  await j.checkA11y(page, 'case notes');

  // Both on the timeline, in words, with dates in the reader's language.
  const sessionLine = (await timelineRows(page, 'keywork.session-recorded')).first();
  assert.match(await sessionLine.innerText(), /Key-work session/);
  const noteLine = (await timelineRows(page, 'casenote.recorded')).first();
  const noteText = await noteLine.innerText();
  assert.match(noteText, /Case note/);
  assert.match(noteText, /Behaviour: positive/);
  assert.match(noteText, /\d{1,2} [A-Z][a-z]{2} \d{4}/, 'a date, not a raw timestamp');
  assert.doesNotMatch(noteText, /casenote\.|behaviour-positive/, 'no raw codes');
  await j.checkA11y(page, 'timeline');

  // The psychologist writes a sensitive note about the same prisoner.
  const psy = await j.newPage();
  await j.signIn(psy, 'psychologist');
  await psy.goto(prisonerUrl);
  await psy.locator('[data-testid="tab-casenotes"]').click();
  await psy.locator('[data-testid="add-note"]').click();
  const secret = psy.locator('[data-testid="note-form"]');
  await secret.locator('[data-testid="note-type"]').click();
  await psy.getByRole('option', { name: 'Security information', exact: true }).click();
  // The type proposes "sensitive".
  assert.equal(await secret.locator('[data-testid="note-sensitivity"]').inputValue(), 'Sensitive');
  await secret.locator('[data-testid="note-text"]').fill('Упомянул давление со стороны земляков; рекомендовано наблюдение.');
  await secret.locator('[data-testid="note-save"]').click();
  await secret.waitFor({ state: 'detached' });
  await psy.locator('[data-testid="casenote"][data-sensitivity="sensitive"]').waitFor();
  const seenByPsychologist = await timelineRows(psy, 'casenote.recorded');
  await psy.waitForFunction(() => document.querySelectorAll('[data-testid="timeline-row"][data-type="casenote.recorded"]').length >= 2);
  assert.ok((await seenByPsychologist.count()) >= 2);

  // The officer sees neither the sensitive note nor its line.
  await page.reload();
  await page.locator('[data-testid="tab-casenotes"]').click();
  await page.locator('[data-testid="casenote"]').first().waitFor();
  assert.equal(await page.locator('[data-testid="casenote"][data-sensitivity="sensitive"]').count(), 0);
  assert.equal(await page.locator('[data-testid="casenote"]').count(), 1);
  await timelineRows(page, 'casenote.recorded');
  assert.equal(await page.locator('[data-testid="timeline-row"][data-type="casenote.recorded"]').count(), 1);
  assert.doesNotMatch(await page.locator('[data-testid="timeline-table"]').innerText(), /Sensitive|Security information/);
});
