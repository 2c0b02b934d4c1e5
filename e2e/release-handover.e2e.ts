// Journey: a case manager opens a prisoner's file, writes the release plan (with a risk summary and
// a family contact) and agrees it, then prepares a handover package for the district social
// services: the recipient profile shows it leaves the risk summary out, the package is issued in
// Tajik, and the downloaded PDF holds Tajik letters and the family contact but not the risk summary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';
import type { PrisonerSummary, ReleasePlanView, SessionInfo } from '@vigil/contracts';
import { getJson, journey, skipReason, typedDay } from './support.ts';

const j = await journey();

const RISK = 'Хавфи зӯроварӣ нисбат ба ҳамсари собиқ баланд боқӣ мемонад';
const CONTACT = 'Ҳакимова Ғунча';

async function pdfText(path: string): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(path)));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

test('a case manager writes the release plan and hands over a redacted Tajik package to social services', { skip: skipReason, timeout: 180_000 }, async () => {
  const page = await j.newPage();
  await j.signIn(page, 'case-manager');
  const session = await getJson<SessionInfo>(page, '/api/v1/auth/session');
  const facility = session.facilities[0]!;
  // Someone in custody with no plan yet (the demo plans those nearest to release).
  const { items } = await getJson<{ items: PrisonerSummary[] }>(page, `/api/v1/prisoners?facilityId=${facility.id}&limit=50`);
  let prisoner: PrisonerSummary | undefined;
  for (const p of items.filter((i) => i.state === 'in-custody')) {
    if ((await getJson<ReleasePlanView>(page, `/api/v1/prisoners/${p.id}/release-plan`)).plan === null) {
      prisoner = p;
      break;
    }
  }
  assert.ok(prisoner, 'a prisoner without a release plan');

  await page.goto(`/prisoners/${prisoner.id}`);
  await page.locator('[data-testid="prisoner-header"]').waitFor();
  await page.locator('[data-testid="tab-release-handover"]').click();
  const tab = page.locator('[data-testid="release-handover-tab"]');
  await tab.locator('[data-testid="release-plan-none"]').waitFor();
  assert.equal(await tab.locator('[data-testid="handover-prepare"]').isDisabled(), true, 'no handover without an agreed plan');
  await j.checkA11y(page, 'release and handover tab, no plan');

  // The plan: agreed, with a family contact and a risk summary.
  await tab.locator('[data-testid="release-plan-edit"]').click();
  const form = page.locator('[data-testid="release-plan-form"]');
  await form.waitFor();
  const releaseOn = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  await form.locator('input[name="plannedReleaseOn"]').fill(typedDay(releaseOn));
  await form.locator('[data-testid="release-plan-status"]').click();
  await page.getByRole('option', { name: 'Agreed', exact: true }).click();
  await form.locator('input[name="accommodation.address"]').fill('ш. Кӯлоб, кӯчаи Қаҳҳоров 12');
  await form.locator('textarea[name="work"]').fill('Кор дар сехи дӯзандагии «Ҳунар»');
  await form.locator('[data-testid="release-plan-add-contact"]').click();
  await form.locator('input[name="contacts.0.name"]').fill(CONTACT);
  await form.locator('input[name="contacts.0.relationship"]').fill('модар');
  await form.locator('input[name="contacts.0.phone"]').fill('+992 93 555 1122');
  await form.locator('textarea[name="conditions"]').fill('Ҳар ҳафта ба нозири пробатсия ҳозир шудан\nБе иҷозат аз ноҳия набаромадан');
  await form.locator('textarea[name="riskSummary"]').fill(RISK);
  await j.checkA11y(page, 'release plan form');
  await form.locator('[data-testid="release-plan-save"]').click();
  await form.waitFor({ state: 'detached' });
  await tab.locator('[data-testid="release-plan-status-badge"][data-status="agreed"]').waitFor();
  assert.equal(await tab.locator('[data-testid="release-plan-date"]').innerText(), new Date(releaseOn).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }));

  // The handover: social services, whose profile shows it leaves the risk summary out.
  await tab.locator('[data-testid="handover-prepare"]').click();
  const prepare = page.locator('[data-testid="handover-form"]');
  await prepare.waitFor();
  await prepare.locator('input[name="agency.name"]').fill('Хадамоти иҷтимоии ноҳияи Кӯлоб');
  await prepare.locator('input[name="agency.contact"]').fill('Саидова Ҳ., +992 93 000 0000');
  await prepare.locator('[data-testid="handover-profile"]').click();
  await page.getByRole('option', { name: 'Social services', exact: true }).click();
  const scope = prepare.locator('[data-testid="handover-profile-scope"]');
  await scope.waitFor();
  assert.match(await scope.innerText(), /written in Tajik/);
  assert.equal(await scope.locator('[data-testid="profile-includes"] [data-section="family"]').count(), 1);
  assert.equal(await scope.locator('[data-testid="profile-excludes"] [data-section="risk-summary"]').count(), 1);
  await j.checkA11y(page, 'prepare handover');
  await prepare.locator('[data-testid="handover-save"]').click();
  await tab.locator('[data-testid="handover-issued"]').waitFor();
  await tab.locator('[data-testid="handover-row"][data-profile="social-services"]').waitFor();

  const [download] = await Promise.all([page.waitForEvent('download'), tab.locator('[data-testid="handover-download-latest"]').click()]);
  const text = await pdfText(await download.path());
  for (const letter of ['ҳ', 'ҷ', 'ӣ', 'ӯ', 'қ', 'ғ']) assert.ok(text.includes(letter), `the Tajik letter ${letter}`);
  assert.ok(text.includes('Бастаи ҳуҷҷатҳои супоридан'), 'the package is written in Tajik');
  assert.ok(text.includes(CONTACT), 'the family contact, which social services may receive');
  assert.ok(!text.includes(RISK), 'never the risk summary, which their profile leaves out');
  assert.ok(!text.includes('нозири пробатсия'), 'nor the supervision conditions');
});
