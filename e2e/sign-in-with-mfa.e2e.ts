// Journey: the administrator's first sign-in enrols an authenticator (QR code + secret), confirms
// it with a real TOTP, sees the recovery codes once, and lands on the dashboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { totp } from '../apps/server/src/platform/auth/totp.ts';
import { DEMO_PASSWORD, journey, skipReason } from './support.ts';

const j = await journey();

test('admin signs in with MFA enrolment and lands on the dashboard', { skip: skipReason, timeout: 60_000 }, async () => {
  const page = await j.newPage();
  await page.goto('/');
  await page.locator('input[name="username"]').waitFor();
  await j.checkA11y(page, 'sign-in');

  // A wrong password is refused with the server's message, and nothing else happens.
  await page.locator('input[name="username"]').fill('admin');
  await page.locator('input[name="password"]').fill('not-the-password');
  await page.locator('button[type="submit"]').click();
  await page.getByText('The user name or password is wrong.').waitFor();

  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();

  const secretBox = page.locator('[data-testid="mfa-secret"]');
  await secretBox.waitFor();
  const qr = page.locator('img[src^="data:image/png"]');
  assert.equal(await qr.count(), 1, 'the QR code is shown as an image');
  await j.checkA11y(page, 'MFA enrolment');
  const secret = (await secretBox.innerText()).trim();
  assert.match(secret, /^[A-Z2-7]{16,}$/, 'the manual secret is base32');

  // A wrong code is refused; the right one turns MFA on.
  await page.locator('input[name="code"]').fill('000000' === totp(secret) ? '111111' : '000000');
  await page.locator('button[type="submit"]').click();
  await page.getByText('The verification code is wrong or has expired.').waitFor();
  await page.locator('input[name="code"]').fill(totp(secret));
  await page.locator('button[type="submit"]').click();

  const codes = page.locator('[data-testid="recovery-codes"] li');
  await codes.first().waitFor();
  assert.ok((await codes.count()) >= 5, 'recovery codes are shown');
  await j.checkA11y(page, 'recovery codes');
  await page.locator('[data-testid="recovery-continue"]').click();

  await page.locator('[data-testid="dashboard"]').waitFor();
  const cards = page.locator('[data-testid="facility-card"]');
  await cards.first().waitFor();
  assert.equal(await cards.count(), 3, 'the demo has three facilities, all visible to the administrator');
  for (const item of ['home', 'facilities', 'users', 'audit']) {
    assert.ok(await page.locator(`[data-testid="nav-${item}"]`).isVisible(), `the ${item} item is in the navigation`);
  }
  await j.checkA11y(page, 'dashboard');

  // Signing out ends the session: a reload shows the sign-in form again.
  await page.locator('[data-testid="user-menu"]').click();
  await page.locator('[data-testid="sign-out"]').click();
  await page.locator('input[name="username"]').waitFor();
  await page.reload();
  await page.locator('input[name="username"]').waitFor();
});
