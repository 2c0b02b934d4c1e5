// Journey: at tablet width, an officer opens the menu, switches the interface to Tajik (saved to
// their profile, so it survives a reload) and to the dark theme; every screen stays accessible;
// dates read in Tajik, not in the US English a browser without Tajik data falls back to. A language
// picked on the sign-in page then wins over the one on the profile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { journey, skipReason } from './support.ts';

const j = await journey();
const TAJIK_LETTERS = /[ғӣқӯҳҷ]/;
const TAJIK_DATE = /\b\d{1,2} (янв|фев|мар|апр|май|июн|июл|авг|сен|окт|ноя|дек) \d{4}\b/;

test('an officer switches to Tajik and the dark theme at tablet width', { skip: skipReason, timeout: 60_000 }, async () => {
  const page = await j.newPage({ width: 820, height: 1180 });
  await j.signIn(page, 'officer');
  await page.locator('[data-testid="dashboard"]').waitFor();

  // At tablet width the navigation is behind the menu button.
  const homeLink = page.locator('[data-testid="nav-home"]');
  const onScreen = async () => {
    const box = await homeLink.boundingBox();
    return box !== null && box.x >= 0;
  };
  assert.equal(await onScreen(), false, 'the navbar is folded away at 820 px');
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.waitForFunction(() => (document.querySelector('[data-testid="nav-home"]')?.getBoundingClientRect().x ?? -1) >= 0);
  await j.checkA11y(page, 'dashboard with the menu open (English)');
  await page.getByRole('button', { name: 'Menu' }).click();

  await page.locator('[data-testid="language-switcher"]').click();
  await page.getByRole('menuitem', { name: 'Тоҷикӣ' }).click();

  const title = page.getByRole('heading', { level: 1 });
  await page.waitForFunction(() => document.documentElement.lang === 'tg');
  const text = await title.innerText();
  assert.equal(text, 'Саҳифаи асосӣ');
  assert.match(text, TAJIK_LETTERS, 'the heading uses Tajik letters');
  assert.match(await page.locator('[data-testid="dashboard"]').innerText(), /Ғунҷоиши меъёрӣ/);
  await j.checkA11y(page, 'dashboard (Tajik)');

  // Saved on the profile: after a reload the interface is still Tajik.
  await page.reload();
  await page.locator('[data-testid="dashboard"]').waitFor();
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Саҳифаи асосӣ');

  await page.locator('[data-testid="theme-toggle"]').click();
  await page.waitForFunction(() => document.documentElement.dataset.mantineColorScheme === 'dark');
  await j.checkA11y(page, 'dashboard (Tajik, dark theme)');

  // Dates of birth in the prisoner list: Tajik month names, no US English.
  await page.goto('/prisoners');
  const list = page.locator('table');
  await list.locator('tbody tr').first().waitFor();
  const listed = await list.innerText();
  assert.match(listed, TAJIK_DATE);
  assert.doesNotMatch(listed, /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}/);
});

test('a language picked on the sign-in page wins over the profile and is saved to it', { skip: skipReason, timeout: 60_000 }, async () => {
  // The officer's profile says Tajik (the journey above); on a fresh browser they pick English first.
  const page = await j.newPage();
  await page.goto('/');
  await page.locator('[data-testid="language-switcher"]').click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/preferences') && r.request().method() === 'PUT');
  await j.signIn(page, 'officer');
  await page.locator('[data-testid="dashboard"]').waitFor();
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Home');
  assert.equal((await saved).status(), 200);
  await page.reload();
  await page.locator('[data-testid="dashboard"]').waitFor();
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Home', 'saved on the profile, not only for this visit');
});
