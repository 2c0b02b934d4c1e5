import { startJourney } from './support.ts';
const j = await startJourney();
const out = '/tmp/assess-shots';
try {
  const page = await j.newPage({ width: 1280, height: 900 });
  await j.signIn(page, 'psychologist');
  const session = await (await page.request.get('/api/v1/auth/session')).json();
  const facilityId = session.activeFacilityId ?? session.facilities[0].id;
  const due = await (await page.request.get(`/api/v1/assessments/due?facilityId=${facilityId}&withinDays=366`)).json();
  console.log('due items', due.items.length, JSON.stringify(due.items.slice(0, 3).map((i: any) => i.reasons)));
  await page.goto('/assessments-due');
  await page.locator('[data-testid="due-table-container"]').waitFor();
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${out}/due-en-1280.png`, fullPage: true });
  const p = due.items[0]?.prisoner.id;
  await page.goto(`/prisoners/${p}`);
  await page.locator('[data-testid="tab-assessments"]').click();
  await page.locator('[data-testid="assessment-row"]').first().waitFor();
  const list = (await (await page.request.get(`/api/v1/prisoners/${p}/assessments`)).json()).items;
  // A second assessment on the same instrument, to compare.
  const me = session.user.id;
  const second = await (await page.request.post(`/api/v1/prisoners/${p}/assessments`, { data: { instrumentCode: list[0].instrument.code, assessorId: me }, headers: { 'x-csrf-token': session.csrfToken } })).json();
  console.log('second', second.id ?? JSON.stringify(second));
  await page.reload();
  await page.locator('[data-testid="tab-assessments"]').click();
  await page.locator('[data-testid="assessment-row"]').nth(1).waitFor();
  await page.locator('[data-testid="assessment-pick"]').nth(0).check();
  await page.locator('[data-testid="assessment-pick"]').nth(1).check();
  await page.screenshot({ path: `${out}/tab-en-1280.png`, fullPage: true });
  await page.locator('[data-testid="assessments-compare"]').click();
  await page.locator('[data-testid="compare-table"]').waitFor();
  await page.screenshot({ path: `${out}/compare-en-1280.png`, fullPage: true });
  // The approved one, at tablet width.
  const tablet = await j.newPage({ width: 800, height: 1100 });
  await j.signIn(tablet, 'psychologist');
  await tablet.goto(`/assessments/${list[0].id}`);
  await tablet.locator('[data-testid="assessment-locked"]').waitFor();
  await tablet.screenshot({ path: `${out}/approved-en-800.png`, fullPage: true });
  // The new draft: submit early to see the faults.
  await tablet.goto(`/assessments/${second.id}`);
  await tablet.locator('[data-testid="assessment-item"]').first().waitFor();
  await tablet.locator('[data-testid="assessment-item"]').first().locator('input[type="radio"]').first().check();
  await tablet.locator('[data-testid="assessment-submit"]').click();
  await tablet.locator('[data-testid="assessment-faults"]').waitFor();
  await tablet.screenshot({ path: `${out}/draft-faults-en-800.png`, fullPage: true });
  // Tajik.
  await tablet.locator('[data-testid="language-switcher"]').click();
  await tablet.getByRole('menuitem', { name: 'Тоҷикӣ' }).click();
  await tablet.waitForFunction(() => document.documentElement.lang === 'tg');
  await tablet.reload();
  await tablet.locator('[data-testid="assessment-item"]').first().waitFor();
  await tablet.screenshot({ path: `${out}/draft-tg-800.png`, fullPage: true });
  await tablet.goto('/assessments-due');
  await tablet.locator('[data-testid="due-table-container"]').waitFor();
  await tablet.waitForTimeout(800);
  await tablet.screenshot({ path: `${out}/due-tg-800.png`, fullPage: true });
} finally {
  await j.close();
}
