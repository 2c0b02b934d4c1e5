// Journey: an officer of SIZO-2, on a tablet (800 px wide), records a cell search of a cell in the
// overdue list, records a find (a phone, with its photo) and bags it as evidence; the bag's page
// shows the chain of custody with the bag held by the officer. A rub-down search of a woman by the
// (male or female) officer is then refused or allowed by the same-sex rule through the API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EvidenceBag, Heatmap, OverdueList, SearchDetail } from '@vigil/contracts';
import { journey, skipReason } from './support.ts';

const j = await journey();

// A 1×1 PNG, as a camera's photo would arrive.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

test('an officer records a cell search with a find and bags the evidence', { skip: skipReason, timeout: 180_000 }, async () => {
  const page = await j.newPage({ width: 800, height: 1100 });
  await j.signIn(page, 'officer');
  const session = (await (await page.request.get('/api/v1/auth/session')).json()) as { activeFacilityId: string; user: { id: string } };
  const staff = (await (await page.request.get(`/api/v1/searches/staff?facilityId=${session.activeFacilityId}`)).json()) as { items: { id: string; familyName: string; givenName: string }[] };
  const me = staff.items.find((s) => s.id === session.user.id)!;
  assert.ok(me, 'the officer is staff of the facility');
  // The cell: the first on the overdue list (the demo leaves some behind), or any cell.
  const overdue = (await (await page.request.get(`/api/v1/searches/overdue?facilityId=${session.activeFacilityId}`)).json()) as OverdueList;
  const heat = (await (await page.request.get(`/api/v1/searches/heatmap?facilityId=${session.activeFacilityId}`)).json()) as Heatmap;
  const cell = heat.items.find((i) => i.id === overdue.items[0]?.cellId) ?? heat.items.find((i) => i.kind === 'cell')!;

  // At tablet width the side navigation is folded behind the menu button.
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.locator('[data-testid="nav-searches"]').click();
  await page.locator('[data-testid="searches-page"]').waitFor();
  await page.locator('[data-testid="search-row"]').first().waitFor();
  await j.checkA11y(page, 'searches');

  // The search: a cell search of the cell, by the officer, nothing noticed yet.
  await page.locator('[data-testid="search-record"]').click();
  const form = page.locator('[data-testid="search-form"]');
  await form.waitFor();
  await form.locator('[data-testid="search-reason"]').fill('Плановый обыск камеры по графику');
  await form.locator('[data-testid="search-place"]').click();
  await form.locator('[data-testid="search-place"]').fill(cell.path);
  await page.getByRole('option', { name: `${cell.path} · ${cell.name}`, exact: true }).click();
  await form.locator('[data-testid="search-searchers"]').click();
  await form.locator('[data-testid="search-searchers"]').fill(me.familyName);
  await page.getByRole('option', { name: new RegExp(`^${me.familyName} ${me.givenName.charAt(0)}\\.`) }).first().click();
  await page.keyboard.press('Escape');
  await j.checkA11y(page, 'record a search');
  await form.locator('[data-testid="search-save"]').click();
  await form.waitFor({ state: 'detached' });
  const searchPage = page.locator('[data-testid="search-page"]');
  await searchPage.waitFor();
  const searchId = new URL(page.url()).pathname.split('/').pop()!;

  // The find: a phone in the mattress, with its photo.
  await page.locator('[data-testid="find-add"]').click();
  const findForm = page.locator('[data-testid="find-form"]');
  await findForm.waitFor();
  await findForm.locator('[data-testid="find-description"]').fill('Мобильный телефон Nokia в матрасе');
  await findForm.locator('input[type="file"]').setInputFiles({ name: 'nokia.png', mimeType: 'image/png', buffer: PNG });
  await findForm.locator('[data-testid="find-save"]').click();
  await findForm.waitFor({ state: 'detached' });
  const row = page.locator('[data-testid="find-row"]');
  await row.waitFor();
  assert.match(await row.innerText(), /Phone or SIM card/);
  assert.equal(await page.locator('[data-testid="search-result-badge"]').textContent(), 'Items found');
  const detail = (await (await page.request.get(`/api/v1/searches/${searchId}`)).json()) as SearchDetail;
  assert.match(detail.finds[0]!.photos[0]!.sha256, /^[0-9a-f]{64}$/, 'the photo is kept with its hash');

  // Bagging: the find goes into a numbered bag the officer holds.
  await row.locator('[data-testid="find-pick"]').check();
  await page.locator('[data-testid="bag-seal"]').fill('A-004417');
  await j.checkA11y(page, 'search with a find');
  await page.locator('[data-testid="bag-finds"]').click();
  const bagPage = page.locator('[data-testid="bag-page"]');
  await bagPage.waitFor();
  await page.locator('[data-testid="custody-entry"]').first().waitFor();
  assert.equal(await page.locator('[data-testid="bag-status"]').textContent(), 'In custody');
  assert.equal(await page.locator('[data-testid="bag-holder"]').innerText(), `${me.familyName} ${me.givenName.charAt(0)}.`);
  const entries = page.locator('[data-testid="custody-entry"]');
  assert.equal(await entries.count(), 1);
  assert.equal(await entries.first().getAttribute('data-kind'), 'bagged');
  assert.match(await entries.first().innerText(), new RegExp(`Bagged and sealed by ${me.familyName}`));
  await j.checkA11y(page, 'evidence bag');

  const bagId = new URL(page.url()).pathname.split('/').pop()!;
  const bag = (await (await page.request.get(`/api/v1/evidence-bags/${bagId}`)).json()) as EvidenceBag;
  assert.match(bag.number, /^SIZO2-\d{4}-\d{6}$/);
  assert.equal(bag.holder?.id, me.id);
  assert.deepEqual(bag.chain[0]!.photoHashes, [detail.finds[0]!.photos[0]!.sha256]);
});
