import { startJourney, getJson, sendJson } from './support.ts';
import type { PrisonerSummary, ReleasePlanView, SessionInfo } from '@vigil/contracts';
const j = await startJourney();
try {
  for (const width of [1280, 800]) {
    const page = await j.newPage({ width, height: 1000 });
    await j.signIn(page, 'case-manager');
    const session = await getJson<SessionInfo>(page, '/api/v1/auth/session');
    const { items } = await getJson<{ items: PrisonerSummary[] }>(page, `/api/v1/prisoners?facilityId=${session.facilities[0]!.id}&limit=50`);
    let withPlan: PrisonerSummary | undefined;
    for (const p of items) if ((await getJson<ReleasePlanView>(page, `/api/v1/prisoners/${p.id}/release-plan`)).plan?.status === 'agreed') { withPlan = p; break; }
    if (!withPlan) {
      withPlan = items.find((p) => p.state === 'in-custody')!;
      const cur = await getJson<ReleasePlanView>(page, `/api/v1/prisoners/${withPlan.id}/release-plan`);
      await sendJson(page, 'put', `/api/v1/prisoners/${withPlan.id}/release-plan`, { plannedReleaseOn: new Date(Date.now() + 50 * 86_400_000).toISOString().slice(0, 10), accommodation: { kind: 'rented', address: 'ш. Кӯлоб, кӯчаи Қаҳҳоров 12', confirmed: true }, work: 'Кор дар сехи дӯзандагӣ', contacts: [{ name: 'Ҳакимова Ғунча', relationship: 'модар', phone: '+992 93 555 1122' }], supervisionConditions: ['Ҳар ҳафта ба нозир ҳозир шудан'], riskSummary: 'Хавфи миёна', agencies: ['Нозироти пробатсия'], status: 'agreed', ...(cur.plan && { version: cur.plan.version }) });
      await sendJson(page, 'post', `/api/v1/prisoners/${withPlan.id}/handovers`, { profileCode: 'police', agency: { name: 'ШВКД ноҳияи Кӯлоб', contact: null, country: 'TJ' } });
    }
    for (const lang of ['en', 'tg']) {
      if (lang === 'tg') {
        await page.locator('[data-testid="language-switcher"]').click();
        await page.getByRole('menuitem', { name: 'Тоҷикӣ' }).click();
        await page.waitForFunction(() => document.documentElement.lang === 'tg');
      }
      await page.goto(`/prisoners/${withPlan.id}`);
      await page.locator('[data-testid="tab-release-handover"]').click();
      await page.locator('[data-testid="release-plan"]').waitFor();
      await page.waitForTimeout(500);
      await page.screenshot({ path: `/tmp/handover-shots/tab-${lang}-${width}.png`, fullPage: true });
      await page.locator('[data-testid="release-plan-edit"]').click();
      await page.locator('[data-testid="release-plan-form"]').waitFor();
      await page.waitForTimeout(400);
      await page.screenshot({ path: `/tmp/handover-shots/plan-form-${lang}-${width}.png`, fullPage: true });
      await page.keyboard.press('Escape');
      await page.locator('[data-testid="handover-prepare"]').click();
      await page.locator('[data-testid="handover-profile"]').click();
      await page.getByRole('option').nth(2).click();
      await page.locator('[data-testid="handover-profile-scope"]').waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `/tmp/handover-shots/prepare-${lang}-${width}.png`, fullPage: true });
      await page.keyboard.press('Escape');
    }
    await page.context().close();
  }
  const admin = await j.newPage({ width: 1280, height: 900 });
  await j.signIn(admin, 'admin');
  await admin.locator('[data-testid="nav-handover-profiles"]').click();
  await admin.locator('[data-testid="recipient-profile-row"]').first().waitFor();
  await admin.screenshot({ path: '/tmp/handover-shots/profiles-en-1280.png', fullPage: true });
  await admin.locator('[data-testid="recipient-profile-edit-police"]').click();
  await admin.locator('[data-testid="recipient-profile-form"]').waitFor();
  await admin.waitForTimeout(300);
  await admin.screenshot({ path: '/tmp/handover-shots/profile-form-en-1280.png', fullPage: true });
} finally {
  await j.close();
}
