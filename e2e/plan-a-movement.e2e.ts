// Journey: the security manager has put two prisoners of SIZO-2 on a keep-apart list, and one of
// them is planned into exercise yard 1 this afternoon. A landing officer plans the other into the
// same yard at an overlapping time and is refused, the keep-apart rule named; they plan them into
// the other yard instead. The movement appears on the out-of-cell board as due out, and once logged
// out it is on the board as out of cell, then back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { InternalMovement, Location, PrisonerSearchHit, Zone } from '@vigil/contracts';
import { getJson, journey, sendJson, skipReason } from './support.ts';

const j = await journey();

/** Today in the facility's time zone. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Dushanbe', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const at = (time: string) => new Date(`${today}T${time}:00+05:00`).toISOString();

test('a movement refused because of a keep-apart pair is planned elsewhere and shows on the out-of-cell board', { skip: skipReason, timeout: 180_000 }, async () => {
  // The security manager's part, through the API: the pair, and the first one's movement.
  const page = await j.newPage();
  await j.signIn(page, 'officer');
  const { activeFacilityId: facilityId } = await getJson<{ activeFacilityId: string }>(page, '/api/v1/auth/session');
  const manager = await j.newPage();
  await j.signIn(manager, 'security');
  const places = (await getJson<{ items: Location[] }>(manager, `/api/v1/facilities/${facilityId}/locations`)).items;
  const zones = (await getJson<{ items: Zone[] }>(manager, `/api/v1/facilities/${facilityId}/zones`)).items;
  const yards = places.filter((p) => p.kind === 'yard' && p.parentId === null && zones.some((z) => z.locationId === p.id && z.barredPrisoners.length === 0));
  assert.ok(yards.length >= 2, 'the demo facility has two yards with zones');
  const [yard1, yard2] = yards as [Location, Location];
  const board = await getJson<{ items: InternalMovement[] }>(manager, `/api/v1/facilities/${facilityId}/out-of-cell`);
  const busy = new Set(board.items.map((m) => m.prisoner.id));
  const held = (await getJson<{ items: PrisonerSearchHit[] }>(manager, `/api/v1/prisoners?limit=100&facilityId=${facilityId}`)).items.filter((p) => p.facilityId === facilityId && p.state === 'in-custody' && p.location && !busy.has(p.id));
  const [first, second] = held.slice(-2) as [PrisonerSearchHit, PrisonerSearchHit];
  await sendJson(manager, 'post', `/api/v1/facilities/${facilityId}/keep-apart`, { prisonerIds: [first.id, second.id], reason: 'Угрозы после драки в прогулочном дворе', source: 'incident', startsOn: today });
  await sendJson(manager, 'post', '/api/v1/internal-movements', { prisonerId: first.id, purpose: 'exercise', toLocationId: yard1.id, plannedStart: at('14:00'), plannedEnd: at('15:00') });
  await manager.close();

  // The officer plans the second into the same yard at 14:30: refused, the rule named.
  await page.locator('[data-testid="nav-movements"]').click();
  await page.locator('[data-testid="movement-control-page"]').waitFor();
  await j.checkA11y(page, 'movement control');
  const plan = async (yard: Location) => {
    const form = page.locator('[data-testid="plan-movement-form"]');
    if (!(await form.isVisible())) {
      await page.locator('[data-testid="plan-movement"]').click();
      await form.locator('[data-testid="plan-search"]').fill(second.prisonNumber);
      await form.locator('[data-testid="plan-hit"]').filter({ hasText: second.prisonNumber }).first().click();
    }
    await form.locator('[data-testid="plan-to"]').fill(yard.name);
    await page.getByRole('option', { name: `${yard.name} (${yard.path})`, exact: true }).click();
    await form.locator('[data-testid="plan-start"]').fill('14:30');
    await form.locator('[data-testid="plan-end"]').fill('15:30');
    await form.locator('[data-testid="plan-save"]').click();
    return form;
  };
  const refused = await plan(yard1);
  const problem = refused.locator('[data-testid="problem"]');
  await problem.waitFor();
  assert.match(await problem.innerText(), /Refused \(keep-apart\)/);
  assert.match(await problem.innerText(), new RegExp(first.prisonNumber), 'the other prisoner is named by number');
  await j.checkA11y(page, 'movement refused');

  // Planned into the other yard instead.
  const accepted = await plan(yard2);
  await accepted.waitFor({ state: 'detached' });
  const due = page.locator(`[data-testid="due-row"][data-number="${second.prisonNumber}"]`);
  await due.waitFor();
  assert.match(await due.innerText(), new RegExp(yard2.name));

  // Logged out: on the board as out of cell, then back.
  await due.locator('[data-testid="movement-out"]').click();
  const out = page.locator(`[data-testid="out-row"][data-number="${second.prisonNumber}"]`);
  await out.waitFor();
  assert.match(await out.innerText(), new RegExp(yard2.name));
  await j.checkA11y(page, 'out-of-cell board');
  await out.locator('[data-testid="movement-back"]').click();
  await out.waitFor({ state: 'detached' });
});
