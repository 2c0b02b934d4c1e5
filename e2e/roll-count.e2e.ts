// Journey: a landing officer opens the remand centre's roll, starts a count, enters a wrong number
// for one wing and sees the discrepancy flagged; the count cannot be closed until a recount
// resolves it; then every wing is counted and the count is closed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CountSession, SessionInfo } from '@vigil/contracts';
import { journey, skipReason } from './support.ts';

const j = await journey();

test('count with a discrepancy, resolved by a recount, then closed', { skip: skipReason, timeout: 120_000 }, async () => {
  const page = await j.newPage({ width: 1024, height: 1366 });
  await j.signIn(page, 'officer');
  const session = (await (await page.request.get('/api/v1/auth/session')).json()) as SessionInfo;
  const sizo = session.facilities.find((f) => f.code === 'SIZO-2');
  assert.ok(sizo);

  await page.goto(`/facilities/${sizo.id}`);
  await page.locator('[data-testid="open-roll"]').click();
  await page.locator('[data-testid="roll-page"]').waitFor();
  const total = Number(await page.locator('[data-testid="roll-total"]').innerText());
  assert.ok(total > 0, 'the demo remand centre has prisoners on its roll');
  await page.locator('[data-testid="tab-roll"]').click();
  await page.locator('[data-testid="roll-table"]').waitFor();
  assert.ok(Number(await page.locator('[data-testid="roll-place-A"] [data-testid="roll-count"]').innerText()) > 0, 'block A has people in it');
  await j.checkA11y(page, 'roll');

  await page.locator('[data-testid="tab-count"]').click();
  await page.locator('[data-testid="start-count"]').click();
  const view = page.locator('[data-testid="count-session"]');
  await view.locator('[data-testid="count-table"]').waitFor();
  await j.checkA11y(page, 'count started');

  // The officer counts blind; the journey reads the roll the count compares with from the API.
  const { items } = (await (await page.request.get(`/api/v1/facilities/${sizo.id}/counts`)).json()) as { items: { id: string; status: string }[] };
  const current = items.find((s) => s.status !== 'closed')!;
  const counted = (await (await page.request.get(`/api/v1/counts/${current.id}`)).json()) as CountSession;
  assert.ok(counted.entries.length >= 2, 'several wings to count');
  const [first, ...rest] = counted.entries;

  const enter = async (path: string, n: number) => {
    const row = view.locator(`[data-testid="count-unit-${path}"]`);
    await row.locator('input').fill(String(n));
    await row.locator('[data-testid="record-count"]').click();
    await row.locator('[data-testid="counted"]').waitFor();
    return row;
  };

  // One too many in the first wing: flagged at once.
  const wrongRow = await enter(first!.path, first!.expected + 1);
  assert.equal(await wrongRow.getAttribute('data-discrepancy'), 'true');
  await view.locator('[data-testid="count-discrepancies"]').waitFor();
  assert.equal(await view.getAttribute('data-status'), 'discrepancy');
  await j.checkA11y(page, 'count with a discrepancy');

  for (const unit of rest) await enter(unit.path, unit.expected);
  // Every wing is counted, but the discrepancy keeps the count open.
  assert.equal(await view.locator('[data-testid="close-count"]').isDisabled(), true);
  const refused = await page.request.post(`/api/v1/counts/${current.id}/close`, { data: {}, headers: { 'x-csrf-token': session.csrfToken } });
  assert.equal(refused.status(), 409);
  assert.equal((await refused.json()).code, 'count-incomplete');

  await wrongRow.locator('[data-testid="resolve-count"]').click();
  const resolve = page.locator('[data-testid="resolve-form"]');
  await resolve.waitFor();
  await resolve.locator('input[name="recounted"]').fill(String(first!.expected));
  await resolve.locator('textarea[name="reason"]').fill('Пересчитали с дежурным по этажу: один был посчитан дважды');
  await j.checkA11y(page, 'resolve a discrepancy');
  await resolve.locator('[data-testid="resolve-save"]').click();
  await resolve.waitFor({ state: 'detached' });
  await page.locator(`[data-testid="count-unit-${first!.path}"][data-discrepancy="false"]`).waitFor();
  assert.match(await wrongRow.innerText(), /Recounted/i);
  await view.locator('[data-testid="count-discrepancies"]').waitFor({ state: 'detached' });

  await view.locator('[data-testid="close-count"]').click();
  await page.locator('[data-testid="recent-counts"] [data-testid="recent-count"]').first().waitFor();
  await page.locator('[data-testid="start-count"]').waitFor();
  assert.match(await page.locator('[data-testid="recent-counts"]').innerText(), /closed/i);
  // The count's figure and the roll's total are told apart, so a difference between them reads right.
  assert.match(await page.locator('[data-testid="recent-counts"] thead').innerText(), /Expected in cells/);
  assert.match(await page.locator('[data-testid="expected-help"]').innerText(), /On the roll/);
  await j.checkA11y(page, 'count closed');
});
