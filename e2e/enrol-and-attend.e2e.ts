// Journey: the case manager of SIZO-2 opens Programmes and work, tries to enrol an untried prisoner
// in the wood workshop (convicted only) and is refused with the rule named, then enrols a
// convicted one. They add an evening session today and, at tablet width (800 px), take its register
// (the rest marked attended, one absent with the reason) and save it in one go; the prisoner's file
// then shows the attendance in its "Programmes and work" tab.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Enrolment, PrisonerSearchHit, Programme } from '@vigil/contracts';
import { journey, skipReason } from './support.ts';

const j = await journey();

/** Today in the facility's time zone, as the server counts registers. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Dushanbe', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const weekday = ((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

test('a case manager enrols a prisoner in the wood workshop and takes the register on a tablet', { skip: skipReason, timeout: 180_000 }, async () => {
  const page = await j.newPage();
  await j.signIn(page, 'case-manager');

  // Who to enrol: from the newest files of the facility, an untried prisoner (refused) and a
  // convicted one in no place on the workshop yet (read as the case manager, through the API).
  const list = (await (await page.request.get('/api/v1/programmes?facilityId=' + (await page.request.get('/api/v1/auth/session').then((r) => r.json())).activeFacilityId)).json()) as { items: Programme[] };
  const wood = list.items.find((p) => p.name === 'Wood workshop')!;
  const taken = new Set(((await (await page.request.get(`/api/v1/programmes/${wood.id}/enrolments`)).json()) as { items: Enrolment[] }).items.map((e) => e.prisoner.id));
  const newest = ((await (await page.request.get('/api/v1/prisoners?limit=100')).json()) as { items: PrisonerSearchHit[] }).items;
  const untried = newest.find((p) => p.legalStatus === 'untried' && p.state === 'in-custody')!;
  const convicted = newest.find((p) => p.legalStatus === 'convicted' && p.state === 'in-custody' && p.securityCategory !== 'maximum' && !taken.has(p.id))!;
  assert.ok(untried && convicted, 'the demo holds both in SIZO-2');

  await page.locator('[data-testid="nav-programmes"]').click();
  await page.locator('[data-testid="programmes-page"]').waitFor();
  await page.locator('[data-testid="programme-row"][data-name="Wood workshop"]').waitFor();
  await j.checkA11y(page, 'programmes');
  await page.locator('[data-testid="programme-row"][data-name="Wood workshop"] [data-testid="programme-open"]').click();
  await page.locator('[data-testid="programme-page"]').waitFor();

  // The untried prisoner is refused, the rule named; nothing is enrolled.
  const enrol = async (prisonNumber: string) => {
    await page.locator('[data-testid="programme-enrol"]').click();
    const dialog = page.locator('[data-testid="enrol-dialog"]');
    await dialog.locator('[data-testid="enrol-search"]').fill(prisonNumber);
    await dialog.locator('[data-testid="enrol-hit"]').filter({ hasText: prisonNumber }).first().click();
    await dialog.locator('[data-testid="enrol-save"]').click();
    return dialog;
  };
  const refused = await enrol(untried.prisonNumber);
  const problem = refused.locator('[data-testid="problem"]');
  await problem.waitFor();
  assert.match(await problem.innerText(), /Not eligible: the programme is for prisoners of another legal status/);
  assert.deepEqual(await refused.locator('[data-testid="enrol-failed-rules"] li').allInnerTexts(), ['Legal status: Convicted']);
  await j.checkA11y(page, 'enrolment refused');
  await page.keyboard.press('Escape');
  await refused.waitFor({ state: 'detached' });
  assert.equal(await page.locator(`[data-testid="enrolment-row"][data-number="${untried.prisonNumber}"]`).count(), 0);

  // The convicted prisoner is enrolled.
  const accepted = await enrol(convicted.prisonNumber);
  await accepted.waitFor({ state: 'detached' });
  await page.locator(`[data-testid="enrolment-row"][data-number="${convicted.prisonNumber}"][data-status="enrolled"]`).waitFor();

  // An evening session today, added to the timetable, so there is a register to take now.
  await page.locator('[data-testid="programme-edit"]').click();
  const form = page.locator('[data-testid="programme-form"]');
  await form.locator('[data-testid="programme-session-add"]').click();
  const added = form.locator('[data-testid="programme-session"]').last();
  await added.getByRole('combobox', { name: 'Day' }).click();
  await page.getByRole('option', { name: WEEKDAYS[weekday - 1], exact: true }).click();
  await added.getByRole('textbox', { name: 'From' }).fill('18:00');
  await added.getByRole('textbox', { name: 'To' }).fill('19:30');
  await form.locator('[data-testid="programme-save"]').click();
  await form.waitFor({ state: 'detached' });

  // The register at tablet width: large buttons, the new prisoner absent (ill), the rest attended.
  await page.setViewportSize({ width: 800, height: 1100 });
  await page.locator(`[data-testid="session-row"][data-date="${today}"][data-start="18:00"] [data-testid="session-register"]`).click();
  const register = page.locator('[data-testid="register-page"]');
  await register.waitFor();
  const mine = register.locator(`[data-testid="register-entry"][data-number="${convicted.prisonNumber}"]`);
  await mine.waitFor();
  assert.ok((await register.locator('[data-testid="register-entry"]').count()) > 1, 'everyone enrolled today is on the register');
  await mine.getByText('Absent', { exact: true }).click();
  await mine.locator('[data-testid="register-reason"]').getByText('Ill', { exact: true }).click();
  await register.locator('[data-testid="register-all-attended"]').click();
  const box = await mine.locator('[data-testid="register-mark"] label').first().boundingBox();
  assert.ok(box && box.height >= 44, `touch targets are large (${box?.height} px)`);
  await j.checkA11y(page, 'register');
  await register.locator('[data-testid="register-save"]').click();
  await register.locator('[data-testid="register-saved"]').waitFor();
  await register.locator('[data-testid="register-recorded"]').waitFor();

  // The correction: they did come after all. Saved again, on the register's new version.
  await mine.getByText('Attended', { exact: true }).click();
  await register.locator('[data-testid="register-save"]').click();
  await register.locator('[data-testid="register-saved"]').waitFor();

  // The prisoner's file shows the attendance as progress.
  await page.goto(`/prisoners/${convicted.id}`);
  await page.locator('[data-testid="tab-programmes"]').click();
  const row = page.locator('[data-testid="prisoner-programme"][data-programme="Wood workshop"]');
  await row.waitFor();
  assert.equal(await row.locator('[data-testid="progress-attended"]').innerText(), '1 of 1 sessions · 100 %');
  await j.checkA11y(page, 'prisoner programmes tab');
});
