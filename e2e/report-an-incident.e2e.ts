// Journey: an officer of SIZO-2, on a tablet (768 px), reports a serious assault: one prisoner
// struck another, who is seriously hurt. The incident's required notifications appear at once, the
// independent authority's due immediately (Mandela Rule 71). A senior officer opens the incident,
// logs two decisions with their rationale and records that the independent authority was told
// (when, how, to whom, their reference): the notification is done, and the decision log shows who
// decided what.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Incident, PrisonerSearchHit } from '@vigil/contracts';
import type { Page } from 'playwright-core';
import { journey, skipReason } from './support.ts';

const j = await journey();

/** Chooses an option of a Mantine select named by its label. */
async function choose(page: Page, scope: ReturnType<Page['locator']>, label: string | RegExp, option: string) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('an incident is reported with a decision log and a required notification', { skip: skipReason, timeout: 240_000 }, async () => {
  const officer = await j.newPage({ width: 768, height: 1100 });
  await j.signIn(officer, 'officer');

  // Two prisoners held in SIZO-2 (read as the officer, through the API).
  const held = ((await (await officer.request.get('/api/v1/prisoners?limit=100')).json()) as { items: PrisonerSearchHit[] }).items.filter((p) => p.state === 'in-custody');
  const [victim, attacker] = held;
  assert.ok(victim && attacker, 'the demo holds prisoners in SIZO-2');

  await officer.goto('/incidents');
  await officer.locator('[data-testid="incidents-page"]').waitFor();
  await officer.locator('[data-testid="incident-row"]').first().waitFor();
  await j.checkA11y(officer, 'incidents');
  await officer.locator('[data-testid="incident-report"]').click();
  const form = officer.locator('[data-testid="incident-form"]');
  await form.waitFor();

  await choose(officer, form, /Type of incident/, 'Assault on a prisoner');
  const duties = form.locator('[data-testid="incident-type-duties"]');
  await duties.waitFor();
  assert.match(await duties.innerText(), /Governor \(immediately\)/);
  assert.equal(await form.getByRole('combobox', { name: /Severity/ }).inputValue(), '2 · Major', "the type's default severity");
  await form.locator('[data-testid="incident-place-detail"]').fill('У двери душевой, третий этаж');
  await form.locator('[data-testid="incident-summary"]').fill('Осуждённый ударил сокамерника металлической кружкой по голове. Пострадавший доставлен в медчасть, нарушитель водворён в камеру.');

  const addPrisoner = async (index: number, prisonNumber: string, role: string, injury?: string) => {
    await form.locator('[data-testid="incident-add-prisoner"]').click();
    const person = form.locator('[data-testid="incident-person-form"]').nth(index);
    await person.locator(`[data-testid="person-prisoner-${index}"]`).fill(prisonNumber);
    await officer.getByRole('option').filter({ hasText: prisonNumber }).first().click();
    await choose(officer, person, /Role/, role);
    if (injury) await choose(officer, person, /^Injury/, injury);
    return person;
  };
  const hurt = await addPrisoner(0, victim.prisonNumber, 'Victim', 'Serious injury');
  await hurt.locator('[data-testid="person-injury-notes-0"]').fill('Рана головы, наложены швы');
  await addPrisoner(1, attacker.prisonNumber, 'Perpetrator');
  await j.checkA11y(officer, 'report an incident (tablet)');
  await form.locator('[data-testid="incident-save"]').click();

  // The incident page: serious, reported, with its notifications, the independent authority first.
  const page = officer.locator('[data-testid="incident-page"]');
  await page.waitFor();
  const reference = await page.getAttribute('data-reference');
  assert.match(reference ?? '', /^INC-\d{6}$/);
  await page.locator('[data-testid="incident-serious"]').waitFor();
  assert.equal(await page.locator('[data-testid="incident-status"]').getAttribute('data-status'), 'reported');
  await page.locator('[data-testid="incident-tab-notifications"]').click();
  const authority = page.locator('[data-testid="notification-row"][data-recipient="independent-authority"]');
  await authority.waitFor();
  assert.equal(await authority.getAttribute('data-done'), 'false');
  assert.match(await authority.innerText(), /Mandela Rule 71/);
  assert.equal(await page.locator('[data-testid="notification-row"][data-recipient="next-of-kin"]').count(), 1, 'Rule 69: the next of kin of a seriously injured prisoner');
  assert.equal(await page.locator('[data-testid="notification-mark-independent-authority"]').count(), 0, 'an officer reports; a supervisor records notifications');
  await j.checkA11y(officer, 'incident notifications (tablet)');
  const url = officer.url();

  // A senior officer opens the incident, logs decisions and records the notification.
  const senior = await j.newPage();
  await j.signIn(senior, 'senior');
  await senior.goto(url);
  const seen = senior.locator('[data-testid="incident-page"]');
  await seen.waitFor();
  await seen.locator('[data-testid="incident-tab-log"]').click();
  const log = seen.locator('[data-testid="decision-form"]');
  const decide = async (decision: string, rationale: string) => {
    await log.locator('[data-testid="decision-decision"]').fill(decision);
    await log.locator('[data-testid="decision-rationale"]').fill(rationale);
    const before = await seen.locator('[data-testid="decision-row"]').count();
    await log.locator('[data-testid="decision-save"]').click();
    await seen.locator('[data-testid="decision-row"]').nth(before).waitFor();
  };
  await decide('Развести участников по разным камерам', 'Риск повторного нападения');
  await decide('Вызвать следователя и сохранить кружку как вещественное доказательство', 'Тяжкий вред здоровью; сохранность доказательств (Правило Манделы 71)');
  assert.deepEqual(await seen.locator('[data-testid="decision-text"]').allInnerTexts(), ['Развести участников по разным камерам', 'Вызвать следователя и сохранить кружку как вещественное доказательство']);
  await j.checkA11y(senior, 'decision log');

  await seen.locator('[data-testid="incident-tab-notifications"]').click();
  await seen.locator('[data-testid="notification-mark-independent-authority"]').click();
  const dialog = senior.locator('[data-testid="notification-form"]');
  await dialog.waitFor();
  await choose(senior, dialog, /How/, 'Telephone');
  await dialog.locator('[data-testid="notification-contact"]').fill('Дежурный прокурор Шоҳмансур');
  await dialog.locator('[data-testid="notification-reference"]').fill('ПР-114');
  await j.checkA11y(senior, 'mark a notification done');
  await dialog.locator('[data-testid="notification-save"]').click();
  await dialog.waitFor({ state: 'detached' });
  const done = seen.locator('[data-testid="notification-row"][data-recipient="independent-authority"][data-done="true"]');
  await done.waitFor();
  assert.match(await done.innerText(), /Telephone/);
  assert.match(await done.innerText(), /ПР-114/);

  // The record as the server keeps it.
  const id = url.split('/').at(-1)!;
  const saved = (await (await senior.request.get(`/api/v1/incidents/${id}`)).json()) as Incident;
  assert.equal(saved.reference, reference);
  assert.equal(saved.decisions.length, 2);
  assert.equal(saved.decisions[0]!.decidedBy.familyName.length > 0, true);
  const authorityDone = saved.notifications.find((n) => n.recipient === 'independent-authority')!;
  assert.deepEqual([authorityDone.done, authorityDone.method, authorityDone.contact, authorityDone.reference], [true, 'phone', 'Дежурный прокурор Шоҳмансур', 'ПР-114']);
  assert.ok(saved.notifications.some((n) => !n.done), 'the others remain to do');
});
