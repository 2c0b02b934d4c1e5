// Journey: a senior officer of the remand centre transfers a prisoner to the strict colony; the
// security manager (who covers both) sees them arriving at the colony and signs for them, and the
// file moves with them. Then the senior officer releases someone on a court order: refused while
// their property is still held, released once it is handed back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Prisoner, PrisonerSummary, PropertyItem, SessionInfo } from '@vigil/contracts';
import { getJson, journey, skipReason } from './support.ts';

const j = await journey();

/**
 * Prisoners in custody in a cell of a facility, admitted more than a day ago (the demo's newest
 * arrivals are dated later today), through the same API the screens use.
 */
async function inCustody(page: Page, facilityId: string, wanted: number): Promise<PrisonerSummary[]> {
  const { items } = await getJson<{ items: PrisonerSummary[] }>(page, `/api/v1/prisoners?facilityId=${facilityId}&limit=100`);
  const found: PrisonerSummary[] = [];
  for (const p of items.filter((i) => i.state === 'in-custody' && i.location)) {
    const file = await getJson<Prisoner>(page, `/api/v1/prisoners/${p.id}`);
    if (Date.parse(file.admittedAt) < Date.now() - 86_400_000) found.push(p);
    if (found.length === wanted) break;
  }
  return found;
}

async function openMovements(page: Page, prisonerId: string) {
  await page.goto(`/prisoners/${prisonerId}`);
  await page.locator('[data-testid="prisoner-header"]').waitFor();
  await page.locator('[data-testid="tab-movements"]').click();
  await page.locator('[data-testid="movements-panel"]').waitFor();
}

test('transfer to another facility, received there; release refused until property is returned', { skip: skipReason, timeout: 180_000 }, async () => {
  const senior = await j.newPage({ width: 1024, height: 1366 });
  await j.signIn(senior, 'senior');
  const session = await getJson<SessionInfo>(senior, '/api/v1/auth/session');
  const sizo = session.facilities.find((f) => f.code === 'SIZO-2');
  assert.ok(sizo, 'the senior officer works at the remand centre');

  // --- Transfer ---
  const [traveller, leaving] = await inCustody(senior, sizo.id, 2);
  assert.ok(traveller && leaving, 'two prisoners in custody at the remand centre');
  await openMovements(senior, traveller.id);
  await j.checkA11y(senior, 'movements tab');
  await senior.locator('[data-testid="start-transfer"]').click();
  const form = senior.locator('[data-testid="transfer-form"]');
  await form.waitFor();
  await form.locator('[data-testid="transfer-to"]').click();
  // The senior officer is not assigned to the colony, yet may send someone there.
  await senior.getByRole('option', { name: /^IK-9/ }).click();
  await form.locator('textarea[name="reason"]').fill('Приговор вступил в силу: направляется для отбывания наказания');
  await form.locator('input[name="escort"]').fill('Конвойный полк, автозак 01 А 234, ст. лейтенант Назаров');
  await j.checkA11y(senior, 'transfer form');
  await form.locator('[data-testid="transfer-save"]').click();
  await form.waitFor({ state: 'detached' });
  await senior.locator('[data-testid="movement-done"]').waitFor();
  await senior.locator('[data-testid="open-transfer"]').waitFor();
  assert.match(await senior.locator('[data-testid="state-badge"]').first().innerText(), /transit/i);
  await senior.locator('[data-testid="movement-row"][data-kind="transfer"][data-status="in-transit"]').waitFor();

  // --- Receipt at the colony ---
  const security = await j.newPage();
  await j.signIn(security, 'security');
  const colony = (await getJson<SessionInfo>(security, '/api/v1/auth/session')).facilities.find((f) => f.code === 'IK-9');
  assert.ok(colony, 'the security manager covers the colony');
  await security.goto(`/facilities/${colony.id}`);
  await security.locator('[data-testid="open-roll"]').click();
  await security.locator('[data-testid="roll-page"]').waitFor();
  await security.locator('[data-testid="tab-arriving"]').click();
  const row = security.locator(`[data-testid="transfer-in-${traveller.prisonNumber}"]`);
  await row.waitFor();
  assert.match(await row.innerText(), /SIZO-2/);
  assert.match(await row.innerText(), /Назаров/);
  await j.checkA11y(security, 'arriving by transfer');
  await row.locator('[data-testid="receive-transfer"]').click();
  await security.locator('[data-testid="transfer-received"]').waitFor();
  await row.waitFor({ state: 'detached' });
  await security.locator('[data-testid="transfer-received"] a').click();
  await security.locator('[data-testid="prisoner-header"]').waitFor();
  assert.match(await security.locator('[data-testid="prisoner-header"]').innerText(), /IK-9/);
  await security.locator('[data-testid="tab-history"]').click();
  const stays = security.locator('[data-testid="placements-table"] tbody tr');
  await stays.first().waitFor();
  const history = await security.locator('[data-testid="placements-table"]').innerText();
  assert.match(history, /IK-9/);
  assert.match(history, /SIZO-2/, 'the location history shows both facilities');

  // The file followed the prisoner: the remand centre no longer sees it.
  const gone = await senior.request.get(`/api/v1/prisoners/${traveller.id}`);
  assert.equal(gone.status(), 404);

  // --- Release on a court order, after the property is handed back ---
  let candidate = leaving;
  for (const p of await inCustody(senior, sizo.id, 15)) {
    const { items } = await getJson<{ items: PropertyItem[] }>(senior, `/api/v1/prisoners/${p.id}/property`);
    if (items.some((i) => i.returnedAt === null)) {
      candidate = p;
      break;
    }
  }
  await openMovements(senior, candidate.id);
  await senior.locator('[data-testid="start-release"]').click();
  const release = senior.locator('[data-testid="release-form"]');
  await release.locator('[data-testid="release-due"]').waitFor();
  await j.checkA11y(senior, 'release check');
  const held = await release.locator('[data-testid="property-row"]').count();

  // Not due, no order: refused with each reason listed.
  await release.locator('[data-testid="release-basis"]').click();
  await senior.getByRole('option', { name: 'Sentence served' }).click();
  await release.locator('[data-testid="release-save"]').click();
  const refused = release.locator('[data-testid="release-refused"]');
  await refused.waitFor();
  assert.match(await refused.innerText(), /release date has not been reached/);
  if (held > 0) assert.match(await refused.innerText(), /Property is still held/);

  // A court order lifts the date; the property still has to go back first.
  await release.locator('[data-testid="release-basis"]').click();
  await senior.getByRole('option', { name: 'Court order' }).click();
  await release.locator('input[name="orderReference"]').fill('Суди ноҳияи Сино, қарор № 1-245/2026');
  await release.locator('input[name="notify-family"]').check();
  if (held > 0) {
    await release.locator('[data-testid="release-save"]').click();
    await senior.waitForFunction(() => /Property is still held/.test(document.querySelector('[data-testid="release-refused"]')?.textContent ?? '') && !/release date/.test(document.querySelector('[data-testid="release-refused"]')?.textContent ?? ''));
    // The reasons stand at the top of the dialog, with the property handed back from there.
    const top = await release.locator('[data-testid="release-refused"]').boundingBox();
    const due = await release.locator('[data-testid="release-due"]').boundingBox();
    assert.ok(top && due && top.y < due.y, 'the refusal is shown above the release details');
    await release.locator('[data-testid="release-return-property"]').click();
    await release.locator('[data-testid="property-all-back"]').waitFor();
    await release.locator('[data-testid="release-refused"]').waitFor({ state: 'detached' });
  }
  await j.checkA11y(senior, 'release ready');
  await release.locator('[data-testid="release-save"]').click();
  await release.waitFor({ state: 'detached' });
  await senior.locator('[data-testid="movement-done"]').waitFor();
  // The header refetches the file after the release: wait for it rather than read it at once.
  await senior.waitForFunction(() => /released/i.test(document.querySelector('[data-testid="state-badge"]')?.textContent ?? ''));
  await senior.locator('[data-testid="movement-row"][data-kind="release"]').waitFor();
  assert.match(await senior.locator('[data-testid="key-facts"]').innerText(), /Released on \d{1,2} \w{3} \d{4}, \d\d:\d\d/);
  if (held > 0) assert.equal(await senior.locator('[data-testid="property-row"][data-returned="false"]').count(), 0);
});
